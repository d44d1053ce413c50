import {
  DISTRICT_LABELS,
  LISTING_TYPE_LABELS,
  type Deal,
  type District,
  type GeoPoint,
  type ListingType,
  type Park,
  type Price,
} from '@/domain/park'

/**
 * A large, deterministic park catalogue for load tests and the bench: same seed, same parks.
 * Skewed like the real business (松江 and 厂房 dominate) so two-filter queries still match
 * well over 500 rows at 10,000 parks, with many equal sort values (timestamps on a
 * 15-minute grid, areas on 50 m², prices on round steps) so every id tie-break is exercised,
 * and about 6 % negotiable prices.
 */

/** mulberry32: tiny, fast, good enough for fixtures. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Approximate GCJ-02 centres of the parks' areas. */
export const DISTRICT_CENTRES: Record<District, GeoPoint> = {
  songjiang: { latitude: 31.032, longitude: 121.228 },
  jiading: { latitude: 31.375, longitude: 121.266 },
  qingpu: { latitude: 31.15, longitude: 121.124 },
  fengxian: { latitude: 30.918, longitude: 121.474 },
  jinshan: { latitude: 30.742, longitude: 121.342 },
  minhang: { latitude: 31.113, longitude: 121.382 },
  baoshan: { latitude: 31.405, longitude: 121.489 },
  pudong: { latitude: 31.221, longitude: 121.544 },
  xuancheng: { latitude: 30.94, longitude: 118.758 },
}

const DISTRICT_WEIGHTS: Array<[District, number]> = [
  ['songjiang', 34],
  ['jiading', 10],
  ['qingpu', 10],
  ['fengxian', 8],
  ['jinshan', 8],
  ['minhang', 10],
  ['baoshan', 7],
  ['pudong', 10],
  ['xuancheng', 3],
]

const TYPE_WEIGHTS: Array<[ListingType, number]> = [
  ['factory', 40],
  ['warehouse', 20],
  ['office', 20],
  ['land', 10],
  ['registration', 10],
]

const INDUSTRIES = [
  '智能制造',
  '生物医药',
  '新材料',
  '汽车零部件',
  '电子信息',
  '现代物流',
  '美妆日化',
  '集成电路',
  '新能源',
]
const HIGHLIGHTS = [
  '独门独院',
  '可环评',
  '带行车',
  '双回路供电',
  '近地铁',
  '可分割',
  '产证齐全',
  '高台库',
  '层高9米',
  '政策扶持',
]
const STREETS = ['荣乐路', '新飞路', '莘砖公路', '沪松公路', '九新公路', '北松公路', '嘉松公路', '申港大道']

type Rand = () => number

function pick<T>(rand: Rand, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0)
  let r = rand() * total
  for (const [value, w] of weighted) {
    r -= w
    if (r < 0) return value
  }
  return weighted[weighted.length - 1][0]
}

const between = (rand: Rand, lo: number, hi: number, step: number) =>
  lo + Math.floor(rand() * (Math.floor((hi - lo) / step) + 1)) * step

/** Money on a grid of `step`, kept as the nearest double of a short decimal (1.35, not 1.3500000000000001). */
const money = (rand: Rand, lo: number, hi: number, step: number) =>
  Number(between(rand, lo, hi, step).toFixed(2))

function areaOf(rand: Rand, type: ListingType): [number, number, boolean] {
  const [lo, hi, step] =
    type === 'registration'
      ? [10, 50, 5]
      : type === 'land'
        ? [5000, 100000, 500]
        : type === 'office'
          ? [50, 3000, 50]
          : type === 'warehouse'
            ? [1000, 30000, 500]
            : [500, 20000, 50]
  const min = between(rand, lo, hi, step)
  const divisible = type !== 'registration' && type !== 'land' && rand() < 0.5
  const max = divisible ? min * between(rand, 2, 4, 1) : min
  return [min, max, divisible]
}

