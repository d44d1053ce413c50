import { formatArea } from './format-quantity'
import type { NeedType, TaxBracket } from './inquiryOptions'
import type { MatchNeed, ParkMatch } from './match-need'
import {
  DEAL_LABELS,
  DISTRICT_LABELS,
  LISTING_TYPE_LABELS,
  parkStatusOf,
  parkSummaryOf,
  type Deal,
  type ListingType,
  type Park,
  type ParkSummary,
} from './park'

export * from './match-need'

/**
 * Matching a company's need to parks: pure scoring, shared by the cloud handler (parks.match)
 * and the tests. A park scores 0–100 as the sum of five facts; a fact the need does not state
 * (or the park does not tell) earns half its weight, so parks stay comparable whatever the
 * visitor left blank. The reasons are the facts that matched, in the words a visitor reads.
 */

/** Each need type asks for one kind of listing; `other` asks for anything. */
export const NEED_LISTING: Record<NeedType, { type?: ListingType; deal?: Deal }> = {
  'rent-factory': { type: 'factory', deal: 'rent' },
  'buy-factory': { type: 'factory', deal: 'sale' },
  'buy-land': { type: 'land', deal: 'sale' },
  office: { type: 'office' },
  registration: { type: 'registration' },
  other: {},
}

/**
 * Even numbers: a neutral fact earns exactly half, so scores stay whole where nothing is partial.
 * The district weighs most: a company that names 松江 rarely moves to another city for a better
 * industry fit, so a park elsewhere outranks one in the district only when the latter is far off
 * on area. Type/deal is required anyway; its weight only sets 其他 (half) apart.
 */
export const MATCH_WEIGHTS = { fit: 20, district: 30, area: 24, industry: 16, tax: 10 } as const

/**
 * What industry and tax can add to a card's score for this need: the part only the full record
 * knows. A fact the need leaves blank adds exactly half its weight, whatever the park says.
 */
export function detailRange(need: MatchNeed): { min: number; max: number } {
  const industry = need.industry
    ? [0, MATCH_WEIGHTS.industry]
    : [MATCH_WEIGHTS.industry / 2, MATCH_WEIGHTS.industry / 2]
  const tax = need.taxBracket ? [0, MATCH_WEIGHTS.tax] : [MATCH_WEIGHTS.tax / 2, MATCH_WEIGHTS.tax / 2]
  return { min: industry[0] + tax[0], max: industry[1] + tax[1] }
}

/** The facts scoring reads: the card, plus the park's industries and tax requirement. */
export type MatchFacts = ParkSummary & Partial<Pick<Park, 'industries' | 'taxRequirement'>>

export interface Scored {
  score: number
  reasons: string[]
}

/** One m² in 亩 (1 亩 = 666.67 m²), for 亩均 tax requirements. */
const M2_PER_MU = 2000 / 3

/** 万元 a year: the bounds of each bracket, upper exclusive. */
const TAX_BRACKET_RANGE: Record<TaxBracket, [number, number]> = {
  'lt-50': [0, 50],
  '50-200': [50, 200],
  '200-500': [200, 500],
  '500-1000': [500, 1000],
  'gt-1000': [1000, Infinity],
}

// ---------------------------------------------------------------------------------------------
// Listing type and deal: required (a buyer of land is never shown a factory to rent).

/** True when the park is the kind of listing the need asks for. */
export function fitsNeedType(needType: NeedType, park: Pick<ParkSummary, 'type' | 'deal'>): boolean {
  const want = NEED_LISTING[needType]
  return (!want.type || park.type === want.type) && (!want.deal || park.deal === want.deal)
}

/** Only a park still on offer (在租) is recommended: never one 已租出 or 下架 (park.ts parkStatusOf). */
export function isAvailable(park: Pick<ParkSummary, 'status'>): boolean {
  return parkStatusOf(park) === 'available'
}

// ---------------------------------------------------------------------------------------------
// Area

