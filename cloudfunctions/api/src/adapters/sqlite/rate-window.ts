import type Database from 'better-sqlite3'
import type { Caller, InsertEventsOutcome, RateLimit } from '../../ports/lead-store'

/** The tables whose rows count against the per-visitor and per-address limits. */
export type LimitedTable = 'inquiries' | 'contact_events' | 'visits'

export interface RateWindow {
  /** How many more rows each limit allows the caller (limits that do not apply are left out). */
  allowances(caller: Caller, limits: RateLimit[]): Array<{ limit: RateLimit; left: number }>
  /** Clears the address keys older than the longest address window: none can count them any more. */
  forgetOldKeys(limits: RateLimit[]): void
  /**
   * One caller's batch (contact taps, visits): refused when a limit is spent, otherwise cut to
   * what every limit has left and stored row by row (`insert` answers the rows it wrote); then
   * the old address keys are cleared. Run it inside the IMMEDIATE write transaction, so an
   * allowance is spent once.
   */
  insertWithin<T extends Caller>(
    rows: T[],
    limits: RateLimit[],
    insert: (row: T) => number,
  ): InsertEventsOutcome
}

/**
 * The rate-limit window over one table (leads, contact taps, visits): each count walks one index,
 * (openid, created_at) or the partial (client_key, created_at). Address keys are kept only while
 * a limit can still count them: callers clear older ones in the same transaction as each write
 * (a walk of the partial index, which then holds ~a day of rows).
 */
export function rateWindow(db: Database.Database, table: LimitedTable): RateWindow {
  type Count = Database.Statement<{ who: string; since: string }, { n: number }>
  const counts: Record<RateLimit['by'], Count> = {
    visitor: db.prepare(`SELECT count(*) AS n FROM ${table} WHERE openid = @who AND created_at >= @since`),
    address: db.prepare(
      `SELECT count(*) AS n FROM ${table} WHERE client_key = @who AND created_at >= @since`,
    ),
  }
  const forget = db.prepare<{ before: string }>(
    `UPDATE ${table} SET client_key = NULL WHERE client_key IS NOT NULL AND created_at < @before`,
  )
  const limiter: RateWindow = {
    allowances(caller, limits) {
      const out: Array<{ limit: RateLimit; left: number }> = []
      for (const limit of limits) {
        const who = limit.by === 'visitor' ? caller.openid : caller.clientKey
        if (!who) continue
        out.push({ limit, left: limit.max - counts[limit.by].get({ who, since: limit.since })!.n })
      }
      return out
    },
    forgetOldKeys(limits) {
      const windows = limits.filter((l) => l.by === 'address').map((l) => l.since)
      if (windows.length) forget.run({ before: windows.sort()[0] })
    },
    insertWithin(rows, limits, insert) {
      const open = limiter.allowances(rows[0], limits)
      const spent = open.find((a) => a.left <= 0)
      if (spent) return { kind: 'rate-limited', limit: spent.limit }
      const room = Math.min(rows.length, ...open.map((a) => a.left))
      let stored = 0
      for (const row of rows.slice(0, room)) stored += insert(row)
      limiter.forgetOldKeys(limits)
      return { kind: 'inserted', stored }
    },
  }
  return limiter
}
