import type { VisitKind } from '@/domain/visits'
import type { InsertEventsOutcome, RateLimit } from './lead-store'

/**
 * A visit of the channel funnel (issue 9 item 4): an entry (scan / share / direct) or a detail
 * view, with the source it is attributed to — always one: DIRECT_SOURCE when the app sent none.
 */
export interface VisitRecord {
  /** Who sent it (the platform's identity): the per-visitor limit and the deletion right. */
  openid: string
  kind: VisitKind
  source: string
  page?: string
  parkId?: string
  articleId?: string
  /** The client's clock, as sent. */
  at: string
  /** The server's receive time: what the funnel counts by. */
  createdAt: string
  /** As InquiryRecord.clientKey: a keyed hash of the address, cleared after the longest window. */
  clientKey?: string
}

/** Where visits live: SQLite `visits` (sqlite/visits.ts), CloudBase `visits` (cloudbase-visits.ts). */
export interface VisitStore {
  /**
   * Stores one caller's visits (all share openid and clientKey) as far as `limits` allow: cut to
   * the smallest remaining allowance, or `rate-limited` when one is used up.
   */
  insertVisits(visits: VisitRecord[], limits: RateLimit[]): Promise<InsertEventsOutcome>
  /** The retention purge: visits stored before `before` (ISO). Answers how many went. */
  purgeOlderThan(before: string): Promise<number>
  /** PIPL Art. 47: every visit of the visitor. */
  deleteVisitor(openid: string): Promise<number>
}
