import {
  DEALS,
  DEAL_LABELS,
  DISTRICTS,
  DISTRICT_LABELS,
  LISTING_TYPES,
  LISTING_TYPE_LABELS,
  PARK_SORTS,
  PARK_SORT_LABELS,
  PRICE_UNIT_LABELS,
  isPriceSort,
  type Deal,
  type District,
  type ListingType,
  type ParkSort,
  type ParkSummary,
} from '@/domain/park'
import { formatArea, formatRange } from '@/domain/format-quantity'
import { inOrder } from '@/domain/range'
import type { ListParksPayload } from '@/domain/schemas'
import { cleanLine } from '@/domain/text'

/**
 * The park search as the visitor sets it: everything of `parks.list` except paging.
 * Pure helpers only (no Taro, no React) so the rules are unit-tested on their own.
 */
export interface ParkFilters {
  district?: District
  type?: ListingType
  deal?: Deal
  /** m² */
  areaMin?: number
  areaMax?: number
  /** In the unit of `deal` (rent 元/m²/天, sale 元/m²); only meaningful with a deal. */
  priceMin?: number
  priceMax?: number
  keyword?: string
  sort: ParkSort
}

export const DEFAULT_FILTERS: ParkFilters = { sort: 'newest' }

/** The filters picked from a fixed list: their values in display order, and their labels. */
export const CHOICE_FILTERS = {
  district: { values: DISTRICTS, labels: DISTRICT_LABELS },
  type: { values: LISTING_TYPES, labels: LISTING_TYPE_LABELS },
  deal: { values: DEALS, labels: DEAL_LABELS },
} as const
export type ChoiceFilter = keyof typeof CHOICE_FILTERS
export const PARK_PAGE_SIZE = 10
export const KEYWORD_MAX_LENGTH = 30

const AREA_LIMIT = 10_000_000
const PRICE_LIMIT = 100_000_000

export interface RangePreset {
  key: string
  label: string
  min?: number
  max?: number
}

const areaPreset = (key: string, min?: number, max?: number): RangePreset => ({
  key,
  label: formatRange(min, max, '㎡'),
  min,
  max,
})

/** Labelled by the same formatter as the chips they become: "500–2,000㎡". */
export const AREA_PRESETS: readonly RangePreset[] = [
  areaPreset('lt500', undefined, 500),
  areaPreset('500-2000', 500, 2000),
  areaPreset('2000-5000', 2000, 5000),
  areaPreset('5000-10000', 5000, 10000),
  areaPreset('gt10000', 10000),
]

/** Rent is quoted per m² per day, sale per m²: each deal has its own price bands. */
export const PRICE_PRESETS: Readonly<Record<Deal, readonly RangePreset[]>> = {
  rent: [
    { key: 'le1', label: '1元以下', max: 1 },
    { key: '1-1.5', label: '1–1.5元', min: 1, max: 1.5 },
    { key: '1.5-2.5', label: '1.5–2.5元', min: 1.5, max: 2.5 },
    { key: 'ge2.5', label: '2.5元以上', min: 2.5 },
  ],
  sale: [
    { key: 'le5000', label: '5000元以下', max: 5000 },
    { key: '5000-8000', label: '5000–8000元', min: 5000, max: 8000 },
    { key: 'ge8000', label: '8000元以上', min: 8000 },
  ],
}

export const PRICE_RANGE_UNITS: Readonly<Record<Deal, string>> = {
  rent: PRICE_UNIT_LABELS.yuan_m2_day,
  sale: PRICE_UNIT_LABELS.yuan_m2,
}

// ---------------------------------------------------------------------------------------------
// Formatting: numbers, areas and prices come from domain/format-quantity (one formatter each).

/** Area with "可分割" when the space can be split: what a card's area line says. */
export function formatAreaLine(park: Pick<ParkSummary, 'areaMin' | 'areaMax' | 'divisible'>): string {
  const area = formatArea(park.areaMin, park.areaMax)
  return park.divisible ? `${area} · 可分割` : area
}

/** "松江 · 厂房 · 出租": the line under a park's name, also its history subtitle. */
export function parkMetaLine(park: Pick<ParkSummary, 'district' | 'type' | 'deal'>): string {
  return [DISTRICT_LABELS[park.district], LISTING_TYPE_LABELS[park.type], DEAL_LABELS[park.deal]]
    .filter(Boolean)
    .join(' · ')
}

