/**
 * @jest-environment node
 *
 * 10,000 parks (deterministic: server/synthetic.ts, fixed seed) in a temporary SQLite file.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { ParkPage, ParkSort } from '@/domain/park'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { makeSyntheticParks } from '../../server/synthetic'
import { agency, referenceParks, tmpDir, type ParkFilterQuery } from './fixtures'
import { data, walkParks } from './park-contract'

const COUNT = 10_000
const parks = makeSyntheticParks(COUNT)
const ctx = { openid: 'o-scale', source: 'local' as const }

let dir: string
let file: string
let storage: SqliteStorage
let api: Api
let db: Database.Database

beforeAll(() => {
  dir = tmpDir('parks-scale')
  file = path.join(dir, 'parks.sqlite')
  storage = openSqliteStorage(file)
  expect(storage.seedFromMock({ articles: [], parks, agency })).toBe(COUNT + 1)
  api = createApi({ storage })
  db = new Database(file, { readonly: true })
})

afterAll(() => {
  db.close()
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/**
 * The full ordered query written straight in SQL, independently of the adapter: NULL prices
 * ordered last with `IS NULL` rather than the adapter's sentinel keys.
 */
const ORDER_SQL: Record<ParkSort, string> = {
  newest: 'updated_at DESC, id DESC',
  area_asc: 'area_min ASC, id ASC',
  area_desc: 'area_max DESC, id DESC',
  price_asc: 'price_value IS NULL, price_value ASC, id ASC',
  price_desc: 'price_value IS NULL, price_value DESC, id DESC',
}

function fullOrder(filters: Record<string, string>, sort: ParkSort): string[] {
  const where = Object.keys(filters)
    .map((k) => `${k} = @${k}`)
    .join(' AND ')
  return (
    db.prepare(`SELECT id FROM parks WHERE ${where} ORDER BY ${ORDER_SQL[sort]}`).all(filters) as Array<{
      id: string
    }>
  ).map((r) => r.id)
}

async function pageAt(payload: ParkFilterQuery & { limit: number }, n: number): Promise<ParkPage> {
  let cursor: string | null = null
  let page: ParkPage | null = null
  for (let i = 1; i <= n; i++) {
    page = data<ParkPage>(await api({ action: 'parks.list', payload: { ...payload, cursor } }, ctx))
    cursor = page.nextCursor
    if (i < n && !cursor) throw new Error(`no page ${i + 1}`)
  }
  return page!
}

const CASES: Array<[string, Record<string, string>, ParkSort]> = [
  // A price sort needs a deal: rent and sale prices are in different units.
  [
    'district + type + deal, price_asc',
    { district: 'songjiang', type: 'factory', deal: 'rent' },
    'price_asc',
  ],
  [
    'district + type + deal, price_desc',
    { district: 'songjiang', type: 'factory', deal: 'rent' },
    'price_desc',
  ],
  ['district + type, newest', { district: 'songjiang', type: 'factory' }, 'newest'],
  ['district + deal, area_asc', { district: 'songjiang', deal: 'rent' }, 'area_asc'],
  ['type + deal, area_desc', { type: 'warehouse', deal: 'sale' }, 'area_desc'],
]

describe(`parks.list over ${COUNT.toLocaleString('en')} parks in SQLite`, () => {
  it('the data set is deterministic and skewed enough for deep pages', () => {
    expect(makeSyntheticParks(50)).toEqual(parks.slice(0, 50))
    for (const [, filters] of CASES) expect(fullOrder(filters, 'newest').length).toBeGreaterThan(500)
    expect(parks.filter((p) => p.price === null).length).toBeGreaterThan(100)
  })

  it.each(CASES)(
    '%s: page 50 via the cursor equals rows 491–500 of the full ordered query',
    async (_n, filters, sort) => {
      const page = await pageAt({ ...filters, sort, limit: 10 }, 50)
      const full = fullOrder(filters, sort)
      expect(page.items.map((i) => i.id)).toEqual(full.slice(490, 500))
      expect(full).toEqual(referenceParks(parks, { ...filters, sort }))
      expect(page.nextCursor).not.toBeNull()
    },
  )

  it.each(CASES)(
    '%s: walking every page at size 30 returns every row once, in order',
    async (_n, filters, sort) => {
      const { ids, pages } = await walkParks(api, { ...filters, sort, limit: 30 })
      const full = fullOrder(filters, sort)
      expect(ids).toEqual(full)
      expect(new Set(ids).size).toBe(ids.length)
      expect(pages).toBe(Math.ceil(full.length / 30))
    },
  )

  it('walks all 10,000 parks under the price sorts (one deal at a time), nulls last, each exactly once', async () => {
    for (const sort of ['price_asc', 'price_desc'] as const) {
      const seen: string[] = []
      for (const deal of ['rent', 'sale'] as const) {
        const { items } = await walkParks(api, { deal, sort, limit: 30 }, 400)
        expect(items.map((i) => i.id)).toEqual(referenceParks(parks, { deal, sort }))
        const firstNull = items.findIndex((i) => i.price === null)
        expect(items.slice(firstNull).every((i) => i.price === null)).toBe(true)
        seen.push(...items.map((i) => i.id))
      }
      expect(new Set(seen).size).toBe(COUNT)
    }
  })

  it('the bench query walks an index from the cursor: no temp B-tree, no full scan (after ANALYZE)', () => {
    const plans: Array<[string, RegExp]> = [
      [
        "district = 'songjiang' AND type = 'factory' AND (price_asc_key, id) > (1.5, 'p1') ORDER BY price_asc_key, id",
        /parks_district_type_price_asc \(district=\? AND type=\? AND \(price_asc_key,id\)>\(\?,\?\)\)/,
      ],
      [
        "district = 'songjiang' AND type = 'factory' AND (updated_at, id) < ('2026-06', 'p1') ORDER BY updated_at DESC, id DESC",
        /parks_district_type_newest \(district=\? AND type=\? AND \(updated_at,id\)<\(\?,\?\)\)/,
      ],
      [
        "deal = 'rent' AND (price_desc_key, id) < (2, 'p1') ORDER BY price_desc_key DESC, id DESC",
        /parks_deal_price_desc \(deal=\? AND \(price_desc_key,id\)<\(\?,\?\)\)/,
      ],
      // Not selective (half the rows): with statistics the planner walks the newest index.
      [
        "deal = 'rent' AND (updated_at, id) < ('2026-06', 'p1') ORDER BY updated_at DESC, id DESC",
        /parks_newest/,
      ],
    ]
    for (const [tail, expected] of plans) {
      const detail = (
        db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM parks WHERE ${tail} LIMIT 11`).all() as Array<{
          detail: string
        }>
      )
        .map((r) => r.detail)
        .join(' | ')
      expect(detail).toMatch(expected)
      expect(detail).not.toMatch(/TEMP B-TREE|^SCAN parks$/)
    }
  })
})
