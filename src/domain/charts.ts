/**
 * The desk's charts (issue 8 item 13): the answer of `stats.charts` and the pure helpers that
 * shape it, shared by the cloud handler (which fills and ranks) and the page (which only draws).
 * Plain data, no validator, so the staff subpackage stays small. Every bar carries its own
 * percentage, so the page's setData holds numbers to draw, not rows to count.
 */
import { LEAD_STAGE_LABELS, type LeadStage } from './lead-pipeline'
import type { ResponseSummary } from './lead-desk'

/** The default and the longest range: 30 Beijing calendar days ending today. */
export const CHART_DAYS = 30
export const CHART_MAX_DAYS = 31
export const SOURCE_TOP = 6
export const PARK_TOP = 10
export const OTHER_LABEL = '其他'
/** The key of the 其他 bar (no source or park id can be '*'). */
export const OTHER_KEY = '*'

export interface ChartBar {
  key: string
  label: string
  count: number
  /** Width of the bar, 0–100: the count as a share of the largest bar's. */
  pct: number
}

export interface ChartDay {
  /** Beijing date "YYYY-MM-DD". */
  date: string
  count: number
  /** Height of the column, 0–100 of the busiest day. */
  pct: number
}

/** The open stages in pipeline order: a lead at a later stage has passed the earlier ones. */
export const FUNNEL_STAGES = [
  'new',
  'contacted',
  'visiting',
  'signed',
] as const satisfies readonly LeadStage[]

export interface FunnelStep {
  stage: (typeof FUNNEL_STAGES)[number]
  label: string
  /** Leads at this stage now. */
  count: number
  /** Leads that reached this stage or a later one (the bar). */
  reached: number
  /** Bar width, 0–100 of the first step. */
  pct: number
  /** Share of the previous step's `reached` that got here, %; null on the first step or after 0. */
  conversion: number | null
}

export interface ChartsData {
  /** The range, Beijing dates, both inclusive. */
  from: string
  to: string
  totalLeads: number
  days: ChartDay[]
  sources: ChartBar[]
  parks: ChartBar[]
  funnel: FunnelStep[]
  /** 无效 leads of the range, apart from the funnel. */
  invalid: number
  taps: ChartBar[]
  totalTaps: number
  /** Arrival → first 已联系 for the range's leads (the same core as `leads.stats`). */
  response: ResponseSummary
}

/** A count from the store: `key` null when the lead carries none (no source, no park). */
export interface KeyCount {
  key: string | null
  label?: string
  count: number
}

const DAY_MS = 86_400_000

/** Beijing dates from `from` to `to`, both inclusive ("YYYY-MM-DD"). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** `date` moved by `days` (may be negative). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The default range: the last CHART_DAYS Beijing days, today included. */
export const defaultRange = (today: string) => ({ from: addDays(today, -(CHART_DAYS - 1)), to: today })

const pctOf = (count: number, max: number) => (max > 0 ? Math.round((count / max) * 100) : 0)

/** One column per day of the range, days without leads included as 0. */
export function fillDays(
  counts: ReadonlyArray<{ date: string; count: number }>,
  from: string,
  to: string,
): ChartDay[] {
  const by = new Map(counts.map((c) => [c.date, c.count]))
  const days = datesBetween(from, to).map((date) => ({ date, count: by.get(date) ?? 0 }))
  const max = Math.max(0, ...days.map((d) => d.count))
  return days.map((d) => ({ ...d, pct: pctOf(d.count, max) }))
}

/**
 * The `n` largest counts (ties by label, so the order is stable), the rest summed into one
 * 其他 bar; rows without a key are labelled `noneLabel`. Zero counts are dropped.
 */
export function topBars(rows: readonly KeyCount[], n: number, noneLabel: string): ChartBar[] {
  const named = rows
    .filter((r) => r.count > 0)
    .map((r) => ({ key: r.key ?? '', label: r.key === null ? noneLabel : r.label || r.key, count: r.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  const head = named.slice(0, n)
  const rest = named.slice(n).reduce((sum, r) => sum + r.count, 0)
  const bars = rest > 0 ? [...head, { key: OTHER_KEY, label: OTHER_LABEL, count: rest }] : head
  const max = Math.max(0, ...bars.map((b) => b.count))
  return bars.map((b) => ({ ...b, pct: pctOf(b.count, max) }))
}

/** The funnel from the count of leads at each stage now (stages only move forward, one by one). */
export function funnelOf(byStage: Partial<Record<LeadStage, number>>): FunnelStep[] {
  let reached = 0
  const steps = [...FUNNEL_STAGES]
    .reverse()
    .map((stage) => {
      const count = byStage[stage] ?? 0
      reached += count
      return { stage, label: LEAD_STAGE_LABELS[stage], count, reached }
    })
    .reverse()
  const first = steps[0].reached
  return steps.map((s, i) => {
    const prev = i > 0 ? steps[i - 1].reached : 0
    return {
      ...s,
      pct: pctOf(s.reached, first),
      conversion: i > 0 && prev > 0 ? Math.round((s.reached / prev) * 1000) / 10 : null,
    }
  })
}
