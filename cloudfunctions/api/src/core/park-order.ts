import type { ParkSort, ParkSummary } from '@/domain/park'

/**
 * The order of every park sort, shared by the handler (cursors) and both adapters:
 *
 *   newest      updatedAt desc, id desc
 *   area_asc    areaMin   asc,  id asc
 *   area_desc   areaMax   desc, id desc
 *   price_asc   price     asc,  id asc    negotiable (null) after every priced row
 *   price_desc  price     desc, id desc   negotiable (null) after every priced row
 *
 * Databases put null first in ascending order (SQLite and CloudBase alike) and a null never
 * satisfies a range comparison, so keyset conditions could not step from priced rows to
 * negotiable ones. Both adapters therefore sort on a stored key in which null is replaced by a
 * sentinel on the far side: above any price for price_asc, below any price for price_desc.
 * The API still answers `price: null`; the sentinel never leaves storage.
 */

/** Above any price the schema accepts (≤ 1e8) and exactly representable. */
export const PRICE_NULL_ASC_KEY = 1e15
/** Below any price (prices are ≥ 0). */
export const PRICE_NULL_DESC_KEY = -1

export const SORT_DIRECTION: Record<ParkSort, 'asc' | 'desc'> = {
  newest: 'desc',
  area_asc: 'asc',
  area_desc: 'desc',
  price_asc: 'asc',
  price_desc: 'desc',
}

/** The value a cursor carries for a row: the sorted field in domain terms. */
export function sortValueOf(sort: ParkSort, park: ParkSummary): string | number | null {
  switch (sort) {
    case 'newest':
      return park.updatedAt
    case 'area_asc':
      return park.areaMin
    case 'area_desc':
      return park.areaMax
    case 'price_asc':
    case 'price_desc':
      return park.price ? park.price.value : null
  }
}

/** The stored sort key for a domain value: a negotiable price becomes its sentinel. */
export function sortKeyOf(sort: ParkSort, value: string | number | null): string | number {
  if (value !== null) return value
  if (sort === 'price_asc') return PRICE_NULL_ASC_KEY
  if (sort === 'price_desc') return PRICE_NULL_DESC_KEY
  throw new Error(`sort ${sort} has no null values`)
}

/** Price sort keys of a park, as both adapters store them. */
export function priceKeys(price: { value: number } | null): { asc: number; desc: number } {
  return price
    ? { asc: price.value, desc: price.value }
    : { asc: PRICE_NULL_ASC_KEY, desc: PRICE_NULL_DESC_KEY }
}

/**
 * The home page's featured order: featuredOrder (0–999), then newest. A park without an order
 * ranks after every ordered one; both adapters store this key (SQLite `featured_rank`,
 * CloudBase `featuredRank`) so the database sorts it in one pass.
 */
export const FEATURED_RANK_NONE = 1000

export const featuredRankOf = (park: { featuredOrder?: number | null }): number =>
  typeof park.featuredOrder === 'number' ? park.featuredOrder : FEATURED_RANK_NONE
