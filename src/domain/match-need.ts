import { DISTRICTS, type District, type ParkSummary } from './park'
import { INQUIRY_LIMITS, NEED_TYPES, TAX_BRACKETS, type NeedType, type TaxBracket } from './inquiryOptions'

/**
 * What a company needs, as the inquiry states it (type, district, area, industry, tax bracket):
 * the input of `parks.match`. No personal data, ever: no name, phone or company. Plain data and
 * no validator here, so the pages that pass a need along (the inquiry form → its success page)
 * stay small; the schema is in ./match-schema.ts, the scoring in ./match.ts.
 */
export interface MatchNeed {
  needType: NeedType
  district?: District
  /** m²; one bound alone means "about that size". */
  areaMin?: number
  areaMax?: number
  /** Free text, e.g. 新能源汽车零部件. */
  industry?: string
  taxBracket?: TaxBracket
}

/** One recommendation: the park's card, its score (0–100) and the facts that matched, in Chinese. */
export interface ParkMatch {
  park: ParkSummary
  score: number
  reasons: string[]
}

export interface MatchResult {
  items: ParkMatch[]
}

/** How many parks a recommendation shows. */
export const MATCH_LIMIT = 3

type Query = Record<string, string | number | undefined>

/** The need as page parameters (the form → the success page): short keys, only what is set. */
export function needToQuery(need: MatchNeed): Query {
  return {
    need: need.needType,
    district: need.district,
    areaMin: need.areaMin,
    areaMax: need.areaMax,
    industry: need.industry || undefined,
    tax: need.taxBracket,
  }
}

const pick = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined

function area(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,8}$/.test(value)) return undefined
  const n = Number(value)
  return n >= 1 ? n : undefined
}

/**
 * Reads a need back from page parameters that are already URI-decoded. Anything malformed is
 * dropped (a link anyone can edit); without a valid need type there is no need at all.
 */
export function needFromQuery(params: Record<string, string | undefined>): MatchNeed | null {
  const needType = pick(NEED_TYPES, params.need)
  if (!needType) return null
  const need: MatchNeed = { needType }
  const district = pick(DISTRICTS, params.district)
  if (district) need.district = district
  let areaMin = area(params.areaMin)
  let areaMax = area(params.areaMax)
  if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax)
    [areaMin, areaMax] = [areaMax, areaMin]
  if (areaMin !== undefined) need.areaMin = areaMin
  if (areaMax !== undefined) need.areaMax = areaMax
  const industry = (params.industry ?? '').trim().slice(0, INQUIRY_LIMITS.industry)
  if (industry) need.industry = industry
  const taxBracket = pick(TAX_BRACKETS, params.tax)
  if (taxBracket) need.taxBracket = taxBracket
  return need
}
