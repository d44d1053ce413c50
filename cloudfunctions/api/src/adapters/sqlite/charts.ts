import type Database from 'better-sqlite3'
import type { FunnelCount, KeyCount } from '@/domain/charts'
import { DIRECT_SOURCE } from '@/domain/channels'
import type { LeadStage } from '@/domain/lead-pipeline'
import type { ChartRange, ChartsReader, LeadCounts } from '../../ports/charts'

/**
 * The charts' counts in SQLite: one GROUP BY each over the created_at indexes (inquiries_created,
 * contact_events_created). Times are UTC ISO strings, so `date(created_at, '+8 hours')` is the
 * Beijing calendar day (UTC+8, no DST).
 */
export function createSqliteCharts(db: Database.Database): ChartsReader {
  const inRange = 'created_at >= @since AND created_at < @until'
  const byDay = db.prepare<ChartRange, { date: string; count: number }>(
    `SELECT date(created_at, '+8 hours') AS date, COUNT(*) AS count FROM inquiries WHERE ${inRange} GROUP BY 1`,
  )
  const bySource = db.prepare<ChartRange, { key: string | null; count: number }>(
    `SELECT COALESCE(NULLIF(source, ''), '${DIRECT_SOURCE}') AS key, COUNT(*) AS count FROM inquiries WHERE ${inRange} GROUP BY 1`,
  )
  // The park's name as the newest lead of the range stored it: with MAX(), SQLite takes a bare
  // column (park_name) from the row holding the maximum (documented behaviour), as CloudBase does.
  const byPark = db.prepare<ChartRange, { key: string; label: string | null; newest: string; count: number }>(
    `SELECT park_id AS key, park_name AS label, MAX(created_at) AS newest, COUNT(*) AS count FROM inquiries
     WHERE ${inRange} AND park_id IS NOT NULL AND park_id <> '' GROUP BY park_id`,
  )
  const byStage = db.prepare<ChartRange, { stage: LeadStage; count: number }>(
    `SELECT stage, COUNT(*) AS count FROM inquiries WHERE ${inRange} GROUP BY stage`,
  )
  const taps = db.prepare<ChartRange, { key: string; count: number }>(
    `SELECT kind AS key, COUNT(*) AS count FROM contact_events WHERE ${inRange} GROUP BY kind`,
  )
  // The funnel: visits over visits_created_source (covering), taps and leads over their created_at
  // indexes. Source-less taps (and leads of before the visits step) are direct visits.
  const day = "date(created_at, '+8 hours')"
  const sourceOr = `COALESCE(NULLIF(source, ''), '${DIRECT_SOURCE}')`
  const funnel = db.prepare<ChartRange, FunnelCount>(
    `SELECT ${day} AS date, source, kind AS metric, COUNT(*) AS count FROM visits WHERE ${inRange} GROUP BY 1, 2, 3
     UNION ALL
     SELECT ${day} AS date, ${sourceOr} AS source, 'tap' AS metric, COUNT(*) AS count FROM contact_events
       WHERE ${inRange} GROUP BY 1, 2
     UNION ALL
     SELECT ${day} AS date, ${sourceOr} AS source, 'lead' AS metric, COUNT(*) AS count FROM inquiries
       WHERE ${inRange} GROUP BY 1, 2`,
  )
  return {
    async funnelCounts(range): Promise<FunnelCount[]> {
      return funnel.all(range)
    },
    async leadCounts(range): Promise<LeadCounts> {
      const stages: Partial<Record<LeadStage, number>> = {}
      for (const r of byStage.all(range)) stages[r.stage] = r.count
      return {
        byDay: byDay.all(range),
        bySource: bySource.all(range),
        byPark: byPark.all(range).map((r) => ({ key: r.key, label: r.label ?? r.key, count: r.count })),
        byStage: stages,
      }
    },
    async tapsByKind(range): Promise<KeyCount[]> {
      return taps.all(range)
    },
  }
}
