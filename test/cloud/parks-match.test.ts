/**
 * @jest-environment node
 *
 * parks.match: the best 3 parks for a need, on both stores (SQLite seeded from mock/, the
 * CloudBase adapter over the sdk double), its validation, its bounds, and that it recommends
 * only what the public park lists return.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import { unglue } from '@/domain/format-quantity'
import { rankParks, type MatchNeed, type MatchResult } from '@/domain/match'
import { TAX_BRACKETS, NEED_TYPES } from '@/domain/inquiryOptions'
import { DISTRICTS, type Park } from '@/domain/park'
import type { ApiResult } from '@/domain/result'
import {
  createCloudbaseStorage,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { MAX_DETAIL_READS, MAX_MATCH_CANDIDATES } from '../../cloudfunctions/api/src/handlers/match'
import type { ListParksQuery, StoragePort } from '../../cloudfunctions/api/src/ports/storage'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { makeSyntheticParks, prng } from '../../server/synthetic'
import * as double from '../doubles/wx-server-sdk'
import { agency, tmpDir } from './fixtures'

const root = path.resolve(__dirname, '..', '..')
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, 'mock', file), 'utf8')) as T
const mockParks = read<Park[]>('parks.json')
const mockAgency = read<AgencyContact>('agency.json')

const visitor = { openid: 'o-visitor', source: 'local' as const }
const call = (api: Api, payload: unknown) => api({ action: 'parks.match', payload }, visitor)

function items(res: ApiResult<unknown>): MatchResult['items'] {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return (res.data as MatchResult).items
}

const SONGJIANG_RENT: MatchNeed = { needType: 'rent-factory', district: 'songjiang', areaMin: 2000 }

/** Both stores answer the same, and as the pure ranking over every park says. */
function matchContract(label: string, parks: Park[], getApi: () => Api) {
  describe(`parks.match on ${label}`, () => {
    it('租厂房 in 松江, 2,000㎡: three 松江 factories to rent, best first, with their reasons', async () => {
      const found = items(await call(getApi(), SONGJIANG_RENT))
      expect(found).toHaveLength(3)
      for (const m of found) {
        expect(m.park).toMatchObject({ district: 'songjiang', type: 'factory', deal: 'rent' })
        expect(m.reasons.map(unglue)).toEqual(expect.arrayContaining(['厂房出租', '位于松江']))
        expect(m.score).toBeGreaterThanOrEqual(0)
        expect(m.score).toBeLessThanOrEqual(100)
        expect(m.park).not.toHaveProperty('industries')
      }
      expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((a, b) => b - a))
      expect(found).toEqual(rankParks(SONGJIANG_RENT, parks, 3))
    })

    it('uses the industry and tax facts of the full record', async () => {
      const need: MatchNeed = { needType: 'rent-factory', industry: '新能源汽车零部件', taxBracket: '50-200' }
      const found = items(await call(getApi(), need))
      expect(found).toEqual(rankParks(need, parks, 3))
      expect(found.some((m) => m.reasons.some((r) => r.startsWith('准入 ')))).toBe(true)
    })

    it('leaves out every park of another kind: 买地 gets land for sale only', async () => {
      const found = items(await call(getApi(), { needType: 'buy-land', areaMin: 20000, areaMax: 40000 }))
      expect(found.length).toBeGreaterThan(0)
      for (const m of found) expect(m.park).toMatchObject({ type: 'land', deal: 'sale' })
    })

    it('answers every need type with at most 3 parks of its kind', async () => {
      for (const needType of NEED_TYPES) {
        const found = items(await call(getApi(), { needType }))
        expect(found.length).toBeGreaterThan(0)
        expect(found.length).toBeLessThanOrEqual(3)
        expect(found).toEqual(rankParks({ needType }, parks, 3))
      }
    })
  })
}

