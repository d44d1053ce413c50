import type { FunnelCount, KeyCount } from '@/domain/charts'
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
  /**
   * The channel funnel (issue 9 item 4): per Beijing day and source, the visits by kind (entries
   * and detail views), contact taps and leads of the range; rows without a source count as
   * DIRECT_SOURCE. Zero counts are absent.
   */
  funnelCounts(range: ChartRange): Promise<FunnelCount[]>
}
