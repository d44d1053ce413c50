/**
 * @jest-environment node
 *
 * Quick content edits on the staff desk (issue 9 item 5), through the real router over SQLite
 * and over the CloudBase double: the staff guard, validation (the price unit follows the deal),
 * the audit entry of each write, withdrawn parks and hidden articles gone from every public list
 * at once (lists under every sort and filter, search, home, related, similar), the withdrawn
 * detail answer, and the derived price fields kept right after a price change.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type {
  ArticleDetail,
  HomeData,
  ParkDetail,
  WithdrawnArticleDetail,
  WithdrawnParkDetail,
} from '@/domain/actions'
import type { Article, ArticlePage } from '@/domain/article'
import type { ContentList, ContentParkRow } from '@/domain/content-edit'
import { PARK_SORTS, type Park, type ParkPage } from '@/domain/park'
import type { ApiResult } from '@/domain/result'
import {
  createCloudbaseStorage,
  toCloudArticle,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createCloudbaseContentEditor } from '../../cloudfunctions/api/src/adapters/cloudbase-content'
import {
  CLOUDBASE_COLLECTIONS,
  type CollectionSpec,
} from '../../cloudfunctions/api/src/adapters/cloudbase-collections'
import { setupCloudbase } from '../../cloudfunctions/api/src/adapters/cloudbase-setup'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { MIGRATIONS } from '../../cloudfunctions/api/src/adapters/sqlite/migrations'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import * as double from '../doubles/wx-server-sdk'
import { inTestAudit, inTestStaff } from './desk-fixtures'
import { agency, park, tmpDir } from './fixtures'
import { data } from './inquiry-fixtures'

type Backend = 'sqlite' | 'cloudbase'
const BACKENDS: Backend[] = ['sqlite', 'cloudbase']

/** Eight parks: songjiang factories (the similar tier of pc01), one featured pair, a sale lot. */
function parks(): Park[] {
  return [
    park('pc01', { name: '九亭标准厂房', featured: true, updatedAt: '2026-05-08T10:00:00+08:00' }),
    park('pc02', {
      name: '泗泾双层厂房',
      featured: true,
      price: { value: 1.2, unit: 'yuan_m2_day' },
      updatedAt: '2026-05-07T10:00:00+08:00',
    }),
    park('pc03', {
      name: '洞泾独栋厂房',
      price: { value: 2.0, unit: 'yuan_m2_day' },
      updatedAt: '2026-05-06T10:00:00+08:00',
    }),
    park('pc04', { name: '车墩仓库', type: 'warehouse', updatedAt: '2026-05-05T10:00:00+08:00' }),
    park('pc05', { name: '嘉定厂房', district: 'jiading', updatedAt: '2026-05-04T10:00:00+08:00' }),
    park('pc06', {
      name: '临港工业用地',
      district: 'pudong',
      type: 'land',
      deal: 'sale',
      price: { value: 1500, unit: 'yuan_m2' },
      featured: true,
      updatedAt: '2026-05-03T10:00:00+08:00',
    }),
    park('pc07', { name: '面议厂房', price: null, updatedAt: '2026-05-02T10:00:00+08:00' }),
    park('pc08', { name: '小面积厂房', areaMin: 300, areaMax: 600, updatedAt: '2026-05-01T10:00:00+08:00' }),
  ]
}

function articles(): Article[] {
  const a = (id: string, day: number, patch: Partial<Article> = {}): Article => ({
    id,
    title: `园区资讯 ${id}`,
    summary: `摘要 ${id}`,
    cover: '/media/covers/c0.png',
    category: 'policy',
    tags: ['税收政策'],
    author: '招商部',
    publishedAt: `2026-04-${String(day).padStart(2, '0')}T10:00:00+08:00`,
    views: 0,
    body: `<p>正文 ${id}</p>`,
    ...patch,
  })
  return [
    a('art-1', 20, { title: '松江税收返还新政解读' }),
    a('art-2', 19),
    a('art-3', 18),
    a('art-4', 17, { category: 'guide', tags: ['注册流程'] }),
    a('art-5', 16, { category: 'guide', tags: ['注册流程'] }),
    a('art-6', 15, { category: 'park-news', tags: [] }),
    a('art-7', 14, { category: 'park-news', tags: [] }),
  ]
}

interface Env {
  api: Api
  audit: ReturnType<typeof inTestAudit>
  staff(action: string, payload: unknown, who?: string): Promise<ApiResult<unknown>>
  visitor(action: string, payload: unknown): Promise<ApiResult<unknown>>
  close(): void
}

