import type { ContactEventKind, InquiryStatus, NeedType, TaxBracket } from '@/domain/inquiry'
import type { District } from '@/domain/park'

/**
 * A stored lead: every field InquirySchema validated (free text cleaned, phone normalised), who
 * sent it (the platform's openid, never the payload's), where it came from, and its review state.
 * Times are `Date#toISOString()` (UTC, fixed width), so text order is time order in both stores.
 */
export interface InquiryRecord {
  /** core/inquiry-id.ts inquiryIdFor(openid, idempotencyKey): the same form fill always maps to the same id. */
  id: string
  openid: string
  idempotencyKey: string
  needType: NeedType
  areaMin?: number
  areaMax?: number
  industry: string
  district?: District
  taxBracket?: TaxBracket
  company: string
  contactName: string
  /** Normalised 11-digit mobile. Never logged unmasked. */
  phone: string
  remark: string
  /** The visitor ticked the privacy consent (the schema accepts nothing else). */
  consent: true
  /** Attribution: the QR / share source code, the park or article the form was opened from. */
  source?: string
  parkId?: string
  /** Resolved by the server from parkId; absent when the park is unknown. */
  parkName?: string
  articleId?: string
  status: InquiryStatus
  /** Why the lead is in 'review'. */
  flagged?: FlagReason
  /**
   * Keyed hash of the sender's network address (core/client-key.ts), for per-address limits;
   * never the address itself, never shown. Absent when the host knew no address. Stores clear
   * it once it is older than every address limit's window (insertInquiry, insertContactEvents).
   */
  clientKey?: string
  createdAt: string
  updatedAt: string
}

/** Why a lead was kept for review instead of 'new'. */
export type FlagReason = 'content-review' | 'content-check-failed' | 'content-check-timeout'

/**
 * A sliding window: at most `max` records stored at or after `since`, counted per visitor
 * (openid) or per client address (clientKey). An address limit does not apply to a record
 * without a clientKey.
 */
export interface RateLimit {
  by: 'visitor' | 'address'
  window: 'hour' | 'day'
  since: string
  max: number
}

/** Who a limit counts: the visitor and, when known, the keyed hash of their address. */
export interface Caller {
  openid: string
  clientKey?: string
}

export type InsertInquiryOutcome =
  | { kind: 'inserted'; inquiry: InquiryRecord }
  /** The (openid, idempotencyKey) pair was already stored: the first lead, unchanged. */
  | { kind: 'duplicate'; inquiry: InquiryRecord }
  /** The first limit (in the order given) the caller has reached. */
  | { kind: 'rate-limited'; limit: RateLimit }

export type InsertEventsOutcome =
  /** `stored` may be fewer than sent: a batch is cut to what the limits still allow. */
  { kind: 'inserted'; stored: number } | { kind: 'rate-limited'; limit: RateLimit }

export interface ContactEventRecord {
  openid: string
  kind: ContactEventKind
  page: string
  parkId?: string
  articleId?: string
  source?: string
  /** The client's clock, as sent. */
  at: string
  /** The server's receive time. */
  createdAt: string
  /** As InquiryRecord.clientKey. */
  clientKey?: string
}

/**
 * Where leads and contact events live. Personal data, kept apart from the catalogue port
 * (StoragePort) so the places that touch it are few and easy to audit. SQLite (local runtime,
 * tests) and CloudBase (production) implement it.
 */
export interface LeadStore {
  findInquiry(openid: string, idempotencyKey: string): Promise<InquiryRecord | null>
  /** The first of `limits` the caller has reached for leads, or null. Advisory: see insertInquiry. */
  rateLimited(caller: Caller, limits: RateLimit[]): Promise<RateLimit | null>
  /**
   * The authoritative step: a stored key answers `duplicate` (never counted, never limited);
   * otherwise a reached limit answers `rate-limited`; otherwise the record is stored. Exactly one
   * record per (openid, idempotencyKey) however many calls race.
   */
  insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome>
  /** The visitor's leads, newest first. */
  listInquiries(openid: string, limit: number): Promise<InquiryRecord[]>
  /** PIPL Art. 47: removes every lead and contact event of the visitor. */
  deleteVisitorData(openid: string): Promise<{ inquiries: number; events: number }>
  /**
   * Stores the events of one caller (all share openid and clientKey) as far as `limits` allow:
   * cut to the smallest remaining allowance, or `rate-limited` when one is used up.
   */
  insertContactEvents(events: ContactEventRecord[], limits: RateLimit[]): Promise<InsertEventsOutcome>
}
