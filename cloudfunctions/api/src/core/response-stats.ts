import type { ResponseAgent, ResponseSummary } from '@/domain/lead-desk'
import { median, responseMinutes } from '@/domain/lead-pipeline'
import type { ResponseRow } from '../ports/lead-desk'

/**
 * Response time (arrival → first 已联系), the one computation behind `leads.stats` (per week)
 * and `stats.charts` (over the chart's range): medians in whole minutes, per agent who made
 * the first contact, busiest agent first. `names` maps staff ids to names.
 */
export function summarizeResponse(
  rows: readonly ResponseRow[],
  names: ReadonlyMap<string, string>,
): ResponseSummary {
  const minutes: number[] = []
  const agents = new Map<string, number[]>()
  for (const r of rows) {
    const m = responseMinutes(r.createdAt, r.firstContactedAt)
    if (m === null) continue
    minutes.push(m)
    if (r.firstContactedBy) agents.set(r.firstContactedBy, [...(agents.get(r.firstContactedBy) ?? []), m])
  }
  return {
    leads: rows.length,
    contacted: minutes.length,
    medianMinutes: median(minutes),
    agents: [...agents]
      .map(([id, ms]): ResponseAgent => ({
        id,
        name: names.get(id) ?? '已移除的员工',
        contacted: ms.length,
        medianMinutes: median(ms),
      }))
      .sort((a, b) => b.contacted - a.contacted),
  }
}
