import {
  MATCH_LIMIT,
  NEED_LISTING,
  cardScore,
  detailRange,
  rankParks,
  type MatchFacts,
  type MatchNeed,
  type MatchResult,
} from '@/domain/match'
import type { MatchParksInput } from '@/domain/match-schema'
import type { ParkSummary } from '@/domain/park'
import type { ActionContext } from '../context'
import type { ParkKey, StoragePort } from '../ports/storage'

/** The catalogue is dozens to a few hundred parks: at most this many are considered. */
export const MAX_MATCH_CANDIDATES = 500
const PAGE = 100
/** Full records read at most (industries and tax live only there), and how many at a time. */
export const MAX_DETAIL_READS = 40
const DETAIL_BATCH = 10

function toNeed(input: MatchParksInput): MatchNeed {
  const need: MatchNeed = { needType: input.needType }
  if (input.district) need.district = input.district
  if (input.areaMin !== undefined) need.areaMin = input.areaMin
  if (input.areaMax !== undefined) need.areaMax = input.areaMax
  if (input.industry) need.industry = input.industry
  if (input.taxBracket) need.taxBracket = input.taxBracket
  return need
}

const byId = (a: ParkSummary, b: ParkSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * parks.match: the best 3 parks for a need. Candidates are the listings of the kind asked for
 * (type/deal filters on the storage port, newest first, in pages, ≤ 500), so whatever the
 * public lists leave out is never recommended. Cards are scored first; industry and tax need
 * the full record, read only for parks that could still reach the top 3 (card score + the most
 * those facts can add ≥ the third-best full score so far), best card first, ≤ 40 of them.
 */
export function createMatchHandlers(storage: StoragePort) {
  async function candidates(need: MatchNeed): Promise<ParkSummary[]> {
    const { type, deal } = NEED_LISTING[need.needType]
    const rows: ParkSummary[] = []
    let after: ParkKey | undefined
    while (rows.length < MAX_MATCH_CANDIDATES) {
      const limit = Math.min(PAGE, MAX_MATCH_CANDIDATES - rows.length)
      const page = await storage.listParks({ type, deal, sort: 'newest', after, limit })
      rows.push(...page)
      if (page.length < limit) break
      const last = page[page.length - 1]
      after = { value: last.updatedAt, id: last.id }
    }
    return rows
  }

  return {
    async match(input: MatchParksInput, ctx: ActionContext): Promise<MatchResult> {
      const need = toNeed(input)
      const cards = await candidates(need)
      const byCard: Array<{ park: ParkSummary; card: number }> = []
      for (const park of cards) {
        const scored = cardScore(need, park)
        if (scored) byCard.push({ park, card: scored.score })
      }
      // Best card first; featured then id among equals, as the final order has it.
      byCard.sort(
        (a, b) =>
          b.card - a.card || Number(b.park.featured) - Number(a.park.featured) || byId(a.park, b.park),
      )

      // A need without industry and tax: the cards decide alone, no record is read.
      const detail = detailRange(need)
      if (detail.min === detail.max) return { items: rankParks(need, cards, MATCH_LIMIT) }

      const full: MatchFacts[] = []
      let third = -Infinity
      let next = 0
      while (next < byCard.length && full.length < MAX_DETAIL_READS) {
        // Sorted by card: once the best card left cannot reach the third place, none can.
        if (Math.round(byCard[next].card + detail.max) < third) break
        const batch = byCard.slice(next, next + Math.min(DETAIL_BATCH, MAX_DETAIL_READS - full.length))
        next += batch.length
        const records = await Promise.all(batch.map((c) => storage.getPark(c.park.id)))
        batch.forEach((c, n) => {
          const record = records[n]
          // Gone between the list and the read: left out rather than scored on guesses.
          if (record)
            full.push({ ...c.park, industries: record.industries, taxRequirement: record.taxRequirement })
        })
        const ranked = rankParks(need, full, MATCH_LIMIT)
        if (ranked.length >= MATCH_LIMIT) third = ranked[MATCH_LIMIT - 1].score
      }
      ctx.logger.debug('parks matched', {
        needType: need.needType,
        candidates: cards.length,
        read: full.length,
      })
      return { items: rankParks(need, full, MATCH_LIMIT) }
    },
  }
}
