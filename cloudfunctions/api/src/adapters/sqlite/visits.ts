import type Database from 'better-sqlite3'
import type { InsertEventsOutcome, RateLimit } from '../../ports/lead-store'
import type { VisitRecord, VisitStore } from '../../ports/visits'
import { rateWindow } from './rate-window'

/** The channel funnel's visits in SQLite (table `visits`, see migrations.ts). */
export function createSqliteVisitStore(db: Database.Database): VisitStore {
  const rateLimits = rateWindow(db, 'visits')
  const insert = db.prepare(
    `INSERT INTO visits (openid, kind, source, page, park_id, article_id, at, created_at, client_key)
     VALUES (@openid, @kind, @source, @page, @parkId, @articleId, @at, @createdAt, @clientKey)`,
  )
  const purge = db.prepare('DELETE FROM visits WHERE created_at < ?')
  const deleteOf = db.prepare('DELETE FROM visits WHERE openid = ?')

  // Count and insert in one IMMEDIATE transaction, as for contact taps: an allowance is spent once.
  const insertTx = db.transaction((visits: VisitRecord[], limits: RateLimit[]): InsertEventsOutcome => {
    return rateLimits.insertWithin(
      visits,
      limits,
      (v) =>
        insert.run({
          openid: v.openid,
          kind: v.kind,
          source: v.source,
          page: v.page ?? null,
          parkId: v.parkId ?? null,
          articleId: v.articleId ?? null,
          at: v.at,
          createdAt: v.createdAt,
          clientKey: v.clientKey ?? null,
        }).changes,
    )
  })

  return {
    async insertVisits(visits, limits) {
      if (visits.length === 0) return { kind: 'inserted', stored: 0 }
      return insertTx.immediate(visits, limits)
    },
    async purgeOlderThan(before) {
      return purge.run(before).changes
    },
    async deleteVisitor(openid) {
      return deleteOf.run(openid).changes
    },
  }
}