/** The need's range; one bound alone is a size ("about 2,000㎡"), none is no preference. */
function needRange(need: MatchNeed): [number, number] | null {
  const lo = need.areaMin ?? need.areaMax
  const hi = need.areaMax ?? need.areaMin
  return lo === undefined || hi === undefined ? null : [Math.min(lo, hi), Math.max(lo, hi)]
}

/** Share of the area weight (0–1) and whether it is a reason to give. */
function areaFit(need: MatchNeed, park: ParkSummary): { share: number; reason?: string } {
  const range = needRange(need)
  if (!range) return { share: 0.5 }
  const [lo, hi] = range
  const parkArea = formatArea(park.areaMin, park.areaMax)
  if (park.areaMin <= hi && park.areaMax >= lo) return { share: 1, reason: `面积 ${parkArea} 符合需求` }
  // A divisible park can let or sell a part: a smaller need still fits.
  if (park.divisible && hi < park.areaMin) return { share: 0.8, reason: `面积 ${parkArea} 可分割` }
  // Near the range: partial credit, falling to nothing at half (or twice) the size asked for.
  const ratio = park.areaMax < lo ? park.areaMax / lo : hi / park.areaMin
  const share = Math.max(0, (ratio - 0.5) / 0.5) * 0.6
  return share > 0 ? { share, reason: `面积 ${parkArea} 接近需求` } : { share: 0 }
}

// ---------------------------------------------------------------------------------------------
// Industry: the need's free text against the park's admitted industries, in Chinese.

/** Lower case, only letters, digits and CJK ideographs: spaces and punctuation never decide a match. */
export function normaliseIndustry(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]/g, '')
}

const SEPARATORS = /[\s,，、;；/|+＋&＆()（）和及与]+/

function bigrams(text: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 2 <= text.length; i += 1) out.push(text.slice(i, i + 2))
  return out
}

/**
 * Does the visitor's industry text name this park industry? Either contains the other (新能源汽车零部件
 * ⊃ 新能源, 汽车零部件), a listed part does (智能制造、新材料), or at least two thirds — and two or
 * more — of the industry's two-character words appear in the text (智能制造装备 ~ 智能装备).
 */
export function industryMatches(needText: string, parkIndustry: string): boolean {
  const need = normaliseIndustry(needText)
  const park = normaliseIndustry(parkIndustry)
  if (need.length < 2 || park.length < 2) return false
  if (need.includes(park) || park.includes(need)) return true
  for (const part of needText.split(SEPARATORS)) {
    const token = normaliseIndustry(part)
    if (token.length >= 2 && (token.includes(park) || park.includes(token))) return true
  }
  const words = bigrams(park)
  const hits = words.filter((w) => need.includes(w)).length
  return hits >= 2 && hits * 3 >= words.length * 2
}

/** The park's industries the need names, in the park's order. */
export function matchedIndustries(needText: string, industries: readonly string[]): string[] {
  return industries.filter((industry) => industryMatches(needText, industry))
}

// ---------------------------------------------------------------------------------------------
// Tax: the need's bracket against the park's 年税收不低于N万元 (or 亩均 …) requirement.

export interface TaxRequirement {
  /** 万元 a year. */
  wan: number
  /** Per 亩 of land (亩均… or …/亩) rather than in total. */
  perMu: boolean
}

/**
 * 年税收不低于50万元, 年纳税额不低于30万元, 亩均年税收不低于80万元, 年税收不低于50万元/亩,
 * 年税收≥1亿元 … → { wan, perMu }; null when the text is none of these forms (then neutral).
 */
export function parseTaxRequirement(text: string | undefined): TaxRequirement | null {
  if (!text) return null
  const compact = text.replace(/[\s,，]/g, '')
  const m =
    /(亩均)?(?:年)?(?:税收|纳税额?|纳税总额|税收贡献)(?:不低于|不少于|不小于|达到|≥|>=|大于等于)(\d+(?:\.\d+)?)(亿元|亿|万元|万)(\/亩|每亩)?/.exec(
      compact,
    )
  if (!m) return null
  const value = Number(m[2])
  if (!Number.isFinite(value)) return null
  const wan = m[3].startsWith('亿') ? value * 10_000 : value
  return { wan, perMu: Boolean(m[1] || m[4]) }
}

