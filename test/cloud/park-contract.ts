/**
 * The parks.list / parks.get contract, run against any storage adapter through the router:
 * every filter alone and combined, every sort, walked page by page at several page sizes and
 * compared with referenceParks (fixtures.ts). Imported by the SQLite and the CloudBase tests.
 */
import type { ParkDetail } from '@/domain/actions'
import { DEALS, DEAL_PRICE_UNIT, PARK_SORTS, isPriceSort, type Park, type ParkPage } from '@/domain/park'
import type { ApiResult } from '@/domain/result'
import { encodeParkCursor } from '../../cloudfunctions/api/src/handlers/parks'
import type { Api } from '../../cloudfunctions/api/src/router'
import { agency, referenceParks, summaryOf, type ParkFilterQuery } from './fixtures'

const ctx = { openid: 'o-contract', source: 'local' as const }

export function data<T>(res: ApiResult<unknown>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data as T
}

/** Walks every page of a query; fails if paging never ends or a page is over-full. */
export async function walkParks(
  api: Api,
  payload: Record<string, unknown>,
  maxPages = 2000,
): Promise<{ ids: string[]; pages: number; items: ParkPage['items'] }> {
  const items: ParkPage['items'] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: ParkPage = data<ParkPage>(
      await api({ action: 'parks.list', payload: { ...payload, cursor } }, ctx),
    )
    pages++
    const limit = typeof payload.limit === 'number' ? payload.limit : 10
    if (page.items.length > limit) throw new Error(`page of ${page.items.length} > limit ${limit}`)
    if (page.nextCursor !== null && page.items.length !== limit) throw new Error('short page before the end')
    items.push(...page.items)
    cursor = page.nextCursor
    if (pages > maxPages) throw new Error('pagination does not end')
  } while (cursor)
  return { ids: items.map((i) => i.id), pages, items }
}

export const FILTER_CASES: Array<[string, ParkFilterQuery]> = [
  ['no filter', {}],
  ['district', { district: 'songjiang' }],
  ['type', { type: 'factory' }],
  ['deal', { deal: 'sale' }],
  ['district + type', { district: 'songjiang', type: 'factory' }],
  ['deal + price range', { deal: 'rent', priceMin: 1, priceMax: 2 }],
  ['area overlap', { areaMin: 1000, areaMax: 3000 }],
  ['keyword (Chinese)', { keyword: '物流' }],
  ['four filters', { district: 'songjiang', type: 'warehouse', deal: 'rent', areaMin: 2000 }],
]

