import type Database from 'better-sqlite3'
import type { ExportCursor, LeadExportReader, PurgeCounts, RetentionStore } from '../../ports/lead-export'
import { toDesk } from './desk'

/**
 * The export's paged reads and the retention purge over the leads tables (no schema of their
 * own: both walk the `created_at` indexes of step 1).
 */
export function createSqliteExportStore(db: Database.Database): LeadExportReader & RetentionStore {
  type Range = { since: string; until: string; limit: number }
  const first = db.prepare<Range, Parameters<typeof toDesk>[0]>(
    `SELECT * FROM inquiries WHERE created_at >= @since AND created_at < @until
     ORDER BY created_at, id LIMIT @limit`,
  )
  const after = db.prepare<Range & { c: string; id: string }, Parameters<typeof toDesk>[0]>(
    `SELECT * FROM inquiries WHERE created_at >= @since AND created_at < @until
       AND (created_at > @c OR (created_at = @c AND id > @id))
     ORDER BY created_at, id LIMIT @limit`,
  )
  const purgeLeads = db.prepare('DELETE FROM inquiries WHERE created_at < ?')
  const purgeEvents = db.prepare('DELETE FROM contact_events WHERE created_at < ?')
  const purgeStage = db.prepare('DELETE FROM inquiries WHERE stage = ? AND created_at < ?')
  // What the desk and the alerts keep about a lead goes with it (notes may quote the client; a
  // delivery holds the announcement, company name included).
  const orphans = ['lead_notes', 'lead_reads'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE lead_id NOT IN (SELECT id FROM inquiries)`),
  )
  orphans.push(db.prepare('DELETE FROM deliveries WHERE inquiry_id NOT IN (SELECT id FROM inquiries)'))
  const dropOrphans = () => {
    for (const statement of orphans) statement.run()
  }
  const purgeTx = db.transaction((before: string): PurgeCounts => {
    const counts = { inquiries: purgeLeads.run(before).changes, events: purgeEvents.run(before).changes }
    if (counts.inquiries > 0) dropOrphans()
    return counts
  })
  const purgeStageTx = db.transaction((stage: string, before: string): number => {
    const removed = purgeStage.run(stage, before).changes
    if (removed > 0) dropOrphans()
    return removed
  })

  return {
    async leadsPage(range, cursor: ExportCursor | null, limit) {
      const rows = cursor
        ? after.all({ ...range, limit, c: cursor.createdAt, id: cursor.id })
        : first.all({ ...range, limit })
      return rows.map(toDesk)
    },
    async purgeOlderThan(before) {
      return purgeTx.immediate(before)
    },
    async purgeStageOlderThan(stage, before) {
      return purgeStageTx.immediate(stage, before)
    },
  }
}
