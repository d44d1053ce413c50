import type { ParkDetail, WithdrawnParkDetail } from '@/domain/actions'
import { PARK_SORTS, type ParkPage, type ParkSort } from '@/domain/park'
import { PARK_ID_RE, type GetParkSchema, type ParkQuery } from '@/domain/schemas'
import type * as v from 'valibot'
import { ActionError, MESSAGES } from '../errors'
import { toPage } from './paging'
import { sortValueOf } from '../core/park-order'
import type { ParkKey, StoragePort } from '../ports/storage'

type GetInput = v.InferOutput<typeof GetParkSchema>

const BASE64URL_RE = /^[A-Za-z0-9_-]+$/
/** Largest finite value a cursor may carry for an area or a price sort. */
const MAX_SORT_NUMBER = 1e12

export const SIMILAR_LIMIT = 4

export interface ParkCursor extends ParkKey {
  sort: ParkSort
}

/**
 * The cursor is opaque to clients: base64url of {"s": sort, "v": sort value, "i": id}. The
 * sort name is inside so a cursor is only ever read back under the order that issued it.
 */
export function encodeParkCursor(cursor: ParkCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.value, i: cursor.id }), 'utf8').toString(
    'base64url',
  )
}

function validValue(sort: ParkSort, value: unknown): value is string | number | null {
  if (sort === 'newest') {
    return (
      typeof value === 'string' && value.length > 0 && value.length <= 40 && !Number.isNaN(Date.parse(value))
    )
  }
  const isNumber =
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_SORT_NUMBER
  // Only the price sorts have nulls (面议).
  return isNumber || (value === null && (sort === 'price_asc' || sort === 'price_desc'))
}

/** Returns null for anything that is not a cursor this server could have issued. */
export function decodeParkCursor(cursor: string): ParkCursor | null {
  // Buffer's base64 decoder skips junk silently, so check the alphabet first.
  if (!BASE64URL_RE.test(cursor)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
  const { s, v: value, i } = parsed as { s?: unknown; v?: unknown; i?: unknown }
  if (typeof s !== 'string' || !(PARK_SORTS as readonly string[]).includes(s)) return null
  const sort = s as ParkSort
  if (typeof i !== 'string' || !PARK_ID_RE.test(i) || !validValue(sort, value)) return null
  return { sort, value, id: i }
}

export function createParkHandlers(storage: StoragePort) {
  return {
    async list(input: ParkQuery): Promise<ParkPage> {
      let after: ParkKey | undefined
      if (input.cursor) {
        const cursor = decodeParkCursor(input.cursor)
        if (!cursor) throw new ActionError('VALIDATION', MESSAGES.validation, { cursor: MESSAGES.badCursor })
        // A position in another order means nothing in this one: start over rather than guess.
        if (cursor.sort !== input.sort) {
          throw new ActionError('VALIDATION', MESSAGES.validation, { cursor: MESSAGES.cursorSortMismatch })
        }
        after = { value: cursor.value, id: cursor.id }
      }
      // One row more than asked tells whether a next page exists without a count query.
      const rows = await storage.listParks({
        district: input.district,
        type: input.type,
        deal: input.deal,
        areaMin: input.areaMin,
        areaMax: input.areaMax,
        priceMin: input.priceMin,
        priceMax: input.priceMax,
        // The schema trims; an all-blank keyword filters nothing.
        keyword: input.keyword ? input.keyword : undefined,
        sort: input.sort,
        after,
        limit: input.limit + 1,
      })
      return toPage(rows, input.limit, (last) =>
        encodeParkCursor({ sort: input.sort, value: sortValueOf(input.sort, last), id: last.id }),
      )
    },

    async get(input: GetInput): Promise<ParkDetail | WithdrawnParkDetail> {
      // Count the view and read everything the page shows at once: one round of storage calls.
      const [views, park, contact, similar] = await Promise.all([
        storage.incrementParkViews(input.id),
        storage.getPark(input.id),
        storage.getAgencyContact(),
        storage.listSimilarParks(input.id, SIMILAR_LIMIT),
      ])
      if (views === null || !park) throw new ActionError('NOT_FOUND', MESSAGES.parkNotFound)
      // A missing contact is a deployment fault, not the caller's: the router answers INTERNAL.
      if (!contact) throw new Error('agency contact is missing from storage (settings/agency)')
      const others = similar.filter((p) => p.id !== park.id).slice(0, SIMILAR_LIMIT)
      // Withdrawn (issue 9 item 5): the page says 已下架 with similar parks; nothing of the
      // listing but its id and name leaves the server. The view still counts: a visit happened.
      if (park.status === 'withdrawn')
        return { withdrawn: true, id: park.id, name: park.name, contact, similar: others }
      return {
        park: { ...park, views },
        contact,
        // Storage promises this already; the page must never link a park to itself.
        similar: others,
      }
    },
  }
}