describe('SQLite seeded from mock/', () => {
  let dir: string
  let storage: SqliteStorage
  let api: Api
  beforeAll(() => {
    dir = tmpDir('parks-match')
    storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
    storage.seedFromMock({ articles: [], parks: mockParks, agency: mockAgency })
    api = createApi({ storage })
  })
  afterAll(() => {
    storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  matchContract('SQLite', mockParks, () => api)

  it('the mock seed: 松江 2,000㎡ gives p005, p001, p010 with the reasons a visitor reads', async () => {
    const found = items(await call(api, SONGJIANG_RENT))
    expect(found.map((m) => m.park.id)).toEqual(['p005', 'p001', 'p010'])
    expect(found[0].reasons.map(unglue)).toContain('面积 1,200–3,600㎡ 符合需求')
    expect(found[1].reasons.map(unglue)).toContain('面积 2,400–4,800㎡ 可分割')
  })

  it('refuses what is not a need: no type, a bad district, a reversed area, personal data', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'needType'],
      [{ needType: 'rent-castle' }, 'needType'],
      [{ needType: 'rent-factory', district: 'mars' }, 'district'],
      [{ needType: 'rent-factory', areaMin: 3000, areaMax: 2000 }, 'areaMax'],
      [{ needType: 'rent-factory', areaMin: -1 }, 'areaMin'],
      [{ needType: 'rent-factory', taxBracket: 'lots' }, 'taxBracket'],
      [{ needType: 'rent-factory', industry: 'x'.repeat(51) }, 'industry'],
    ]
    for (const [payload, field] of cases) {
      const res = await call(api, payload)
      expect(res.ok).toBe(false)
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION')
        expect(Object.keys(res.error.fields ?? {})).toContain(field)
        expect(res.error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/)
      }
    }
    const personal = await call(api, { needType: 'rent-factory', phone: '13524678515', contactName: '王' })
    expect(personal.ok).toBe(false)
    if (!personal.ok) expect(personal.error.code).toBe('VALIDATION')
  })

  it('is public: a visitor with no staff seat gets an answer', async () => {
    expect((await call(api, { needType: 'office' })).ok).toBe(true)
  })
})

describe('CloudBase adapter over the sdk double (mock/ content)', () => {
  let api: Api
  beforeAll(() => {
    double.__reset()
    double.__seed('parks', mockParks.map(toCloudPark))
    double.__seed('settings', [{ _id: 'agency', ...agency }])
    api = createApi({ storage: createCloudbaseStorage(double.database() as unknown as CloudDatabase) })
  })
  matchContract('CloudBase double', mockParks, () => api)
})

/** A synthetic catalogue with tax requirements, and a storage that counts what it is asked. */
function countingStorage(parks: Park[], hidden: Set<string> = new Set()) {
  const byId = new Map(parks.map((p) => [p.id, p]))
  const listed: ListParksQuery[] = []
  let listedRows = 0
  let reads = 0
  const sorted = [...parks].sort((a, b) =>
    a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
  )
  const storage = {
    async listParks(q: ListParksQuery) {
      listed.push(q)
      const rows = sorted
        .filter((p) => !hidden.has(p.id))
        .filter((p) => (!q.type || p.type === q.type) && (!q.deal || p.deal === q.deal))
        .filter(
          (p) =>
            !q.after ||
            p.updatedAt < String(q.after.value) ||
            (p.updatedAt === String(q.after.value) && p.id < q.after.id),
        )
        .slice(0, q.limit)
      listedRows += rows.length
      return rows
    },
    async getPark(id: string) {
      reads += 1
      return byId.get(id) ?? null
    },
  } as unknown as StoragePort
  return { storage, listed, counts: () => ({ listedRows, reads }) }
}

