/** Park listings: the facts an industrial tenant decides by. Shared by the app and the cloud. */

/** Park ids are short (`p` + up to 15 of [0-9a-z]) so a QR scene can carry one. */
export const PARK_ID_RE = /^p[0-9a-z]{1,15}$/

export const DISTRICTS = [
  'songjiang',
  'jiading',
  'qingpu',
  'fengxian',
  'jinshan',
  'minhang',
  'baoshan',
  'pudong',
  'xuancheng',
] as const
export type District = (typeof DISTRICTS)[number]

export const DISTRICT_LABELS: Record<District, string> = {
  songjiang: '松江',
  jiading: '嘉定',
  qingpu: '青浦',
  fengxian: '奉贤',
  jinshan: '金山',
  minhang: '闵行',
  baoshan: '宝山',
  pudong: '浦东/临港',
  xuancheng: '宣城',
}

export const LISTING_TYPES = ['factory', 'land', 'office', 'warehouse', 'registration'] as const
export type ListingType = (typeof LISTING_TYPES)[number]

export const LISTING_TYPE_LABELS: Record<ListingType, string> = {
  factory: '厂房',
  land: '土地',
  office: '办公研发',
  warehouse: '仓库',
  registration: '注册落户',
}

export const DEALS = ['rent', 'sale'] as const
export type Deal = (typeof DEALS)[number]

export const DEAL_LABELS: Record<Deal, string> = { rent: '出租', sale: '出售' }

/**
 * Price per m², one unit per deal so prices always compare like with like: rent is quoted in
 * 元/m²/天, sale in 元/m² (a land lot quoted as a whole, e.g. 3000万元 for 20000 m², is stored
 * as its unit price, 1500 元/m²; pages show the lot total apart, see lotTotalWan).
 * null = 面议 (negotiable): such parks sort last by price and never match a price range.
 */
export const PRICE_UNITS = ['yuan_m2_day', 'yuan_m2'] as const
export type PriceUnit = (typeof PRICE_UNITS)[number]

export const PRICE_UNIT_LABELS: Record<PriceUnit, string> = {
  yuan_m2_day: '元/m²/天',
  yuan_m2: '元/m²',
}

/** The only unit each deal's prices may have. */
export const DEAL_PRICE_UNIT: Record<Deal, PriceUnit> = { rent: 'yuan_m2_day', sale: 'yuan_m2' }

/**
 * Why a park's price cannot be stored, or null when it is fine: the content check every loader
 * runs, so a sort or filter within one deal never meets a second unit.
 */
export function priceProblem(park: { deal: unknown; price: unknown }): string | null {
  if (park.price === null) return null
  const { value, unit } = (park.price ?? {}) as { value?: unknown; unit?: unknown }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'bad price value'
  const expected = DEAL_PRICE_UNIT[park.deal as Deal]
  if (!expected) return `unknown deal ${String(park.deal)}`
  return unit === expected ? null : `a ${String(park.deal)} price must be in ${expected}, not ${String(unit)}`
}

/**
 * Availability of a listing (issue 9 item 5), changed weekly on the staff desk. Absent on a
 * record = available. 已租出 parks stay in every list with a badge (a visitor may still ask about
 * the next vacancy); 下架 (withdrawn) parks leave every public list, search, home and similar
 * list at once, and their detail answers `withdrawn: true` instead of the park.
 */
export const PARK_STATUSES = ['available', 'let', 'withdrawn'] as const
export type ParkStatus = (typeof PARK_STATUSES)[number]

export const PARK_STATUS_LABELS: Record<ParkStatus, string> = {
  available: '在租',
  let: '已租出',
  withdrawn: '下架',
}

/** A park's status, absent meaning available. */
export const parkStatusOf = (park: { status?: ParkStatus }): ParkStatus => park.status ?? 'available'

/** featuredOrder: an integer 0–999, lower first among featured parks; absent ranks after every order. */
export const FEATURED_ORDER_MAX = 999

export interface Price {
  value: number
  unit: PriceUnit
}

export interface GeoPoint {
  /** GCJ-02 (what WeChat's map and openLocation use). */
  latitude: number
  longitude: number
}

/** What a list row and a card need: small, so list pages stay light in setData. */
export interface ParkSummary {
  /** Short, scene-friendly: `p` + digits, e.g. p012 (QR scenes hold 32 chars at most). */
  id: string
  name: string
  district: District
  type: ListingType
  deal: Deal
  /** m²; a single unit has min === max. */
  areaMin: number
  areaMax: number
  divisible: boolean
  price: Price | null
  /** Media path or URL of the first photo. */
  cover: string
  /** Up to 4 short selling points: 独门独院, 可环评, 双层 … */
  highlights: string[]
  /** ISO 8601 with +08:00; every record uses the same offset so text order is time order. */
  updatedAt: string
  views: number
  featured: boolean
  /** Absent = available; never 'withdrawn' in a public answer. */
  status?: ParkStatus
  /** Home's featured order (0–999, lower first); absent after every ordered park, newest first. */
  featuredOrder?: number
}

export interface Park extends ParkSummary {
  address: string
  location: GeoPoint
  /** m; absent for land and registration. */
  floorHeight?: number
  /** kg/m² */
  floorLoad?: number
  /** kVA */
  power?: number
  standalone: boolean
  propertyCert: boolean
  envAssessment: boolean
  /** Industries admitted, e.g. 智能制造, 生物医药. */
  industries: string[]
  /** e.g. "年税收不低于50万元/亩"; absent when the park sets none. */
  taxRequirement?: string
  photos: string[]
  /** Trusted-source HTML, sanitised for H5 like article bodies. */
  description: string
}

/**
 * A park's card fields, from a full park or another summary: never its detail (photos,
 * description, industries …), and at most 4 highlights (a card shows 3). 已租出 travels with
 * the row; an absent status stays absent (= available). The one field list for matches,
 * favourites, history and the weapp row.
 */
export function parkSummaryOf(park: ParkSummary): ParkSummary {
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
    ...(park.status ? { status: park.status } : {}),
  }
}

export const PARK_SORTS = ['newest', 'area_asc', 'area_desc', 'price_asc', 'price_desc'] as const
export type ParkSort = (typeof PARK_SORTS)[number]

export const PARK_SORT_LABELS: Record<ParkSort, string> = {
  newest: '最新发布',
  area_asc: '面积从小到大',
  area_desc: '面积从大到小',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
}

/** Price sorts compare prices, so they need one deal (one unit). */
export const isPriceSort = (sort: ParkSort) => sort === 'price_asc' || sort === 'price_desc'

export interface ParkPage {
  items: ParkSummary[]
  nextCursor: string | null
}