function priceOf(rand: Rand, type: ListingType, deal: Deal): Price | null {
  if (rand() < 0.06) return null // 面议
  if (deal === 'rent') {
    const [lo, hi] =
      type === 'office'
        ? [1.5, 4.5]
        : type === 'warehouse'
          ? [0.8, 2]
          : type === 'registration'
            ? [1.5, 3]
            : [0.8, 3]
    return { value: money(rand, lo, hi, 0.05), unit: 'yuan_m2_day' }
  }
  if (type === 'land') {
    // Sale prices are always per m² (domain/park.ts); the two bands keep the random sequence.
    return rand() < 0.5
      ? { value: money(rand, 800, 2500, 50), unit: 'yuan_m2' }
      : { value: money(rand, 300, 1500, 10), unit: 'yuan_m2' }
  }
  const [lo, hi] = type === 'office' ? [12000, 30000] : type === 'warehouse' ? [4000, 9000] : [4000, 12000]
  return { value: money(rand, lo, hi, 100), unit: 'yuan_m2' }
}

function updatedAtOf(rand: Rand): string {
  // 2026 on a 15-minute grid between 08:00 and 19:45: plenty of equal timestamps.
  const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(rand() * 365)))
  const hh = String(8 + Math.floor(rand() * 12)).padStart(2, '0')
  const mm = String(Math.floor(rand() * 4) * 15).padStart(2, '0')
  return `${day.toISOString().slice(0, 10)}T${hh}:${mm}:00+08:00`
}

export function makeSyntheticParks(count: number, seed = 20260101): Park[] {
  if (!Number.isInteger(count) || count < 0 || count > 99999) throw new Error(`count out of range: ${count}`)
  const rand = prng(seed)
  const parks: Park[] = []
  for (let n = 1; n <= count; n++) {
    const district = pick(rand, DISTRICT_WEIGHTS)
    const type = pick(rand, TYPE_WEIGHTS)
    const deal: Deal =
      type === 'registration'
        ? 'rent'
        : type === 'land'
          ? rand() < 0.9
            ? 'sale'
            : 'rent'
          : rand() < 0.7
            ? 'rent'
            : 'sale'
    const [areaMin, areaMax, divisible] = areaOf(rand, type)
    const centre = DISTRICT_CENTRES[district]
    const industries = [INDUSTRIES[n % INDUSTRIES.length], INDUSTRIES[(n * 7 + 3) % INDUSTRIES.length]]
    const highlights = [HIGHLIGHTS[n % HIGHLIGHTS.length], HIGHLIGHTS[(n * 3 + 1) % HIGHLIGHTS.length]]
    const building =
      type === 'land' || type === 'registration' ? {} : { floorHeight: between(rand, 4, 12, 1) }
    const photo = `/media/parks/${type === 'land' ? 'land-plot' : type === 'warehouse' ? 'warehouse-docks' : type === 'factory' ? 'factory-sawtooth' : 'office-tower'}.png`
    parks.push({
      id: `p${String(n).padStart(5, '0')}`,
      name: `${DISTRICT_LABELS[district]}第${n}号${LISTING_TYPE_LABELS[type]}`,
      district,
      type,
      deal,
      areaMin,
      areaMax,
      divisible,
      price: priceOf(rand, type, deal),
      cover: photo,
      highlights: [...new Set(highlights)],
      updatedAt: updatedAtOf(rand),
      views: Math.floor(rand() * 2000),
      featured: rand() < 0.02,
      address: `上海市${DISTRICT_LABELS[district]}${STREETS[n % STREETS.length]}${between(rand, 1, 999, 1)}号`,
      location: {
        latitude: Number((centre.latitude + (rand() - 0.5) * 0.08).toFixed(6)),
        longitude: Number((centre.longitude + (rand() - 0.5) * 0.08).toFixed(6)),
      },
      ...building,
      standalone: rand() < 0.3,
      propertyCert: rand() < 0.8,
      envAssessment: rand() < 0.6,
      industries: [...new Set(industries)],
      photos: [photo],
      description: `<p>${LISTING_TYPE_LABELS[type]}，面积 ${areaMin}–${areaMax} 平方米。</p>`,
    })
  }
  return parks
}
