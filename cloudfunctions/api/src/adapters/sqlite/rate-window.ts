import type Database from 'better-sqlite3'
import type { Caller, RateLimit } from '../../ports/lead-store'

/** The tables whose rows count against the per-visitor and per-address limits. */
export type LimitedTable = 'inquiries' | 'contact_events' | 'visits'

export interface RateWindow {
  /** How many more rows each limit allows the caller (limits that do not apply are left out). */
  allowances(caller: Caller, limits: RateLimit[]): Array<{ limit: RateLimit; left: number }>
  /** Clears the address keys older than the longest address window: none can count them any more. */
  forgetOldKeys(limits: RateLimit[]): void
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
  return {
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
  }
}
