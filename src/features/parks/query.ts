import {
  DEALS,
  DEAL_LABELS,
  DISTRICTS,
  DISTRICT_LABELS,
  LISTING_TYPES,
  LISTING_TYPE_LABELS,
  PARK_SORTS,
  PRICE_UNIT_LABELS,
  type Deal,
  type District,
  type ListingType,
  type Park,
  type ParkSort,
  type ParkSummary,
  type Price,
} from '@/domain/park'
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

export const AREA_PRESETS: readonly RangePreset[] = [
  { key: 'lt500', label: '500㎡以下', max: 500 },
  { key: '500-2000', label: '500–2000㎡', min: 500, max: 2000 },
  { key: '2000-5000', label: '2000–5000㎡', min: 2000, max: 5000 },
  { key: '5000-10000', label: '5000–10000㎡', min: 5000, max: 10000 },
  { key: 'gt10000', label: '1万㎡以上', min: 10000 },
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
// Formatting

/** 2000 → "2,000"; 1.25 → "1.25"; at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return ''
  const [int, frac] = String(Math.round(n * 100) / 100).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac ? `${grouped}.${frac}` : grouped
}

/** Price as quoted: "1.2元/m²/天", "6500元/m²", "1200万元"; no price → "面议". */
export function formatPrice(price: Price | null | undefined): string {
  if (!price || !Number.isFinite(price.value)) return '面议'
  const value = String(Math.round(price.value * 100) / 100)
  return `${value}${PRICE_UNIT_LABELS[price.unit] ?? ''}`
}

/** A listing's area: "2,000㎡" for one unit, "2,000–5,000㎡" for a range. */
export function formatArea(min: number, max: number): string {
  if (!Number.isFinite(min) && !Number.isFinite(max)) return ''
  if (!Number.isFinite(max) || min === max) return `${formatNumber(min)}㎡`
  if (!Number.isFinite(min)) return `${formatNumber(max)}㎡`
  return `${formatNumber(min)}–${formatNumber(max)}㎡`
}

/** Area with "可分割" when the space can be split: what a card's area line says. */
export function formatAreaLine(park: Pick<ParkSummary, 'areaMin' | 'areaMax' | 'divisible'>): string {
  const area = formatArea(park.areaMin, park.areaMax)
  return park.divisible ? `${area} · 可分割` : area
}

/** A filter range: "1–1.5元/m²/天", "500㎡以下", "8,000元/m²以上". */
export function formatRange(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `${formatNumber(min)}–${formatNumber(max)}${unit}`
  if (max !== undefined) return `${formatNumber(max)}${unit}以下`
  if (min !== undefined) return `${formatNumber(min)}${unit}以上`
  return ''
}

/** "松江 · 厂房 · 出租": the line under a park's name, also its history subtitle. */
export function parkMetaLine(park: Pick<ParkSummary, 'district' | 'type' | 'deal'>): string {
  return [DISTRICT_LABELS[park.district], LISTING_TYPE_LABELS[park.type], DEAL_LABELS[park.deal]]
    .filter(Boolean)
    .join(' · ')
}

/** The summary part of a full park: what favourites keep (no photos, no description). */
export function toParkSummary(park: Park | ParkSummary): ParkSummary {
  return {
    id: park.id,
    name: park.name,
    district: park.district,
    type: park.type,
    deal: park.deal,
    areaMin: park.areaMin,
    areaMax: park.areaMax,
    divisible: park.divisible,
    price: park.price,
    cover: park.cover,
    highlights: park.highlights.slice(0, 4),
    updatedAt: park.updatedAt,
    views: park.views,
    featured: park.featured,
  }
}

// ---------------------------------------------------------------------------------------------
// Filters: normalising, comparing, the request payload

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

function bound(value: unknown, limit: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= limit ? n : undefined
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
 * values are dropped, reversed ranges swapped, and a price range without a deal removed
 * (its unit would be unknown). Never throws.
 */
export function normaliseFilters(raw: unknown): ParkFilters {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const out: ParkFilters = { sort: isOneOf(PARK_SORTS, r.sort) ? r.sort : 'newest' }
  if (isOneOf(DISTRICTS, r.district)) out.district = r.district
  if (isOneOf(LISTING_TYPES, r.type)) out.type = r.type
  if (isOneOf(DEALS, r.deal)) out.deal = r.deal
  let areaMin = bound(r.areaMin, AREA_LIMIT)
  let areaMax = bound(r.areaMax, AREA_LIMIT)
  if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax)
    [areaMin, areaMax] = [areaMax, areaMin]
  if (areaMin !== undefined) out.areaMin = areaMin
  if (areaMax !== undefined) out.areaMax = areaMax
  if (out.deal) {
    let priceMin = bound(r.priceMin, PRICE_LIMIT)
    let priceMax = bound(r.priceMax, PRICE_LIMIT)
    if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax)
      [priceMin, priceMax] = [priceMax, priceMin]
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

/** Sets (or clears) the deal; a price range belongs to one deal, so it goes when the deal changes. */
export function withDeal(f: ParkFilters, deal: Deal | undefined): ParkFilters {
  if (f.deal === deal) return f
  const { priceMin: _min, priceMax: _max, deal: _deal, ...rest } = f
  return deal ? { ...rest, deal } : rest
}

/** Clears every narrowing filter, keeps the sort order. */
export function clearFilters(f: ParkFilters): ParkFilters {
  return { sort: f.sort }
}

/**
 * An entry from elsewhere (the home page's district tiles, a route `?district=`): a fresh
 * search with just those filters, keeping the visitor's sort order unless it names one.
 */
export function applyEntryFilter(current: ParkFilters, partial: Partial<ParkFilters>): ParkFilters {
  return normaliseFilters({ sort: current.sort, ...partial })
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