/** Registers the contract's tests; `getApi` returns the api over storage seeded with `parks`. */
export function parkListContract(label: string, parks: Park[], getApi: () => Api, pageSizes = [1, 7, 30]) {
  const byId = new Map(parks.map((p) => [p.id, p]))
  const list = (payload: Record<string, unknown>) => getApi()({ action: 'parks.list', payload }, ctx)

  describe(`parks.list contract (${label})`, () => {
    for (const [name, filters] of FILTER_CASES) {
      for (const sort of PARK_SORTS) {
        it(`${name}, sort ${sort}: every matching park once, in order, at page sizes ${pageSizes.join('/')}`, async () => {
          // A price sort compares one unit, so it needs a deal: without one, each deal in turn.
          const queries =
            isPriceSort(sort) && !filters.deal ? DEALS.map((deal) => ({ ...filters, deal })) : [filters]
          let matched = 0
          for (const query of queries) {
            const expected = referenceParks(parks, { ...query, sort })
            matched += expected.length
            for (const limit of pageSizes) {
              const { ids, pages } = await walkParks(getApi(), { ...query, sort, limit })
              expect(ids).toEqual(expected)
              expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)))
            }
          }
          expect(matched).toBeGreaterThan(0)
        })
      }
    }

    it.each(['price_asc', 'price_desc'] as const)(
      '%s pages hold one price unit: the deal’s own (rent 元/m²/天, sale 元/m²)',
      async (sort) => {
        for (const deal of DEALS) {
          const { items } = await walkParks(getApi(), { deal, sort, limit: 7 })
          expect(items.length).toBeGreaterThan(0)
          const units = new Set(items.filter((i) => i.price).map((i) => i.price!.unit))
          expect([...units]).toEqual([DEAL_PRICE_UNIT[deal]])
        }
      },
    )

    it('refuses a price sort or a price range without a deal (their units differ)', async () => {
      for (const sort of ['price_asc', 'price_desc'] as const) {
        expect(await list({ sort })).toEqual({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: expect.any(String),
            fields: { sort: '按价格排序请先选择出租或出售' },
          },
        })
      }
      for (const range of [{ priceMin: 1 }, { priceMax: 2 }, { priceMin: 1, priceMax: 2 }]) {
        expect(await list(range)).toEqual({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: expect.any(String),
            fields: { deal: '按价格筛选请先选择出租或出售' },
          },
        })
      }
    })

    it('list rows are exactly the summary of each park', async () => {
      const { items } = await walkParks(getApi(), { limit: 30 })
      for (const item of items) expect(item).toEqual(summaryOf(byId.get(item.id)!))
    })

    it.each(['price_asc', 'price_desc'] as const)(
      '%s puts every negotiable price after every priced row',
      async (sort) => {
        for (const deal of DEALS) {
          const { items } = await walkParks(getApi(), { deal, sort, limit: 7 })
          const firstNull = items.findIndex((i) => i.price === null)
          expect(firstNull).toBeGreaterThan(0)
          expect(items.slice(firstNull).every((i) => i.price === null)).toBe(true)
          expect(items.slice(0, firstNull).every((i) => i.price !== null)).toBe(true)
        }
      },
    )

    it('a price range never matches a negotiable price, and its bounds are inclusive', async () => {
      for (const deal of DEALS) {
        const { items } = await walkParks(getApi(), { deal, priceMin: 0, limit: 30 })
        expect(items.every((i) => i.price !== null)).toBe(true)
        expect(items).toHaveLength(parks.filter((p) => p.deal === deal && p.price !== null).length)
      }
      const exact = await walkParks(getApi(), { deal: 'rent', priceMin: 1.5, priceMax: 1.5, limit: 30 })
      expect(exact.ids).toEqual(referenceParks(parks, { deal: 'rent', priceMin: 1.5, priceMax: 1.5 }))
      expect(exact.items.every((i) => i.price?.value === 1.5)).toBe(true)
      expect(exact.ids).toEqual(expect.arrayContaining(['pz02', 'pz07']))
    })

    it.each([
      ['%', ['pz01']],
      ['100%', ['pz01']],
      ['_', ['pz02']],
      ['A_B', ['pz02']],
      ['\\', ['pz03']],
      ['(9.5)', ['pz03']],
      ['g60', ['pz04']],
      ['G60科创', ['pz04']],
      ['.', ['pz03']],
      ['*', []],
      ['面议办公', ['pz06']],
    ])('keyword %p is taken literally and case-insensitively → %p', async (keyword, expected) => {
      const { ids } = await walkParks(getApi(), { keyword, limit: 30 })
      expect(ids).toEqual(referenceParks(parks, { keyword }))
      expect(ids).toEqual(expected)
    })

    it('a Chinese keyword matches name, address, industries and highlights', async () => {
      const { ids } = await walkParks(getApi(), { keyword: '物流', limit: 30 })
      expect(ids).toContain('pz05') // industries only
      const inAddress = await walkParks(getApi(), { keyword: '科创走廊', limit: 30 })
      expect(inAddress.ids).toEqual(['pz04']) // address only
      const inHighlight = await walkParks(getApi(), { keyword: '层高(9.5)', limit: 30 })
      expect(inHighlight.ids).toEqual(['pz03'])
    })

    it.each([
      [{ areaMin: 2000 }, ['pz02', 'pz05'], []],
      [{ areaMin: 2000.5 }, [], ['pz02', 'pz05']],
      [{ areaMax: 1000 }, ['pz02'], ['pz05']],
      [{ areaMax: 999.5 }, [], ['pz02', 'pz05']],
      [{ areaMin: 1500, areaMax: 1500 }, ['pz02'], ['pz05']],
      [{ areaMin: 2000, areaMax: 2000 }, ['pz02', 'pz05'], []],
      [{ areaMin: 0, areaMax: 10 }, ['pz08'], ['pz02']],
    ])('area overlap %p includes %p and excludes %p', async (filters, included, excluded) => {
      const { ids } = await walkParks(getApi(), { ...filters, limit: 30 })
      expect(ids).toEqual(referenceParks(parks, filters))
      expect(ids).toEqual(expect.arrayContaining(included))
      for (const id of excluded) expect(ids).not.toContain(id)
    })

    it('rejects a cursor issued under another sort with VALIDATION on cursor', async () => {
      const first = data<ParkPage>(await list({ sort: 'newest', limit: 3 }))
      expect(first.nextCursor).toEqual(expect.any(String))
      for (const sort of PARK_SORTS.filter((s) => s !== 'newest')) {
        expect(await list({ sort, deal: 'rent', cursor: first.nextCursor })).toEqual({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: expect.any(String),
            fields: { cursor: '排序方式已变化，请从第一页重新加载' },
          },
        })
      }
      // The default sort is newest: the same cursor without a sort is fine.
      expect((await list({ cursor: first.nextCursor, limit: 3 })).ok).toBe(true)
    })

    const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    it.each([
      ['not base64url', 'abc def!'],
      ['base64 of junk', Buffer.from('not json').toString('base64url')],
      ['an array', raw(['newest', '2026-01-01', 'p001'])],
      ['no sort', raw({ v: '2026-01-01T00:00:00+08:00', i: 'p001' })],
      ['an unknown sort', raw({ s: 'views', v: 1, i: 'p001' })],
      ['a bad id', raw({ s: 'newest', v: '2026-01-01T00:00:00+08:00', i: 'P-1' })],
      ['newest with a number', raw({ s: 'newest', v: 5, i: 'p001' })],
      ['newest with a non-date', raw({ s: 'newest', v: 'yesterday', i: 'p001' })],
      ['area with a string', raw({ s: 'area_asc', v: '100', i: 'p001' })],
      ['area with null', raw({ s: 'area_desc', v: null, i: 'p001' })],
      ['area negative', raw({ s: 'area_asc', v: -1, i: 'p001' })],
      ['price with a string', raw({ s: 'price_asc', v: '1.5', i: 'p001' })],
      ['an article cursor', raw({ p: '2026-01-01T00:00:00+08:00', i: 'a-001' })],
    ])('refuses a malformed cursor (%s) with VALIDATION on cursor', async (_name, cursor) => {
      expect(await list({ cursor })).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: expect.any(String), fields: { cursor: '游标格式不正确' } },
      })
    })

    it('accepts a hand-made cursor at a negotiable price and continues after it', async () => {
      const nulls = referenceParks(parks, { deal: 'sale', sort: 'price_asc' }).filter(
        (id) => byId.get(id)!.price === null,
      )
      const cursor = encodeParkCursor({ sort: 'price_asc', value: null, id: nulls[0] })
      const page = data<ParkPage>(await list({ deal: 'sale', sort: 'price_asc', cursor, limit: 30 }))
      expect(page.items.map((i) => i.id)).toEqual(nulls.slice(1, 31))
    })

    it('refuses page size 31 and priceMin > priceMax before touching storage', async () => {
      const big = await list({ limit: 31 })
      expect(big.ok).toBe(false)
      if (!big.ok) expect(big.error.fields).toEqual({ limit: '每页最多 30 条' })
      const prices = await list({ deal: 'rent', priceMin: 3, priceMax: 2 })
      expect(prices).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.any(String),
          fields: { priceMax: '最低价格不能高于最高价格' },
        },
      })
    })
  })

  describe(`parks.get contract (${label})`, () => {
    const get = (id: string) => getApi()({ action: 'parks.get', payload: { id } }, ctx)

    it('returns the full park with views +1 per call, the contact and similar parks', async () => {
      const target = parks.find((p) => p.id === 'pz02')!
      const first = data<ParkDetail>(await get(target.id))
      expect(first.park).toEqual({ ...target, views: target.views + 1 })
      expect(first.contact).toEqual(agency)
      const second = data<ParkDetail>(await get(target.id))
      expect(second.park.views).toBe(target.views + 2)
    })

    it('similar: at most 4, never itself, same district and type first, then district, then type', async () => {
      for (const target of parks.filter((_, n) => n % 9 === 0)) {
        const { similar } = data<ParkDetail>(await get(target.id))
        expect(similar.length).toBeLessThanOrEqual(4)
        expect(similar.map((s) => s.id)).not.toContain(target.id)
        const newest = referenceParks(
          parks.filter((p) => p.id !== target.id),
          { sort: 'newest' },
        ).map((id) => byId.get(id)!)
        const tier = (p: Park) =>
          p.district === target.district && p.type === target.type
            ? 0
            : p.district === target.district
              ? 1
              : p.type === target.type
                ? 2
                : 3
        const expected = [0, 1, 2]
          .flatMap((t) => newest.filter((p) => tier(p) === t))
          .slice(0, 4)
          .map((p) => p.id)
        expect(similar.map((s) => s.id)).toEqual(expected)
        for (const s of similar) expect(s).not.toHaveProperty('description')
      }
    })

    it('answers NOT_FOUND for an unknown id', async () => {
      expect(await get('p99999x')).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '园区不存在或已下线' },
      })
    })
  })
}
