/**
 * @jest-environment node
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { ParkDetail } from '@/domain/actions'
import type { Park, PriceUnit } from '@/domain/park'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { makeSyntheticParks } from '../../server/synthetic'
import { agency, edgeParks, park, tmpDir } from './fixtures'
import { data, parkListContract } from './park-contract'

const parks: Park[] = [...makeSyntheticParks(150, 7), ...edgeParks()]

let dir: string
let storage: SqliteStorage
let api: Api

beforeAll(() => {
  dir = tmpDir('parks-sqlite')
  storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
  storage.seedFromMock({ articles: [], parks, agency })
  api = createApi({ storage })
})

afterAll(() => {
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

parkListContract('SQLite', parks, () => api)

describe('parks over SQLite', () => {
  it('counts concurrent gets exactly once each', async () => {
    const target = parks[3]
    const before = (await storage.getPark(target.id))!.views
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api({ action: 'parks.get', payload: { id: target.id } }, { openid: 'o', source: 'local' }),
      ),
    )
    const seen = results.map((r) => data<ParkDetail>(r).park.views).sort((a, b) => a - b)
    expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => before + n + 1))
    expect((await storage.getPark(target.id))!.views).toBe(before + 10)
  })

  it('keeps optional facts absent when a park has none (land: no floor height)', async () => {
    const land = parks.find((p) => p.type === 'land')!
    const stored = await storage.getPark(land.id)
    expect(stored).toEqual(land)
    expect(stored).not.toHaveProperty('floorHeight')
  })

  it('answers [] for similar parks of an unknown id', async () => {
    expect(await storage.listSimilarParks('p404', 4)).toEqual([])
  })
})

describe('SQLite park seeding', () => {
  it('inserts once, keeps view counts on a reseed and across reopen, adds new parks', async () => {
    const seedDir = tmpDir('parks-seed')
    const file = path.join(seedDir, 'seed.sqlite')
    const few = edgeParks()
    try {
      const first = openSqliteStorage(file)
      expect(first.seedFromMock({ articles: [], parks: few, agency })).toBe(few.length + 1)
      expect(await first.incrementParkViews('pz01')).toBe(few[0].views + 1)
      expect(first.seedFromMock({ articles: [], parks: few, agency })).toBe(0)
      first.close()

      const reopened = openSqliteStorage(file)
      expect(reopened.seedFromMock({ articles: [], parks: few, agency })).toBe(0)
      expect((await reopened.getPark('pz01'))?.views).toBe(few[0].views + 1)
      expect(reopened.seedFromMock({ articles: [], parks: [...few, park('pz99')], agency })).toBe(1)
      reopened.close()
    } finally {
      fs.rmSync(seedDir, { recursive: true, force: true })
    }
  })

  it.each([
    ['a bad id', park('P-1')],
    ['an unknown district', park('pq1', { district: 'hongkou' as Park['district'] })],
    ['an unknown type', park('pq1', { type: 'villa' as Park['type'] })],
    ['another offset', park('pq1', { updatedAt: '2026-05-01T02:00:00Z' })],
    ['areaMin > areaMax', park('pq1', { areaMin: 10, areaMax: 5 })],
    ['a negative price', park('pq1', { price: { value: -1, unit: 'yuan_m2' } })],
    ['an unknown unit', park('pq1', { price: { value: 1, unit: 'usd' as PriceUnit } })],
    // 万元 per lot is retired: sale prices are per m², so a price sort never mixes the two.
    ['the retired 万元 unit', park('pq1', { price: { value: 3000, unit: 'wan' as PriceUnit } })],
  ])('refuses a seed park with %s and inserts nothing of that seed', (_name, bad) => {
    const seedDir = tmpDir('parks-bad-seed')
    const s = openSqliteStorage(path.join(seedDir, 'bad.sqlite'))
    try {
      expect(() => s.seedFromMock({ articles: [], parks: [park('pq0'), bad] })).toThrow(/seed park/)
      return s.getPark('pq0').then((row) => expect(row).toBeNull())
    } finally {
      s.close()
      fs.rmSync(seedDir, { recursive: true, force: true })
    }
  })

  it('creates the park indexes; the common queries use one without a temp B-tree, even before ANALYZE', () => {
    const seedDir = tmpDir('parks-schema')
    const file = path.join(seedDir, 'schema.sqlite')
    try {
      openSqliteStorage(file).close()
      const db = new Database(file, { readonly: true })
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'parks' AND name LIKE 'parks_%'",
        )
        .all()
        .map((r) => (r as { name: string }).name)
      expect(indexes).toEqual(
        expect.arrayContaining([
          'parks_newest',
          'parks_district_newest',
          'parks_type_newest',
          'parks_district_type_newest',
          'parks_deal_price_asc',
          'parks_deal_price_desc',
          'parks_area_asc',
          'parks_area_desc',
          'parks_featured',
        ]),
      )
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' | ')
      const cols = 'id, name, price_value, updated_at'
      const cases: Array<[string, RegExp]> = [
        [
          `SELECT ${cols} FROM parks WHERE district = 'songjiang' AND type = 'factory' AND (updated_at, id) < ('2026', 'p1') ORDER BY updated_at DESC, id DESC LIMIT 11`,
          /USING INDEX parks_district_type_newest \(district=\? AND type=\? AND \(updated_at,id\)<\(\?,\?\)\)/,
        ],
        [
          `SELECT ${cols} FROM parks WHERE deal = 'rent' AND (price_asc_key, id) > (1.5, 'p1') ORDER BY price_asc_key, id LIMIT 11`,
          /USING INDEX parks_deal_price_asc \(deal=\? AND \(price_asc_key,id\)>\(\?,\?\)\)/,
        ],
        [
          `SELECT ${cols} FROM parks WHERE deal = 'sale' AND (price_desc_key, id) < (9000, 'p1') ORDER BY price_desc_key DESC, id DESC LIMIT 11`,
          /USING INDEX parks_deal_price_desc \(deal=\? AND \(price_desc_key,id\)<\(\?,\?\)\)/,
        ],
        [
          `SELECT ${cols} FROM parks WHERE featured = 1 ORDER BY updated_at DESC, id DESC LIMIT 6`,
          /USING INDEX parks_featured/,
        ],
      ]
      for (const [sql, expected] of cases) {
        const detail = plan(sql)
        expect(detail).toMatch(expected)
        expect(detail).not.toMatch(/TEMP B-TREE/)
      }
      db.close()
    } finally {
      fs.rmSync(seedDir, { recursive: true, force: true })
    }
  })
})
