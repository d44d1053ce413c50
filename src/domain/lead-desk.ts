/**
 * What the lead desk's actions answer (issue 8 items 5–8). Types only: the desk pages import
 * them without valibot; the payload schemas are in ./lead-desk-schemas.ts.
 */
import type { ContactEventKind, InquiryStatus, NeedType, TaxBracket } from './inquiryOptions'
import type { District } from './park'
import type { LeadStage } from './lead-pipeline'

/** One row of the inbox. The phone is in full: staff-only answers. */
export interface LeadListItem {
  id: string
  contactName: string
  company: string
  phone: string
  needType: NeedType
  district?: District
  parkId?: string
  parkName?: string
  source?: string
  stage: LeadStage
  /** The visitor-facing status ('review' = held by the content check: shown as 待审核). */
  status: InquiryStatus
  flagged?: string
  assigneeId?: string
  assigneeName?: string
  /** Beijing date "YYYY-MM-DD". */
  nextFollowUp?: string
  /** The caller has never opened it. */
  unread: boolean
  /** Minutes from arrival to first 已联系; absent while not contacted. */
  responseMinutes?: number
  createdAt: string
}

export type StageCounts = Record<LeadStage, number>

export interface LeadPage {
  items: LeadListItem[]
  nextCursor: string | null
  /** First page only: per stage, under the same filters (not the stage tab): the tab badges. */
  counts?: StageCounts
  /** First page only: open leads whose follow-up date is today or past, oldest date first. */
  due?: LeadListItem[]
  /** Beijing date the server counted "due" against. */
  today: string
  /** Active staff, for the assignee filter and picker. */
  staff: Array<{ id: string; name: string }>
}

export interface LeadFull extends LeadListItem {
  openid: string
  areaMin?: number
  areaMax?: number
  industry: string
  taxBracket?: TaxBracket
  remark: string
  articleId?: string
  invalidReason?: string
  /** The page the visitor opened the form from (their last 留言 tap before the lead arrived). */
  entryPage?: string
  firstContactedAt?: string
  firstContactedById?: string
  firstContactedByName?: string
  /** Optimistic concurrency: leads.update must send the version it read. */
  version: number
  updatedAt: string
}

export interface LeadNote {
  id: string
  leadId: string
  authorId: string
  authorName: string
  body: string
  createdAt: string
}

export interface LeadContactTap {
  kind: ContactEventKind
  page: string
  parkId?: string
  articleId?: string
  source?: string
  at: string
}

export interface LeadRelated {
  id: string
  contactName: string
  company: string
  needType: NeedType
  stage: LeadStage
  createdAt: string
}

export interface LeadDetail {
  lead: LeadFull
  notes: LeadNote[]
  /** The same visitor's other inquiries, newest first. */
  otherInquiries: LeadRelated[]
  /** The same visitor's contact taps (call, copy WeChat …), newest first. */
  contactTaps: LeadContactTap[]
  /** Repeat leads: the same phone from another visitor. */
  repeats: LeadRelated[]
  staff: Array<{ id: string; name: string }>
}

export interface ResponseStats {
  /** Weeks (Monday, Beijing) newest first, of leads that arrived in them. */
  weeks: Array<{ week: string; leads: number; contacted: number; medianMinutes: number | null }>
  /** Per member of staff who made the first contact. */
  agents: ResponseAgent[]
}

export interface ResponseAgent {
  id: string
  name: string
  contacted: number
  medianMinutes: number | null
}

/** Response time over one set of leads (the charts' range): how many were contacted, how fast. */
export interface ResponseSummary {
  leads: number
  contacted: number
  medianMinutes: number | null
  agents: ResponseAgent[]
}
