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
  /** The channel funnel (issue 9 item 4): entries of the range, all channels. */
  totalEntries: number
  /** Per channel (source), busiest first: the top CHANNEL_TOP, the rest summed as 其他. */
  channels: ChannelRow[]
  /** Per day, for the top CHANNEL_SERIES_TOP channels (其他 never). */
  channelDays: ChannelSeries[]
}

/**
 * The channel funnel's counts (issue 9 item 4), as the stores answer them: one metric of one
 * source on one Beijing day. Entries are 'scan' / 'share' / 'direct'; 'view' a detail page shown;
 * 'tap' a contact tap; 'lead' an inquiry. A row without a source is counted as 'direct'.
 */
export type FunnelMetric = 'scan' | 'share' | 'direct' | 'view' | 'tap' | 'lead'
export interface FunnelCount {
  date: string
  source: string
  metric: FunnelMetric
  count: number
}

export const CHANNEL_TOP = 8
export const CHANNEL_SERIES_TOP = 4

export interface ChannelTotals {
  /** Visits that came in by this channel: scan + share + direct entries. */
  entries: number
  scan: number
  share: number
  views: number
  taps: number
  leads: number
}

export interface ChannelRow extends ChannelTotals {
  /** The source code ('direct' for 直接访问; OTHER_KEY for 其他). */
  key: string
  label: string
  /** Leads per entry, % with one decimal; null without entries. */
  conversion: number | null
  /** Width of the entries bar, 0–100 of the busiest channel's. */
  pct: number
}

export interface ChannelDay extends ChannelTotals {
  date: string
  /** Heights, 0–100 of the busiest day of every series (one scale, so the series compare). */
  entriesPct: number
  leadsPct: number
}

export interface ChannelSeries {
  key: string
  label: string
  days: ChannelDay[]
}

const zeroTotals = (): ChannelTotals => ({ entries: 0, scan: 0, share: 0, views: 0, taps: 0, leads: 0 })

function add(t: ChannelTotals, metric: FunnelMetric, n: number): void {
  if (metric === 'scan' || metric === 'share' || metric === 'direct') {
    t.entries += n
    if (metric !== 'direct') t[metric] += n
  } else if (metric === 'view') t.views += n
  else if (metric === 'tap') t.taps += n
  else t.leads += n
}

const conversionOf = (t: ChannelTotals) =>
  t.entries > 0 ? Math.round((t.leads / t.entries) * 1000) / 10 : null

/**
 * The funnel per channel over the range and per day for the busiest channels. Channels rank by
 * entries, then leads, then label; `names` labels codes (a code it lacks shows as itself).
 */
export function channelFunnel(
  counts: readonly FunnelCount[],
  from: string,
  to: string,
  names: Readonly<Record<string, string>>,
): { totalEntries: number; channels: ChannelRow[]; channelDays: ChannelSeries[] } {
  const totals = new Map<string, ChannelTotals>()
  const daily = new Map<string, Map<string, ChannelTotals>>()
  for (const c of counts) {
    if (c.count <= 0) continue
    if (!totals.has(c.source)) totals.set(c.source, zeroTotals())
    add(totals.get(c.source)!, c.metric, c.count)
    if (!daily.has(c.source)) daily.set(c.source, new Map())
    const days = daily.get(c.source)!
    if (!days.has(c.date)) days.set(c.date, zeroTotals())
    add(days.get(c.date)!, c.metric, c.count)
  }
  // Own keys only: a source code may be any token, 'constructor' included.
  const labelOf = (key: string) => (Object.prototype.hasOwnProperty.call(names, key) && names[key]) || key
  const ranked = [...totals]
    .map(([key, t]) => ({ key, label: labelOf(key), ...t }))
    .sort((a, b) => b.entries - a.entries || b.leads - a.leads || a.label.localeCompare(b.label))
  const head = ranked.slice(0, CHANNEL_TOP)
  const rest = ranked.slice(CHANNEL_TOP)
  const rows: Array<ChannelTotals & { key: string; label: string }> = [...head]
  if (rest.length) {
    const other = zeroTotals()
    for (const r of rest) for (const k of Object.keys(other) as Array<keyof ChannelTotals>) other[k] += r[k]
    rows.push({ key: OTHER_KEY, label: OTHER_LABEL, ...other })
  }
  const maxEntries = Math.max(0, ...rows.map((r) => r.entries))
  const channels = rows.map((r) => ({ ...r, conversion: conversionOf(r), pct: pctOf(r.entries, maxEntries) }))

  const dates = datesBetween(from, to)
  const top = head.slice(0, CHANNEL_SERIES_TOP)
  const series = top.map((r) => ({
    key: r.key,
    label: r.label,
    days: dates.map((date) => ({ date, ...(daily.get(r.key)?.get(date) ?? zeroTotals()) })),
  }))
  const maxDay = Math.max(0, ...series.flatMap((s) => s.days.map((d) => Math.max(d.entries, d.leads))))
  const channelDays = series.map((s) => ({
    ...s,
    days: s.days.map((d) => ({
      ...d,
      entriesPct: pctOf(d.entries, maxDay),
      leadsPct: pctOf(d.leads, maxDay),
    })),
  }))
  return { totalEntries: ranked.reduce((sum, r) => sum + r.entries, 0), channels, channelDays }
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