function env(backend: Backend): Env {
  const audit = inTestAudit()
  let close = () => {}
  let api: Api
  const base = { staff: inTestStaff(), audit }
  if (backend === 'sqlite') {
    const dir = tmpDir('content')
    const storage = openSqliteStorage(path.join(dir, 'content.sqlite'))
    storage.seedFromMock({ articles: articles(), parks: parks(), agency })
    api = createApi({ storage, content: storage.content, ...base })
    close = () => {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  } else {
    double.__reset()
    double.__seed('parks', parks().map(toCloudPark))
    double.__seed('articles', articles().map(toCloudArticle))
    double.__seed('settings', [{ _id: 'agency', ...agency }])
    const db = double.database() as unknown as CloudDatabase
    api = createApi({
      storage: createCloudbaseStorage(db),
      content: createCloudbaseContentEditor(db),
      ...base,
    })
  }
  return {
    api,
    audit,
    staff: (action, payload, who = 's-agent') =>
      api({ action, payload }, { openid: `o-${who}`, source: 'local' }),
    visitor: (action, payload) => api({ action, payload }, { openid: 'o-visitor', source: 'local' }),
    close,
  }
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)

describe.each(BACKENDS)('content edits over %s', (backend) => {
  let e: Env
  beforeEach(() => {
    e = env(backend)
  })
  afterEach(() => e.close())

  /** Every park id any public park list shows, under every sort and the filters the app offers. */
  async function everyParkListing(): Promise<Set<string>> {
    const seen = new Set<string>()
    const queries: Array<Record<string, unknown>> = [
      {},
      { district: 'songjiang' },
      { district: 'songjiang', type: 'factory' },
      { type: 'factory' },
      { areaMin: 500, areaMax: 5000 },
      { keyword: '厂房' },
    ]
    for (const sort of PARK_SORTS) {
      for (const q of [...queries, { deal: 'rent' }, { deal: 'rent', priceMin: 0, priceMax: 100 }]) {
        const scoped = sort.startsWith('price') && !q.deal ? { ...q, deal: 'rent' } : q
        const page = data<ParkPage>(await e.visitor('parks.list', { sort, limit: 30, ...scoped }))
        for (const p of page.items) seen.add(p.id)
      }
    }
    const home = data<HomeData>(await e.visitor('home.get', {}))
    for (const p of home.featuredParks) seen.add(p.id)
    for (const other of ['pc02', 'pc03', 'pc04', 'pc05']) {
      const detail = data<ParkDetail>(await e.visitor('parks.get', { id: other }))
      for (const p of detail.similar) seen.add(p.id)
    }
    return seen
  }

  async function everyArticleListing(): Promise<Set<string>> {
    const seen = new Set<string>()
    for (const q of [
      {},
      { category: 'policy' },
      { tag: '税收政策' },
      { keyword: '税收' },
      { keyword: '园区资讯' },
    ]) {
      for (const a of data<ArticlePage>(await e.visitor('articles.list', { limit: 30, ...q })).items)
        seen.add(a.id)
    }
    for (const a of data<HomeData>(await e.visitor('home.get', {})).latestArticles) seen.add(a.id)
    for (const other of ['art-2', 'art-3']) {
      for (const a of data<ArticleDetail>(await e.visitor('articles.get', { id: other })).related)
        seen.add(a.id)
    }
    return seen
  }

  it('refuses visitors and deactivated staff before reading the payload', async () => {
    for (const [action, payload] of [
      ['content.list', {}],
      ['content.updatePark', { id: 'pc01', status: 'withdrawn' }],
      ['content.updateArticle', { id: 'art-1', hidden: true }],
    ] as const) {
      expect((await e.visitor(action, payload)).ok).toBe(false)
      expect(await e.visitor(action, payload)).toMatchObject({ error: { code: 'FORBIDDEN' } })
      expect(await e.staff(action, payload, 's-gone')).toMatchObject({ error: { code: 'FORBIDDEN' } })
    }
    expect(await everyParkListing()).toContain('pc01')
    expect(e.audit.entries).toEqual([])
  })

  it('content.list: every park (withdrawn, let) and article (hidden), compact, newest first', async () => {
    await e.staff('content.updatePark', { id: 'pc03', status: 'withdrawn' })
    await e.staff('content.updatePark', { id: 'pc04', status: 'let' })
    await e.staff('content.updateArticle', { id: 'art-2', hidden: true })
    const list = data<ContentList>(await e.staff('content.list', {}))
    expect(ids(list.parks)).toEqual(ids(parks()))
    expect(ids(list.articles)).toEqual(ids(articles()))
    expect(list.parks[0]).toEqual({
      id: 'pc01',
      name: '九亭标准厂房',
      district: 'songjiang',
      type: 'factory',
      deal: 'rent',
      status: 'available',
      price: { value: 1.5, unit: 'yuan_m2_day' },
      featured: true,
      featuredOrder: null,
      updatedAt: '2026-05-08T10:00:00+08:00',
    })
    expect(list.parks.find((p) => p.id === 'pc03')?.status).toBe('withdrawn')
    expect(list.parks.find((p) => p.id === 'pc04')?.status).toBe('let')
    expect(list.articles.find((a) => a.id === 'art-2')).toEqual({
      id: 'art-2',
      title: '园区资讯 art-2',
      category: 'policy',
      publishedAt: '2026-04-19T10:00:00+08:00',
      featured: false,
      hidden: true,
    })
  })

  it('validates: at least one field, known status, order 0–999, the price unit of the deal, a known id', async () => {
    const fieldsOf = async (payload: unknown) => {
      const res = await e.staff('content.updatePark', payload)
      if (res.ok) throw new Error('expected a refusal')
      return res.error
    }
    expect(await fieldsOf({ id: 'pc01' })).toMatchObject({ code: 'VALIDATION' })
    expect((await fieldsOf({ id: 'pc01', status: 'sold' })).fields).toHaveProperty('status')
    expect((await fieldsOf({ id: 'pc01', featuredOrder: 1000 })).fields).toHaveProperty('featuredOrder')
    expect((await fieldsOf({ id: 'pc01', featuredOrder: 1.5 })).fields).toHaveProperty('featuredOrder')
    expect((await fieldsOf({ id: 'pc01', price: { value: -1, unit: 'yuan_m2_day' } })).fields).toEqual({
      'price.value': '价格不能为负数',
    })
    // A rent park's price is per m² per day: a sale unit is refused on the field, in Chinese.
    expect(await fieldsOf({ id: 'pc01', price: { value: 3000, unit: 'yuan_m2' } })).toEqual({
      code: 'VALIDATION',
      message: expect.any(String),
      fields: { price: '出租价格的单位应为元/m²/天' },
    })
    expect((await fieldsOf({ id: 'pc06', price: { value: 2, unit: 'yuan_m2_day' } })).fields).toEqual({
      price: '出售价格的单位应为元/m²',
    })
    expect(await fieldsOf({ id: 'p999', status: 'let' })).toMatchObject({ code: 'NOT_FOUND' })
    const art = await e.staff('content.updateArticle', { id: 'art-1' })
    expect(art).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await e.staff('content.updateArticle', { id: 'nope', hidden: true })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    expect(e.audit.entries).toEqual([])
    // Nothing was written either.
    const row = data<ContentList>(await e.staff('content.list', {})).parks.find((p) => p.id === 'pc01')
    expect(row).toMatchObject({
      status: 'available',
      price: { value: 1.5, unit: 'yuan_m2_day' },
      featuredOrder: null,
    })
  })

  it('a withdrawn park leaves every public list at once; its detail says withdrawn with similar parks', async () => {
    expect(await everyParkListing()).toContain('pc01')
    const res = data<{ park: ContentParkRow }>(
      await e.staff('content.updatePark', { id: 'pc01', status: 'withdrawn' }),
    )
    expect(res.park.status).toBe('withdrawn')
    const seen = await everyParkListing()
    expect(seen).not.toContain('pc01')
    // Everything else is still listed.
    for (const p of parks().filter((x) => x.id !== 'pc01')) expect(seen).toContain(p.id)

    const detail = data<WithdrawnParkDetail>(await e.visitor('parks.get', { id: 'pc01' }))
    expect(detail).toEqual({
      withdrawn: true,
      id: 'pc01',
      name: '九亭标准厂房',
      contact: agency,
      similar: expect.arrayContaining([]),
    })
    expect(detail).not.toHaveProperty('park')
    expect(ids(detail.similar)).toEqual(['pc02', 'pc03', 'pc07', 'pc08'])
    expect(e.audit.entries).toEqual([
      {
        actorId: 's-agent',
        action: 'content.updatePark',
        targetType: 'park',
        targetId: 'pc01',
        before: { status: 'available' },
        after: { status: 'withdrawn' },
        at: expect.any(String),
      },
    ])

    // Back on sale: listed again at once.
    await e.staff('content.updatePark', { id: 'pc01', status: 'available' })
    expect(await everyParkListing()).toContain('pc01')
    expect(data<ParkDetail>(await e.visitor('parks.get', { id: 'pc01' })).park.id).toBe('pc01')
  })

  it('a let park stays listed, marked let, on lists and its detail', async () => {
    await e.staff('content.updatePark', { id: 'pc03', status: 'let' })
    const page = data<ParkPage>(await e.visitor('parks.list', { limit: 30 }))
    expect(page.items.find((p) => p.id === 'pc03')?.status).toBe('let')
    // Available parks carry no status at all (absent = available).
    expect(page.items.find((p) => p.id === 'pc02')).not.toHaveProperty('status')
    expect(data<ParkDetail>(await e.visitor('parks.get', { id: 'pc03' })).park.status).toBe('let')
  })

  it('a hidden article leaves every list, search, home and related at once; its detail offers the latest', async () => {
    expect(await everyArticleListing()).toContain('art-1')
    await e.staff('content.updateArticle', { id: 'art-1', hidden: true }, 's-owner')
    const seen = await everyArticleListing()
    expect(seen).not.toContain('art-1')
    expect(seen).toContain('art-2')
    const detail = data<WithdrawnArticleDetail>(await e.visitor('articles.get', { id: 'art-1' }))
    expect(detail).toEqual({
      withdrawn: true,
      id: 'art-1',
      title: '松江税收返还新政解读',
      contact: agency,
      latest: expect.arrayContaining([]),
    })
    expect(JSON.stringify(detail)).not.toContain('正文')
    expect(ids(detail.latest)).toEqual(['art-2', 'art-3', 'art-4', 'art-5'])
    expect(e.audit.entries).toEqual([
      expect.objectContaining({
        actorId: 's-owner',
        action: 'content.updateArticle',
        targetType: 'article',
        targetId: 'art-1',
        before: { hidden: false },
        after: { hidden: true },
      }),
    ])
  })

  it('a featured article is pinned first on the home page', async () => {
    await e.staff('content.updateArticle', { id: 'art-7', featured: true })
    const home = data<HomeData>(await e.visitor('home.get', {}))
    expect(ids(home.latestArticles)).toEqual(['art-7', 'art-1', 'art-2', 'art-3', 'art-4'])
    expect(home.latestArticles[0].featured).toBe(true)
  })

  it('a price change re-sorts and re-filters at once (derived sort keys follow); null is 面议', async () => {
    const cheapest = async () =>
      ids(data<ParkPage>(await e.visitor('parks.list', { sort: 'price_asc', deal: 'rent', limit: 30 })).items)
    expect((await cheapest())[0]).toBe('pc02')
    await e.staff('content.updatePark', { id: 'pc08', price: { value: 0.8, unit: 'yuan_m2_day' } })
    expect((await cheapest())[0]).toBe('pc08')
    const inRange = data<ParkPage>(
      await e.visitor('parks.list', { deal: 'rent', priceMin: 0.5, priceMax: 0.9, limit: 30 }),
    )
    expect(ids(inRange.items)).toEqual(['pc08'])
    const desc = ids(
      data<ParkPage>(await e.visitor('parks.list', { sort: 'price_desc', deal: 'rent', limit: 30 })).items,
    )
    expect(desc.indexOf('pc08')).toBe(desc.length - 2) // before the 面议 park, which is last
    if (backend === 'cloudbase') {
      // The stored derived fields are exactly what toCloudPark writes for the edited park.
      const stored = double.__peek('parks', 'pc08')!
      const expected = toCloudPark({ ...parks()[7], price: { value: 0.8, unit: 'yuan_m2_day' } })
      for (const f of ['priceValue', 'priceAsc', 'priceDesc', 'featuredRank', 'searchText'])
        expect(stored[f]).toEqual(expected[f])
    }
    // To 面议: last in both price orders, in no price range.
    await e.staff('content.updatePark', { id: 'pc08', price: null })
    expect((await cheapest()).at(-1)).toMatch(/pc0[78]/)
    expect(
      ids(data<ParkPage>(await e.visitor('parks.list', { deal: 'rent', priceMax: 100, limit: 30 })).items),
    ).not.toContain('pc08')
    if (backend === 'cloudbase')
      expect(double.__peek('parks', 'pc08')).toMatchObject({ price: null, priceValue: null })
    expect(e.audit.entries.map((a) => [a.before, a.after])).toEqual([
      [{ price: { value: 1.5, unit: 'yuan_m2_day' } }, { price: { value: 0.8, unit: 'yuan_m2_day' } }],
      [{ price: { value: 0.8, unit: 'yuan_m2_day' } }, { price: null }],
    ])
  })

  it("home's featured parks follow featuredOrder (none last, newest first); clearing it restores", async () => {
    const featured = async () => ids(data<HomeData>(await e.visitor('home.get', {})).featuredParks)
    expect(await featured()).toEqual(['pc01', 'pc02', 'pc06'])
    await e.staff('content.updatePark', { id: 'pc06', featuredOrder: 1 })
    await e.staff('content.updatePark', { id: 'pc02', featuredOrder: 5 })
    expect(await featured()).toEqual(['pc06', 'pc02', 'pc01'])
    // A new featured park without an order comes after the ordered ones.
    await e.staff('content.updatePark', { id: 'pc05', featured: true })
    expect(await featured()).toEqual(['pc06', 'pc02', 'pc01', 'pc05'])
    const row = data<{ park: ContentParkRow }>(
      await e.staff('content.updatePark', { id: 'pc06', featuredOrder: null }),
    ).park
    expect(row.featuredOrder).toBeNull()
    expect(await featured()).toEqual(['pc02', 'pc01', 'pc05', 'pc06'])
    // Lists carry the order only where there is one.
    const page = data<ParkPage>(await e.visitor('parks.list', { limit: 30 }))
    expect(page.items.find((p) => p.id === 'pc02')?.featuredOrder).toBe(5)
    expect(page.items.find((p) => p.id === 'pc06')).not.toHaveProperty('featuredOrder')
    // Withdrawn leaves home too.
    await e.staff('content.updatePark', { id: 'pc02', status: 'withdrawn' })
    expect(await featured()).toEqual(['pc01', 'pc05', 'pc06'])
  })

  it('records only the fields that changed; an update that changes nothing writes nothing', async () => {
    await e.staff('content.updatePark', { id: 'pc01', status: 'available', featured: true, featuredOrder: 3 })
    expect(e.audit.entries.map((a) => [a.before, a.after])).toEqual([
      [{ featuredOrder: null }, { featuredOrder: 3 }],
    ])
    await e.staff('content.updatePark', { id: 'pc01', featuredOrder: 3 })
    await e.staff('content.updateArticle', { id: 'art-1', hidden: false })
    expect(e.audit.entries).toHaveLength(1)
  })
})

it('content writes fail closed without an audit log: nothing is written', async () => {
  // Without `audit` a write answers INTERNAL and the park stays listed.
  const dir = tmpDir('content-noaudit')
  const storage = openSqliteStorage(path.join(dir, 'c.sqlite'))
  storage.seedFromMock({ articles: [], parks: parks(), agency })
  const api = createApi({ storage, content: storage.content, staff: inTestStaff() })
  const res = await api(
    { action: 'content.updatePark', payload: { id: 'pc01', status: 'withdrawn' } },
    {
      openid: 'o-s-agent',
      source: 'local',
    },
  )
  expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  expect((await storage.content.findParkRow('pc01'))?.status).toBe('available')
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('SQLite: the content-edit migration step', () => {
  it('gives parks of before the status available and no order, articles no flags; queries stay on indexes', () => {
    const dir = tmpDir('content-migrate')
    const file = path.join(dir, 'old.sqlite')
    // A file at the step before this one, with a park and an article in it.
    const old = new Database(file)
    const before = MIGRATIONS.slice(0, MIGRATIONS.length - 1)
    for (const step of before) old.exec(step.sql)
    old.pragma(`user_version = ${before[before.length - 1].version}`)
    old
      .prepare(
        `INSERT INTO parks (id, name, district, type, deal, area_min, area_max, price_value, price_unit, updated_at, featured)
         VALUES ('p001', '老园区', 'songjiang', 'factory', 'rent', 100, 200, 1.5, 'yuan_m2_day', '2026-01-01T10:00:00+08:00', 1)`,
      )
      .run()
    old
      .prepare(
        `INSERT INTO articles (id, title, category, published_at) VALUES ('a1', '旧文章', 'policy', '2026-01-01T10:00:00+08:00')`,
      )
      .run()
    old.close()

    const storage = openSqliteStorage(file)
    expect(storage.migration.applied).toEqual([MIGRATIONS[MIGRATIONS.length - 1].version])
    return (async () => {
      expect(await storage.content.findParkRow('p001')).toMatchObject({
        status: 'available',
        featuredOrder: null,
      })
      expect(await storage.content.findArticleRow('a1')).toMatchObject({ featured: false, hidden: false })
      expect(ids(await storage.listFeaturedParks(6))).toEqual(['p001'])
      storage.close()

      const db = new Database(file, { readonly: true })
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' | ')
      expect(
        plan(
          "SELECT id FROM parks WHERE featured = 1 AND status <> 'withdrawn' ORDER BY featured_rank, updated_at DESC, id DESC LIMIT 6",
        ),
      ).toMatch(/USING INDEX parks_featured_rank/)
      expect(
        plan(
          "SELECT id FROM parks WHERE featured = 1 AND status <> 'withdrawn' ORDER BY featured_rank, updated_at DESC, id DESC LIMIT 6",
        ),
      ).not.toMatch(/TEMP B-TREE/)
      // The visibility filter rides on the index each sort walks: no scan of the table.
      expect(
        plan("SELECT id FROM parks WHERE status <> 'withdrawn' ORDER BY updated_at DESC, id DESC LIMIT 21"),
      ).toMatch(/USING INDEX parks_newest/)
      expect(
        plan('SELECT id FROM articles WHERE hidden = 0 ORDER BY published_at DESC, id DESC LIMIT 21'),
      ).toMatch(/USING INDEX articles_published/)
      expect(
        plan(
          'SELECT id FROM articles WHERE hidden = 0 AND featured = 1 ORDER BY published_at DESC, id DESC LIMIT 5',
        ),
      ).toMatch(/USING INDEX articles_featured/)
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })()
  })
})

describe('CloudBase: content queries and the setup step', () => {
  beforeEach(() => double.__reset())

  it("content.list walks the newest indexes; home's featured query walks featured_rank", async () => {
    double.__seed('parks', parks().map(toCloudPark))
    double.__seed('articles', articles().map(toCloudArticle))
    const real = double.database() as unknown as CloudDatabase
    const orders: Array<{ collection: string; order: string[] }> = []
    const wrap = (name: string, q: any, order: string[]): any => ({
      where: (c: object) => wrap(name, q.where(c), order),
      orderBy: (f: string, d: string) => wrap(name, q.orderBy(f, d), [...order, `${f} ${d}`]),
      field: (p: object) => wrap(name, q.field(p), order),
      limit: (n: number) => wrap(name, q.limit(n), order),
      get: () => {
        if (order.length) orders.push({ collection: name, order })
        return q.get()
      },
    })
    const db: CloudDatabase = { ...real, collection: (name: string) => wrap(name, real.collection(name), []) }
    await createCloudbaseContentEditor(db).listContent(500)
    expect(ids(await createCloudbaseStorage(db).listFeaturedParks(6))).toEqual(['pc01', 'pc02', 'pc06'])
    const indexOrders = (CLOUDBASE_COLLECTIONS as readonly CollectionSpec[]).flatMap((c) =>
      c.indexes.map((i) => ({ collection: c.name, fields: i.fields.map(([f, o]) => `${f} ${o}`) })),
    )
    expect(orders).toHaveLength(3)
    for (const q of orders) {
      // The sort is the index's fields after its leading equality (featured) or the whole index.
      const served = indexOrders.some(
        (i) =>
          i.collection === q.collection &&
          (JSON.stringify(i.fields) === JSON.stringify(q.order) ||
            JSON.stringify(i.fields.slice(1)) === JSON.stringify(q.order)),
      )
      expect({ ...q, served }).toEqual({ ...q, served: true })
    }
  })

  it('setup gives featured parks of before the "no order" rank, so ordered ones come first', async () => {
    // Documents imported before featuredRank existed: no such field.
    double.__seed(
      'parks',
      parks().map((p) => {
        const { featuredRank: _rank, ...doc } = toCloudPark(p)
        return doc
      }),
    )
    const db = double.database() as unknown as CloudDatabase
    const report = await setupCloudbase(db)
    expect(report.featuredRanksBackfilled).toBe(3)
    expect(double.__peek('parks', 'pc01')).toMatchObject({ featuredRank: 1000 })
    expect(double.__peek('parks', 'pc03')).not.toHaveProperty('featuredRank')
    const editor = createCloudbaseContentEditor(db)
    await editor.updatePark('pc06', { featuredOrder: 0 })
    expect(ids(await createCloudbaseStorage(db).listFeaturedParks(6))).toEqual(['pc06', 'pc01', 'pc02'])
  })
})
