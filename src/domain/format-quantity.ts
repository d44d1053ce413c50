import { PRICE_UNIT_LABELS, type ParkSummary, type Price } from './park'

/**
 * One formatter per quantity, for every page (home cards, the park list and detail, favourites,
 * history) and the cloud function's messages. No dayjs here (dates are in format.ts), so the
 * cloud bundle and list pages can import it cheaply.
 *
 * Line breaking: Chinese text may break before any ideograph or ㎡, so "4,800㎡" could wrap as
 * "4,800" / "㎡" and "1.35元/m²/天" as "1.35元/m²/" / "天" (seen in Chromium at narrow widths).
 * `glue` puts U+2060 WORD JOINER (invisible, no width) at exactly those places. A range may
 * still break after its en dash ("12,000–" / "40,000㎡"): the unit stays with its number, and
 * a narrow grid cell gets a clean break instead of an overflow.
 */
export const WORD_JOINER = '\u2060'

/** Forbids a line break before an ideograph or ㎡ inside a formatted quantity. */
export function glue(text: string): string {
  return text.replace(/([^\u2060])(?=[\u4e00-\u9fff\u33a1])/g, `$1${WORD_JOINER}`)
}

/** The text without the invisible joiners: for comparisons and for places that need plain text. */
export const unglue = (text: string) => text.replace(/\u2060/g, '')

/** 2000 → "2,000"; 1.25 → "1.25"; at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return ''
  const rounded = Math.round(n * 100) / 100
  const [int, frac] = String(Math.abs(rounded)).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`
}

/** A number with its unit, never split across lines: "8米", "1,500kg/㎡", "2,000kVA". */
export const formatMeasure = (n: number, unit: string) =>
  Number.isFinite(n) ? glue(`${formatNumber(n)}${unit}`) : ''

/** A listing's area: "2,400㎡" for one unit, "2,400–4,800㎡" for a range. */
export function formatArea(min: number, max: number): string {
  if (!Number.isFinite(min) && !Number.isFinite(max)) return ''
  if (!Number.isFinite(max) || min === max) return formatMeasure(min, '㎡')
  if (!Number.isFinite(min)) return formatMeasure(max, '㎡')
  return glue(`${formatNumber(min)}–${formatNumber(max)}㎡`)
}

/** Price with its unit: "1.35元/m²/天" (rent), "8,800元/m²" (sale); no price → "面议". */
export function formatPrice(price: Price | null | undefined): string {
  if (!price || !Number.isFinite(price.value)) return '面议'
  const unit = PRICE_UNIT_LABELS[price.unit]
  // An unknown unit (a record from before units were fixed per deal) shows no wrong unit.
  return unit ? formatMeasure(price.value, unit) : '面议'
}

/**
 * A sale lot's total in 万元, derived from the unit price and the lot's one area: what a land
 * buyer compares, shown apart from the 元/m² price. Null for rent, ranges and 面议.
 */
export function lotTotalWan(
  park: Pick<ParkSummary, 'deal' | 'price' | 'areaMin' | 'areaMax'>,
): number | null {
  if (park.deal !== 'sale' || !park.price || park.price.unit !== 'yuan_m2') return null
  if (park.areaMin !== park.areaMax || !(park.areaMin > 0)) return null
  return (park.price.value * park.areaMin) / 10_000
}

/** "总价约3,000万元": rounded to whole 万元 (to 0.1 under 10 万), the unit price being rounded too. */
export function formatLotTotal(
  park: Pick<ParkSummary, 'deal' | 'price' | 'areaMin' | 'areaMax'>,
): string | null {
  const wan = lotTotalWan(park)
  if (wan === null) return null
  const rounded = wan >= 10 ? Math.round(wan) : Math.round(wan * 10) / 10
  return `总价约${formatMeasure(rounded, '万元')}`
}

/** A filter range: "1–1.5元/m²/天", "500㎡以下", "8,000元/m²以上". */
export function formatRange(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return glue(`${formatNumber(min)}–${formatNumber(max)}${unit}`)
  if (max !== undefined) return glue(`${formatNumber(max)}${unit}以下`)
  if (min !== undefined) return glue(`${formatNumber(min)}${unit}以上`)
  return ''
}

/**
 * Phone numbers as people read them aloud: 400/800 numbers 3-3-4 ("400-012-3021"), mobiles
 * 3-4-4 ("135 2467 8515"); anything else as given.
 */
export function formatPhone(digits: string): string {
  const d = String(digits).replace(/\D/g, '')
  if (/^[48]00\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`
  if (/^1\d{10}$/.test(d)) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`
  return digits
}