/** The summary part of a full park: what favourites keep (no photos, no description). */
export { parkSummaryOf as toParkSummary } from '@/domain/park'

// ---------------------------------------------------------------------------------------------
// Filters: normalising, comparing, the request payload

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

function bound(value: unknown, limit: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= limit ? n : undefined
}

/** A range's two ends, each bounded (an invalid end is dropped), swapped when reversed. */
function boundRange(min: unknown, max: unknown, limit: number): [number | undefined, number | undefined] {
  const low = bound(min, limit)
  const high = bound(max, limit)
  return inOrder(low, high) ? [low, high] : [high, low]
}

/** Drops invisible characters, folds spaces, trims, caps at the schema's 30 characters. */
export function cleanKeyword(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  // Same cleaning as the schema's keyword: invisible characters never reach the request.
  const text = cleanLine(value).slice(0, KEYWORD_MAX_LENGTH)
  return text || undefined
}

/**
 * Anything (stored JSON, route params, a caller's partial query) → valid filters. Unknown
 * values are dropped, reversed ranges swapped, and a price range or a price sort without a
 * deal removed (its unit would be unknown; the api refuses both). Never throws.
 */
export function normaliseFilters(raw: unknown): ParkFilters {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const out: ParkFilters = { sort: isOneOf(PARK_SORTS, r.sort) ? r.sort : 'newest' }
  if (isOneOf(DISTRICTS, r.district)) out.district = r.district
  if (isOneOf(LISTING_TYPES, r.type)) out.type = r.type
  if (isOneOf(DEALS, r.deal)) out.deal = r.deal
  // A price sort compares one deal's unit: without a deal it falls back to the default order.
  if (!out.deal && isPriceSort(out.sort)) out.sort = 'newest'
  const [areaMin, areaMax] = boundRange(r.areaMin, r.areaMax, AREA_LIMIT)
  if (areaMin !== undefined) out.areaMin = areaMin
  if (areaMax !== undefined) out.areaMax = areaMax
  if (out.deal) {
    const [priceMin, priceMax] = boundRange(r.priceMin, r.priceMax, PRICE_LIMIT)
    if (priceMin !== undefined) out.priceMin = priceMin
    if (priceMax !== undefined) out.priceMax = priceMax
  }
  const keyword = cleanKeyword(r.keyword)
  if (keyword) out.keyword = keyword
  return out
}

const FILTER_KEYS = [
  'district',
  'type',
  'deal',
  'areaMin',
  'areaMax',
  'priceMin',
  'priceMax',
  'keyword',
  'sort',
] as const

export function sameFilters(a: ParkFilters, b: ParkFilters): boolean {
  return FILTER_KEYS.every((key) => a[key] === b[key])
}

/** True when anything narrows the list (the sort order does not). */
export function hasActiveFilters(f: ParkFilters): boolean {
  return FILTER_KEYS.some((key) => key !== 'sort' && f[key] !== undefined)
}

/** The `parks.list` payload: only the fields that are set, plus sort, page size and cursor. */
export function toListPayload(
  f: ParkFilters,
  cursor?: string | null,
  limit: number = PARK_PAGE_SIZE,
): ListParksPayload {
  const payload: ListParksPayload = {}
  for (const key of FILTER_KEYS) {
    const value = f[key]
    if (value !== undefined) (payload as Record<string, unknown>)[key] = value
  }
  payload.limit = limit
  if (cursor) payload.cursor = cursor
  return payload
}

/**
 * Sets (or clears) the deal. A price range belongs to one deal, so it goes when the deal
 * changes; a price sort stays while there is a deal and becomes 最新发布 when there is none.
 */
export function withDeal(f: ParkFilters, deal: Deal | undefined): ParkFilters {
  if (f.deal === deal) return f
  const { priceMin: _min, priceMax: _max, deal: _deal, ...rest } = f
  if (deal) return { ...rest, deal }
  return isPriceSort(rest.sort) ? { ...rest, sort: 'newest' } : rest
}

/** A sort order; a price sort also needs the deal whose unit it compares (the api refuses one without). */
export function withSort(f: ParkFilters, sort: ParkSort, deal?: Deal): ParkFilters {
  const next = deal ? withDeal(f, deal) : f
  if (isPriceSort(sort) && !next.deal) return next
  return { ...next, sort }
}

/** Clears every narrowing filter, keeps the sort order (a price sort, which needs a deal, ends). */
export function clearFilters(f: ParkFilters): ParkFilters {
  return { sort: isPriceSort(f.sort) ? 'newest' : f.sort }
}