function taxFit(need: MatchNeed, park: MatchFacts): { share: number; reason?: string } {
  if (!need.taxBracket) return { share: 0.5 }
  // No requirement at all (a park that sets none): every bracket is welcome.
  if (park.taxRequirement === undefined || park.taxRequirement.trim() === '')
    return { share: 1, reason: '无税收门槛' }
  const req = parseTaxRequirement(park.taxRequirement)
  if (!req) return { share: 0.5 }
  let required = req.wan
  if (req.perMu) {
    // 亩均: the total the company would owe on the land it takes. Its size is the need's area
    // when given (within what the park offers), the park's smallest unit otherwise.
    const range = needRange(need)
    const basis = range ? Math.min(Math.max(range[1], park.areaMin), park.areaMax) : Math.max(park.areaMin, 1)
    required = req.wan * (basis / M2_PER_MU)
  }
  const [lo, hi] = TAX_BRACKET_RANGE[need.taxBracket]
  if (lo >= required) return { share: 1, reason: '税收达到准入要求' }
  if (hi > required) return { share: 0.5 }
  return { share: 0 }
}

// ---------------------------------------------------------------------------------------------

/**
 * The card's part of a score (type/deal, district, area), unrounded, with its reasons; null
 * when the park is the wrong kind of listing. The rest (industry, tax) is within detailRange.
 */
export function cardScore(need: MatchNeed, park: ParkSummary): Scored | null {
  if (!fitsNeedType(need.needType, park)) return null
  if (!isAvailable(park)) return null
  const reasons: string[] = []
  let score = 0

  if (NEED_LISTING[need.needType].type) {
    score += MATCH_WEIGHTS.fit
    reasons.push(`${LISTING_TYPE_LABELS[park.type]}${DEAL_LABELS[park.deal]}`)
  } else {
    score += MATCH_WEIGHTS.fit / 2
  }

  if (!need.district) score += MATCH_WEIGHTS.district / 2
  else if (park.district === need.district) {
    score += MATCH_WEIGHTS.district
    reasons.push(`位于${DISTRICT_LABELS[park.district]}`)
  }

  const area = areaFit(need, park)
  score += MATCH_WEIGHTS.area * area.share
  if (area.reason) reasons.push(area.reason)
  return { score, reasons }
}

/**
 * Scores one park against a need (0–100, whole numbers), or null when the park is the wrong
 * kind of listing. `industries` absent or empty: the industry fact is neutral; `taxRequirement`
 * absent: the park sets none.
 */
export function scorePark(need: MatchNeed, park: MatchFacts): Scored | null {
  const card = cardScore(need, park)
  if (!card) return null
  const reasons = [...card.reasons]
  let score = card.score

  const industries = park.industries ?? []
  if (!need.industry || industries.length === 0) score += MATCH_WEIGHTS.industry / 2
  else {
    const matched = matchedIndustries(need.industry, industries)
    if (matched.length) {
      score += MATCH_WEIGHTS.industry
      reasons.push(`准入 ${matched.slice(0, 2).join('、')}`)
    }
  }

  const tax = taxFit(need, park)
  score += MATCH_WEIGHTS.tax * tax.share
  if (tax.reason) reasons.push(tax.reason)

  return { score: Math.round(score), reasons }
}

/** Score desc; among equals a featured park first (a tie-break only), then by id. */
export function compareMatches(a: ParkMatch, b: ParkMatch): number {
  return (
    b.score - a.score ||
    Number(b.park.featured) - Number(a.park.featured) ||
    (a.park.id < b.park.id ? -1 : a.park.id > b.park.id ? 1 : 0)
  )
}

/** The best `limit` parks for a need, best first; parks of the wrong kind are left out. */
export function rankParks(need: MatchNeed, parks: readonly MatchFacts[], limit: number): ParkMatch[] {
  const matches: ParkMatch[] = []
  for (const park of parks) {
    const scored = scorePark(need, park)
    if (scored) matches.push({ park: parkSummaryOf(park), ...scored })
  }
  return matches.sort(compareMatches).slice(0, Math.max(0, limit))
}
