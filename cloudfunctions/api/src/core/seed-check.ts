import type { Article } from '@/domain/article'
import {
  DEALS,
  DISTRICTS,
  FEATURED_ORDER_MAX,
  LISTING_TYPES,
  PARK_STATUSES,
  priceProblem,
  type Park,
} from '@/domain/park'
import { PARK_ID_RE } from '@/domain/schemas'
import { PRICE_NULL_ASC_KEY } from './park-order'

/*
 * Content written from outside (the local seed in mock/, the CloudBase setup import) is checked
 * the same way in both stores, so what the queries assume holds in either.
 */

const UPDATED_AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?\+08:00$/

/** Refuses seed parks the queries would mis-order or mis-filter, naming the park. */
export function checkSeedPark(p: Park): void {
  const where = `seed park ${JSON.stringify((p as { id?: unknown })?.id)}`
  if (!p || typeof p.id !== 'string' || !PARK_ID_RE.test(p.id)) throw new Error(`${where}: bad id`)
  if (!DISTRICTS.includes(p.district)) throw new Error(`${where}: unknown district ${p.district}`)
  if (!LISTING_TYPES.includes(p.type)) throw new Error(`${where}: unknown type ${p.type}`)
  if (!DEALS.includes(p.deal)) throw new Error(`${where}: unknown deal ${p.deal}`)
  // Text order is time order only when every record uses the same offset.
  if (typeof p.updatedAt !== 'string' || !UPDATED_AT_RE.test(p.updatedAt)) {
    throw new Error(`${where}: updatedAt must be ISO 8601 with +08:00`)
  }
  const areaOk = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0
  if (!areaOk(p.areaMin) || !areaOk(p.areaMax) || p.areaMin > p.areaMax) throw new Error(`${where}: bad area`)
  if (p.price !== null) {
    const { value } = p.price ?? {}
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= PRICE_NULL_ASC_KEY) {
      throw new Error(`${where}: bad price value`)
    }
  }
  // One unit per deal (rent 元/m²/天, sale 元/m²): a price sort within a deal never meets another.
  const problem = priceProblem(p)
  if (problem) throw new Error(`${where}: ${problem}`)
  // Optional since issue 9: absent = available / no order.
  if (p.status !== undefined && !PARK_STATUSES.includes(p.status))
    throw new Error(`${where}: unknown status ${p.status}`)
  const order = p.featuredOrder
  if (order !== undefined && !(Number.isInteger(order) && order >= 0 && order <= FEATURED_ORDER_MAX)) {
    throw new Error(`${where}: featuredOrder must be an integer 0–${FEATURED_ORDER_MAX}`)
  }
}

/** Refuses a seed article without the fields the keyset order needs. */
export function checkSeedArticle(a: Article): void {
  if (!a || typeof a.id !== 'string' || typeof a.publishedAt !== 'string') {
    throw new Error(`seed article without id/publishedAt: ${JSON.stringify(a)?.slice(0, 120)}`)
  }
}
