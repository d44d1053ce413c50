import type { LeadNote } from '@/domain/lead-desk'
import type { LeadStage } from '@/domain/lead-pipeline'
import type { ContactEventRecord, InquiryRecord } from './lead-store'

/** A stored lead as the desk sees it: the inquiry plus its pipeline fields. */
export interface DeskLeadRecord extends InquiryRecord {
  stage: LeadStage
  assigneeId?: string
  /** Beijing date "YYYY-MM-DD". */
  nextFollowUp?: string
  invalidReason?: string
  /** When the lead first reached 已联系, and who moved it there (response time, item 8). */
  firstContactedAt?: string
  firstContactedBy?: string
  /** Starts at 1; every update adds 1. */
  version: number
}

/** Filters of the inbox; every one optional. Times are UTC ISO bounds [createdFrom, createdTo). */
export interface DeskFilters {
  source?: string
  parkId?: string
  /** A staff id, or 'none' for unassigned. */
  assigneeId?: string
  createdFrom?: string
  createdTo?: string
  /** Contains, on contact name or company. */
  text?: string
  /** The phone's last 4 digits. */
  phoneTail?: string
}

export interface DeskQuery extends DeskFilters {
  stage?: LeadStage
  /** Keyset: rows strictly older than (createdAt, id), newest first. */
  after?: { createdAt: string; id: string }
  limit: number
}

/** The pipeline fields an update may set; `null` clears one. */
export interface LeadPatch {
  stage?: LeadStage
  assigneeId?: string | null
  nextFollowUp?: string | null
  invalidReason?: string | null
  firstContactedAt?: string
  firstContactedBy?: string
  /** The visitor-facing status follows the stage (lead-pipeline.ts visitorStatusFor). */
  status?: InquiryRecord['status']
}

export type UpdateLeadOutcome =
  | { kind: 'updated'; lead: DeskLeadRecord }
  /** The stored version is not the expected one: nothing was written. */
  | { kind: 'conflict'; current: DeskLeadRecord }
  | { kind: 'not-found' }

export interface ResponseRow {
  createdAt: string
  firstContactedAt?: string
  firstContactedBy?: string
}

/**
 * The staff side of the leads (issue 8 items 5–8). SQLite (sqlite/desk.ts) and CloudBase
 * (cloudbase-desk.ts) implement it over the same rows / documents as LeadStore.
 */
export interface LeadDesk {
  /** `limit` rows newest first (ask for limit + 1 to learn whether more exist). */
  listLeads(query: DeskQuery): Promise<DeskLeadRecord[]>
  /** How many leads per stage match the filters. */
  countByStage(filters: DeskFilters): Promise<Record<LeadStage, number>>
  /** Open leads with a follow-up date on or before `today`, earliest date first. */
  dueFollowUps(today: string, limit: number): Promise<DeskLeadRecord[]>
  getLead(id: string): Promise<DeskLeadRecord | null>
  /** Which of `leadIds` the member of staff has opened. */
  readLeadIds(staffId: string, leadIds: string[]): Promise<Set<string>>
  markRead(staffId: string, leadId: string, at: string): Promise<void>
  /** Compare-and-set on `version`: writes `patch`, bumps the version and updatedAt, or nothing. */
  updateLead(id: string, expectedVersion: number, patch: LeadPatch, at: string): Promise<UpdateLeadOutcome>
  addNote(note: LeadNote): Promise<void>
  /** Oldest first. */
  listNotes(leadId: string): Promise<LeadNote[]>
  /** The visitor's leads, newest first (the caller drops the lead itself). */
  visitorLeads(openid: string, limit: number): Promise<DeskLeadRecord[]>
  visitorTaps(openid: string, limit: number): Promise<ContactEventRecord[]>
  /** Leads with this phone from other visitors, newest first. */
  leadsByPhone(phone: string, exceptOpenid: string, limit: number): Promise<DeskLeadRecord[]>
  /** Leads that arrived at or after `since` (for response-time stats). */
  responseRows(since: string): Promise<ResponseRow[]>
}
