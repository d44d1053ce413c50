import type * as v from 'valibot'
import { DIRECT_SOURCE } from '@/domain/channels'
import {
  addDays,
  channelFunnel,
  CHART_DAYS,
  fillDays,
  funnelOf,
  PARK_TOP,
  SOURCE_TOP,
  topBars,
  type ChartsData,
  type KeyCount,
} from '@/domain/charts'
import type { ChartsSchema } from '@/domain/charts-schemas'
import { CONTACT_EVENT_KIND_LABELS, type ContactEventKind } from '@/domain/inquiryOptions'
import { beijingDate, beijingDayStart } from '@/domain/lead-pipeline'
import type { ActionContext } from '../context'
import { summarizeResponse } from '../core/response-stats'
import type { ChartsReader } from '../ports/charts'
import type { LeadDesk } from '../ports/lead-desk'
import type { StaffStore } from '../ports/staff-store'

export interface ChartsDeps {
  charts?: ChartsReader
  desk?: LeadDesk
  staff?: StaffStore
  /** Channel names by source code (ApiDeps.channelNames); without it codes show as themselves. */
  channelNames?: (codes: string[]) => Promise<Record<string, string>>
}

/** The label of a lead without a source: it came in without a share code or channel. */
export const NO_SOURCE_LABEL = '直接访问'

/**
 * `stats.charts` (issue 8 item 13): the counts behind the desk's charts for a range of Beijing
 * days, already filled (zero days), ranked (top N + 其他) and turned into bar percentages, so the
 * page draws them as they come. Staff only (ACTION_ACCESS); reads nothing but counts.
 */
export function createChartsHandlers(deps: ChartsDeps) {
  /** Labels of the sources: 直接访问 for DIRECT_SOURCE, a channel's name, else nothing (the code shows). */
  async function namesOf(codes: string[], ctx: ActionContext): Promise<Record<string, string>> {
    const named = codes.filter((c) => c !== DIRECT_SOURCE)
    let names: Record<string, string> = {}
    if (deps.channelNames && named.length) {
      try {
        names = await deps.channelNames(named)
      } catch (err) {
        // Names are a nicety: the charts show the codes instead.
        ctx.logger.warn('channel names unavailable', { err })
      }
    }
    return { ...names, [DIRECT_SOURCE]: NO_SOURCE_LABEL }
  }

  return {
    async charts(p: v.InferOutput<typeof ChartsSchema>, ctx: ActionContext): Promise<ChartsData> {
      if (!deps.charts || !deps.desk) throw new Error('charts not configured')
      const today = beijingDate(ctx.now())
      const to =
        p.to ?? (p.from && addDays(p.from, CHART_DAYS - 1) < today ? addDays(p.from, CHART_DAYS - 1) : today)
      const from = p.from ?? addDays(to, -(CHART_DAYS - 1))
      const range = { since: beijingDayStart(from), until: beijingDayStart(addDays(to, 1)) }
      const [leads, taps, funnelCounts, rows, staff] = await Promise.all([
        deps.charts.leadCounts(range),
        deps.charts.tapsByKind(range),
        deps.charts.funnelCounts(range),
        deps.desk.responseRows(range.since),
        deps.staff ? deps.staff.listStaff() : Promise.resolve([]),
      ])
      const names = new Map(staff.map((s) => [s.id, s.name]))
      const tapRows = taps.map((t) => ({
        ...t,
        label: CONTACT_EVENT_KIND_LABELS[t.key as ContactEventKind] ?? t.key ?? '',
      }))
      // Leads without a source are direct ones (stores of before may still answer null).
      const bySource = new Map<string, number>()
      for (const r of leads.bySource) {
        const key = r.key ?? DIRECT_SOURCE
        bySource.set(key, (bySource.get(key) ?? 0) + r.count)
      }
      const labels = await namesOf(
        [...new Set([...bySource.keys(), ...funnelCounts.map((c) => c.source)])],
        ctx,
      )
      const sourceRows = [...bySource].map(([key, count]): KeyCount => ({
        key,
        label: (Object.prototype.hasOwnProperty.call(labels, key) && labels[key]) || key,
        count,
      }))
      return {
        from,
        to,
        totalLeads: leads.byDay.reduce((sum, d) => sum + d.count, 0),
        days: fillDays(leads.byDay, from, to),
        sources: topBars(sourceRows, SOURCE_TOP, NO_SOURCE_LABEL),
        parks: topBars(leads.byPark, PARK_TOP, ''),
        funnel: funnelOf(leads.byStage),
        invalid: leads.byStage.invalid ?? 0,
        taps: topBars(tapRows, tapRows.length, ''),
        totalTaps: taps.reduce((sum, t) => sum + t.count, 0),
        response: summarizeResponse(
          rows.filter((r) => r.createdAt < range.until),
          names,
        ),
        ...channelFunnel(funnelCounts, from, to, labels),
      }
    },
  }
}
