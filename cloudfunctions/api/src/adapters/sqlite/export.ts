import type Database from 'better-sqlite3'
import type { ExportCursor, LeadExportReader, PurgeCounts, RetentionStore } from '../../ports/lead-export'
import { toInquiry, type InquiryRow } from './leads'

/**
 * The export's paged reads and the retention purge over the leads tables (no schema of their
 * own: both walk the `created_at` indexes of step 1).
 */
export function createSqliteExportStore(db: Database.Database): LeadExportReader & RetentionStore {
  type Range = { since: string; until: string; limit: number }
  const first = db.prepare<Range, InquiryRow>(
    `SELECT * FROM inquiries WHERE created_at >= @since AND created_at < @until
     ORDER BY created_at, id LIMIT @limit`,
  )
  const after = db.prepare<Range & { c: string; id: string }, InquiryRow>(
    `SELECT * FROM inquiries WHERE created_at >= @since AND created_at < @until
       AND (created_at > @c OR (created_at = @c AND id > @id))
     ORDER BY created_at, id LIMIT @limit`,
  )
  const purgeLeads = db.prepare('DELETE FROM inquiries WHERE created_at < ?')
  const purgeEvents = db.prepare('DELETE FROM contact_events WHERE created_at < ?')
  const purgeStatus = db.prepare('DELETE FROM inquiries WHERE status = ? AND created_at < ?')
  const purgeTx = db.transaction((before: string): PurgeCounts => ({
    inquiries: purgeLeads.run(before).changes,
    events: purgeEvents.run(before).changes,
  }))

  return {
    async leadsPage(range, cursor: ExportCursor | null, limit) {
      const rows = cursor
        ? after.all({ ...range, limit, c: cursor.createdAt, id: cursor.id })
        : first.all({ ...range, limit })
      return rows.map(toInquiry)
    },
    async purgeOlderThan(before) {
      return purgeTx.immediate(before)
    },
    async purgeStatusOlderThan(status, before) {
      return purgeStatus.run(status, before).changes
    },
  }
}