function catalogue(count: number, seed: number): Park[] {
  const rnd = prng(seed)
  const taxes = [
    undefined,
    '年税收不低于50万元',
    '亩均年税收不低于80万元',
    '年纳税额不低于300万元',
    '税收面谈',
  ]
  return makeSyntheticParks(count, seed).map((p) => {
    const taxRequirement = taxes[Math.floor(rnd() * taxes.length)]
    return taxRequirement ? { ...p, taxRequirement } : { ...p, taxRequirement: undefined }
  })
}

describe('bounds and exactness on a synthetic catalogue', () => {
  it('agrees with the ranking over every full record for many random needs, reading ≤ 40 records', async () => {
    const parks = catalogue(300, 11)
    const rnd = prng(5)
    const industries = ['新能源汽车零部件', '智能制造', '生物医药', '仓储物流', '电子信息', '']
    let exact = 0
    for (let n = 0; n < 60; n += 1) {
      const { storage, counts } = countingStorage(parks)
      const api = createApi({ storage })
      const areaMin = rnd() < 0.8 ? 100 * Math.ceil(rnd() * 200) : undefined
      const need: MatchNeed = {
        needType: NEED_TYPES[Math.floor(rnd() * NEED_TYPES.length)],
        ...(rnd() < 0.7 ? { district: DISTRICTS[Math.floor(rnd() * DISTRICTS.length)] } : {}),
        ...(areaMin ? { areaMin, areaMax: areaMin + 100 * Math.floor(rnd() * 30) } : {}),
        ...(rnd() < 0.6 ? { industry: industries[Math.floor(rnd() * industries.length)] } : {}),
        ...(rnd() < 0.6 ? { taxBracket: TAX_BRACKETS[Math.floor(rnd() * TAX_BRACKETS.length)] } : {}),
      }
      const found = items(await call(api, need))
      const reference = rankParks(need, parks, 3)
      // Exact unless the 40-read cap cut the search short; then only as good as the reads.
      if (counts().reads < MAX_DETAIL_READS) {
        expect(found).toEqual(reference)
        exact += 1
      }
      expect(found.length).toBe(reference.length)
      expect(counts().reads).toBeLessThanOrEqual(MAX_DETAIL_READS)
    }
    // Most needs are decided well within the cap (the bound prunes the rest).
    expect(exact).toBeGreaterThanOrEqual(45)
  })

  it('considers at most 500 candidates, in pages with the need’s type and deal', async () => {
    const parks = makeSyntheticParks(2000, 3)
    const { storage, listed, counts } = countingStorage(parks)
    const res = await call(createApi({ storage }), { needType: 'rent-factory' })
    expect(items(res)).toHaveLength(3)
    expect(counts().listedRows).toBeLessThanOrEqual(MAX_MATCH_CANDIDATES)
    expect(counts().listedRows).toBe(MAX_MATCH_CANDIDATES)
    for (const q of listed) {
      expect(q).toMatchObject({ type: 'factory', deal: 'rent', sort: 'newest' })
      expect(q.limit).toBeLessThanOrEqual(100)
    }
  })

  it('never recommends a park the public lists leave out, even when its record still reads', async () => {
    const parks = catalogue(120, 9)
    const need: MatchNeed = { needType: 'rent-factory', district: 'songjiang', areaMin: 2000 }
    const first = rankParks(need, parks, 3)
    const hidden = new Set(first.map((m) => m.park.id))
    const { storage } = countingStorage(parks, hidden)
    const found = items(await call(createApi({ storage }), need))
    expect(found).toHaveLength(3)
    for (const m of found) expect(hidden.has(m.park.id)).toBe(false)
    expect(found).toEqual(
      rankParks(
        need,
        parks.filter((p) => !hidden.has(p.id)),
        3,
      ),
    )
  })

  it('answers no items when no park is of the kind asked for', async () => {
    const parks = makeSyntheticParks(50, 2).filter((p) => p.type !== 'registration')
    const { storage } = countingStorage(parks)
    expect(items(await call(createApi({ storage }), { needType: 'registration' }))).toEqual([])
  })
})
