import { formatArea, formatPrice, unglue } from '@/domain/format-quantity'
import { INQUIRY_LIMITS } from '@/domain/inquiryOptions'
import type { LeadFull } from '@/domain/lead-desk'
import type { MatchNeed, ParkMatch } from '@/domain/match-need'
import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS } from '@/domain/park'

/** The need part of a lead: what parks.match scores against (no name, phone or company). */
export function needOfLead(lead: LeadFull): MatchNeed {
  const need: MatchNeed = { needType: lead.needType }
  if (lead.district) need.district = lead.district
  if (lead.areaMin) need.areaMin = lead.areaMin
  if (lead.areaMax) need.areaMax = lead.areaMax
  if (lead.industry) need.industry = lead.industry.slice(0, INQUIRY_LIMITS.industry)
  if (lead.taxBracket) need.taxBracket = lead.taxBracket
  // A lead of before the min ≤ max rule: swap rather than be refused.
  if (need.areaMin && need.areaMax && need.areaMin > need.areaMax)
    [need.areaMin, need.areaMax] = [need.areaMax, need.areaMin]
  return need
}

/** 松江 · 厂房出租 · 2,400–4,800㎡ · 1.35元/m²/天, plain text. */
export function matchFacts(park: ParkMatch['park']): string {
  return unglue(
    [
      DISTRICT_LABELS[park.district],
      `${LISTING_TYPE_LABELS[park.type]}${DEAL_LABELS[park.deal]}`,
      formatArea(park.areaMin, park.areaMax),
      formatPrice(park.price),
    ].join(' · '),
  )
}

/**
 * What 复制推荐 puts on the clipboard: plain text the agent pastes to the client in WeChat —
 * each park's name, key facts, why it fits, and where to open it.
 */
export function matchMessage(items: ParkMatch[], linkOf: (id: string) => string): string {
  const lines = [`根据您的需求，为您推荐 ${items.length} 个园区：`]
  items.forEach((m, i) => {
    lines.push('')
    lines.push(`${i + 1}. ${m.park.name}`)
    lines.push(`   ${matchFacts(m.park)}`)
    if (m.reasons.length) lines.push(`   匹配：${m.reasons.map(unglue).join('，')}`)
    lines.push(`   查看：${linkOf(m.park.id)}`)
  })
  lines.push('')
  lines.push('如需看房或了解详情，随时联系我。')
  return lines.join('\n')
}
