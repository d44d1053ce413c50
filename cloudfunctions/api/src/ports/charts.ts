import type { KeyCount } from '@/domain/charts'
import type { LeadStage } from '@/domain/lead-pipeline'

/** A range of instants, UTC ISO, [since, until). */
export interface ChartRange {
  since: string
  until: string
}

/** Counts of the leads that arrived in a range. */
export interface LeadCounts {
  /** Per Beijing calendar day ("YYYY-MM-DD"); days without leads are absent. */
  byDay: Array<{ date: string; count: number }>
  /** Per `source` (key null: none). */
  bySource: KeyCount[]
  /** Per park (key = park id, label = the park's name as stored on the lead); leads without a park left out. */
  byPark: KeyCount[]
  /** Per desk stage, now. */
  byStage: Partial<Record<LeadStage, number>>
}

/**
 * What the desk's charts read (issue 8 item 13): SQLite answers with GROUP BY queries
 * (sqlite/charts.ts), CloudBase with paged reads over the createdAt indexes counted in code
 * (cloudbase-charts.ts). Response time comes from LeadDesk.responseRows, like `leads.stats`.
 */
export interface ChartsReader {
  leadCounts(range: ChartRange): Promise<LeadCounts>
  /** Contact taps per `kind` (call, copy-wechat …) recorded in the range. */
  tapsByKind(range: ChartRange): Promise<KeyCount[]>
}