/** Which deal's prices a price sort compares, for the sheet that asks when no deal is chosen. */
export const PRICE_SORT_DEAL_LABELS: Readonly<Record<Deal, string>> = {
  rent: `出租价格（${PRICE_UNIT_LABELS.yuan_m2_day}）`,
  sale: `出售价格（${PRICE_UNIT_LABELS.yuan_m2}）`,
}

/** The sort button's text: a price sort names what it compares, 租金 or 售价. */
export function sortLabel(f: Pick<ParkFilters, 'sort' | 'deal'>): string {
  if (!isPriceSort(f.sort) || !f.deal) return PARK_SORT_LABELS[f.sort]
  return `${f.deal === 'rent' ? '租金' : '售价'}${f.sort === 'price_asc' ? '从低到高' : '从高到低'}`
}

/**
 * An entry from elsewhere (the home page's district tiles, a route `?district=`): a fresh
 * search with just those filters, keeping the visitor's sort order unless it names one (and
 * the deal a price sort is about).
 */
export function applyEntryFilter(current: ParkFilters, partial: Partial<ParkFilters>): ParkFilters {
  // A price sort ranks one deal's prices: it keeps that deal unless the entry names another.
  const keep = isPriceSort(current.sort) && current.deal ? { deal: current.deal } : {}
  return normaliseFilters({ sort: current.sort, ...keep, ...partial })
}

/** `?district=songjiang&type=factory&deal=rent&keyword=…` → the filters they name. */
export function filtersFromRoute(params: Record<string, string | undefined>): Partial<ParkFilters> | null {
  const decoded: Record<string, string> = {}
  for (const key of ['district', 'type', 'deal', 'keyword'] as const) {
    const value = params[key]
    if (!value) continue
    try {
      decoded[key] = decodeURIComponent(value)
    } catch {
      // a malformed value is ignored like an unknown one
    }
  }
  const { sort: _sort, ...picked } = normaliseFilters(decoded)
  return Object.keys(picked).length ? picked : null
}

// ---------------------------------------------------------------------------------------------
// Active filters as removable chips

export type ChipKey = 'keyword' | 'district' | 'type' | 'deal' | 'area' | 'price'

export interface ActiveChip {
  key: ChipKey
  label: string
}

export function matchPreset(
  presets: readonly RangePreset[],
  min: number | undefined,
  max: number | undefined,
): RangePreset | undefined {
  if (min === undefined && max === undefined) return undefined
  return presets.find((p) => p.min === min && p.max === max)
}

export function areaLabel(f: Pick<ParkFilters, 'areaMin' | 'areaMax'>): string {
  return formatRange(f.areaMin, f.areaMax, '㎡')
}

export function priceLabel(f: Pick<ParkFilters, 'deal' | 'priceMin' | 'priceMax'>): string {
  if (!f.deal) return ''
  return formatRange(f.priceMin, f.priceMax, PRICE_RANGE_UNITS[f.deal])
}

/** What narrows the list now, in the order the visitor reads it, each removable on its own. */
export function activeChips(f: ParkFilters): ActiveChip[] {
  const chips: ActiveChip[] = []
  if (f.keyword) chips.push({ key: 'keyword', label: `“${f.keyword}”` })
  if (f.district) chips.push({ key: 'district', label: DISTRICT_LABELS[f.district] })
  if (f.type) chips.push({ key: 'type', label: LISTING_TYPE_LABELS[f.type] })
  if (f.deal) chips.push({ key: 'deal', label: DEAL_LABELS[f.deal] })
  if (f.areaMin !== undefined || f.areaMax !== undefined) chips.push({ key: 'area', label: areaLabel(f) })
  if (f.deal && (f.priceMin !== undefined || f.priceMax !== undefined))
    chips.push({ key: 'price', label: priceLabel(f) })
  return chips
}

/** Removes the filter behind one chip; removing the deal also removes its price range. */
export function removeChip(f: ParkFilters, key: ChipKey): ParkFilters {
  const next: ParkFilters = { ...f }
  switch (key) {
    case 'area':
      delete next.areaMin
      delete next.areaMax
      return next
    case 'price':
      delete next.priceMin
      delete next.priceMax
      return next
    case 'deal':
      return withDeal(f, undefined)
    default:
      delete next[key]
      return next
  }
}
