import type { AlertChannel } from '@/domain/alerts'
import type { InquiryStatus, NeedType } from '@/domain/inquiry'
import type { LeadNotice } from './notifier'

/*
 * Lead alerts (issue 8 items 9 and 11): where each announcement's deliveries are recorded, how
 * many subscribe messages each member of staff may still receive, the channels that carry them,
 * and what the morning digest reads. SQLite (adapters/sqlite/deliveries.ts) and CloudBase
 * (adapters/cloudbase-deliveries.ts) implement the stores.
 */

export type DeliveryStatus = 'pending' | 'sent' | 'failed'

/** One attempt, kept on its delivery (the newest few). */
export interface DeliveryAttempt {
  at: string
  ok: boolean
  ms: number
  /** Why it failed (never a webhook key, never a full phone). */
  error?: string
}

/** One channel × recipient for one lead: recorded before the first attempt, so nothing is lost. */
export interface DeliveryRecord {
  /** `${inquiryId}:${channel}:${recipient}`: recording the same lead twice records it once. */
  id: string
  inquiryId: string
  channel: AlertChannel
  /** StaffMember.id for 'subscribe'; '' for the robot (one group). */
  recipient: string
  status: DeliveryStatus
  attempts: number
  /** When a runner may next attempt it (pending only); claiming moves it forward as a lease. */
  nextAttemptAt?: string
  lastError?: string
  history: DeliveryAttempt[]
  /** What to say, as it was when the lead arrived (masked phone only). */
  notice: LeadNotice
  createdAt: string
  updatedAt: string
}

export interface DeliveryStore {
  /** Stores the records whose id is not stored yet; returns those it stored. */
  addDeliveries(records: DeliveryRecord[]): Promise<DeliveryRecord[]>
  /**
   * Takes a pending delivery for one attempt: succeeds only when it is still pending and due
   * (nextAttemptAt ≤ `now`), moving nextAttemptAt to `leaseUntil` in the same conditional write,
   * so a second runner finds it no longer due. False: someone else has it.
   */
  claimDelivery(id: string, now: string, leaseUntil: string): Promise<boolean>
  /** Writes the outcome of an attempt (the claimer only). */
  saveDelivery(record: DeliveryRecord): Promise<void>
  /** Pending deliveries whose nextAttemptAt ≤ now, oldest due first. */
  dueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]>
  /** Every delivery of a lead (the detail page, tests). */
  deliveriesOf(inquiryId: string): Promise<DeliveryRecord[]>
}

/** One-time subscribe-message grants per member of staff. */
export interface SubscriptionStore {
  subscriptionsLeft(staffId: string): Promise<number>
  /** Adds `count` (capped at MAX_SUBSCRIPTIONS_KEPT); returns the new count. */
  addSubscriptions(staffId: string, count: number, at: string): Promise<number>
  /** Uses one when any is left (atomically); false when none was. */
  takeSubscription(staffId: string, at: string): Promise<boolean>
  /** WeChat said there is none (43101): our count was wrong, so it becomes 0. */
  clearSubscriptions(staffId: string, at: string): Promise<void>
}

/** The WeCom group robot: one markdown message (≤ 4,096 bytes). Rejects with core/delivery-error.ts DeliveryError, or any error (taken as retryable). */
export interface RobotPort {
  sendMarkdown(content: string): Promise<void>
}

/** A subscribe message to one member of staff, by openid. */
export interface SubscribeMessagePort {
  readonly templateId: string
  sendLeadAlert(touser: string, notice: LeadNotice): Promise<void>
}

/** A lead as the morning digest lists it: no free text beyond the company, the phone masked. */
export interface DigestLead {
  id: string
  needType: NeedType
  status: InquiryStatus
  company: string
  maskedPhone: string
  createdAt: string
  /** StaffMember.id once leads are assigned (the pipeline, migration step 5); absent: nobody's yet. */
  assigneeId?: string
}

export interface DigestFollowUp extends DigestLead {
  /** The follow-up date (Beijing YYYY-MM-DD) that is due today or overdue. */
  followUpOn: string
}

/** What the morning digest reads. */
export interface DigestSource {
  /** Leads with from ≤ createdAt < to, oldest first, at most `limit`. */
  leadsBetween(from: string, to: string, limit: number): Promise<DigestLead[]>
  /** Leads still 'new' (新线索) created before `before`, oldest first, at most `limit`. */
  staleNewLeads(before: string, limit: number): Promise<DigestLead[]>
  /**
   * Open leads whose next follow-up is on or before `day` (Beijing YYYY-MM-DD), at most `limit`.
   * The pipeline (assignee, next follow-up) arrives with migration step 5: until then the
   * adapters answer [] and the digest's section says so.
   */
  followUpsDue(day: string, limit: number): Promise<DigestFollowUp[]>
}
