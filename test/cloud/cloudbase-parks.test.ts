/**
 * @jest-environment node
 */
import type { ArticleDetail, HomeData } from '@/domain/actions'
import type { ArticlePage } from '@/domain/article'
import type { Park } from '@/domain/park'
import {
  createCloudbaseStorage,
  toCloudArticle,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { PRICE_NULL_ASC_KEY, PRICE_NULL_DESC_KEY } from '../../cloudfunctions/api/src/core/park-order'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { makeSyntheticParks } from '../../server/synthetic'
import { agency, edgeParks, expectedOrder, makeArticles, referenceRelated } from './fixtures'
import { data, parkListContract } from './park-contract'

import * as double from '../doubles/wx-server-sdk'

const parks: Park[] = [...makeSyntheticParks(150, 7), ...edgeParks()]
const articles = makeArticles(25)

const db = () => double.database() as unknown as CloudDatabase
let api: Api

function seedCloud() {
  double.__reset()
  double.__seed('parks', parks.map(toCloudPark))
  double.__seed('articles', articles.map(toCloudArticle))
  double.__seed('settings', [{ _id: 'agency', ...agency }])
}

describe('CloudBase adapter: parks over the sdk double', () => {
  beforeAll(() => {
    seedCloud()
    api = createApi({ storage: createCloudbaseStorage(db()) })
  })

  parkListContract('CloudBase double', parks, () => api)

  it('stores 面议 as priceValue null with sentinel sort keys, and reads price back as null', async () => {
    const doc = double.__peek('parks', 'pz01')!
    expect(doc).toMatchObject({
      priceValue: null,
      priceAsc: PRICE_NULL_ASC_KEY,
      priceDesc: PRICE_NULL_DESC_KEY,
    })
    expect(doc.price).toBeNull()
    const priced = double.__peek('parks', 'pz04')!
    expect(priced).toMatchObject({ priceValue: 2.25, priceAsc: 2.25, priceDesc: 2.25 })
    const stored = await createCloudbaseStorage(db()).getPark('pz01')
    expect(stored?.price).toBeNull()
    expect(stored).not.toHaveProperty('priceValue')
    expect(stored).not.toHaveProperty('searchText')
  })

  it('list queries project the summary only and always pass a limit ≤ 100', async () => {
    const calls: Array<{ projection?: Record<string, boolean>; limit?: number }> = []
    const real = db()
    // A spy around the double's query chain: records field() and limit() of every parks query.
    const spy: CloudDatabase = {
      command: real.command,
      RegExp: real.RegExp,
      createCollection: real.createCollection,
      collection(name) {
        const wrap = (q: ReturnType<CloudDatabase['collection']>, rec: (typeof calls)[number]): any => ({
          where: (c: object) => wrap(q.where(c) as any, rec),
          orderBy: (f: string, d: 'asc' | 'desc') => wrap(q.orderBy(f, d) as any, rec),
          field: (p: Record<string, boolean>) => wrap(q.field(p) as any, { ...rec, projection: p }),
          limit: (n: number) => wrap(q.limit(n) as any, { ...rec, limit: n }),
          get: () => {
            if (name === 'parks') calls.push(rec)
            return q.get()
          },
          doc: (id: string) => q.doc(id),
        })
        return wrap(real.collection(name), {})
      },
    }
    const spied = createApi({ storage: createCloudbaseStorage(spy) })
    const page = data<{ items: Array<Record<string, unknown>> }>(
      await spied(
        {
          action: 'parks.list',
          payload: { district: 'songjiang', deal: 'rent', sort: 'price_desc', limit: 30 },
        },
        {
          openid: 'o',
          source: 'cloud',
        },
      ),
    )
    for (const item of page.items) {
      for (const heavy of [
        'description',
        'photos',
        'searchText',
        'address',
        'industries',
        '_id',
        'priceAsc',
      ]) {
        expect(item).not.toHaveProperty(heavy)
      }
    }
    expect(calls).toHaveLength(1)
    expect(calls[0].limit).toBe(31)
    expect(calls[0].projection).not.toHaveProperty('description')
    expect(Object.values(calls[0].projection ?? {}).every(Boolean)).toBe(true)
  })

  it('get: one round of parallel calls, then similar and the view read-back', async () => {
    double.__calls.length = 0
    const detail = data<{ park: Park; similar: Park[] }>(
      await api({ action: 'parks.get', payload: { id: 'pz07' } }, { openid: 'o', source: 'cloud' }),
    )
    expect(detail.park.id).toBe('pz07')
    const ops = double.__calls.map((c) => `${c.collection}:${c.op}`)
    // views update + its read-back, park, contact, similar lookup + its three tiers.
    expect(ops.filter((o) => o === 'parks:doc.update')).toHaveLength(1)
    expect(ops.filter((o) => o.startsWith('parks:get'))).toHaveLength(1 + 1 + 1 + 3)
    expect(ops.filter((o) => o === 'settings:get')).toHaveLength(1)
  })
})

describe('CloudBase adapter: articles search, related and home over the sdk double', () => {
  beforeEach(() => {
    seedCloud()
    api = createApi({ storage: createCloudbaseStorage(db()) })
  })
  const ctx = { openid: 'o', source: 'cloud' as const }

  it('filters by tag (array contains) and by keyword (literal, any of title/summary/tags), paging with a cursor', async () => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const page: ArticlePage = data<ArticlePage>(
        await api({ action: 'articles.list', payload: { tag: '政策', limit: 4, cursor } }, ctx),
      )
      for (const item of page.items) {
        expect(item.tags).toContain('政策')
        expect(item).not.toHaveProperty('searchText')
        expect(item).not.toHaveProperty('body')
      }
      ids.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(ids).toEqual(expectedOrder(articles.filter((a) => a.tags.includes('政策'))))

    const byTitle = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { keyword: '测试文章 1', limit: 30 } }, ctx),
    )
    expect(byTitle.items.map((i) => i.id)).toEqual(
      expectedOrder(articles.filter((a) => a.title.includes('测试文章 1'))),
    )
    const byTag = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { keyword: '园', limit: 30 } }, ctx),
    )
    expect(byTag.items).toHaveLength(articles.filter((a) => a.tags.includes('园区')).length)
    const literal = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { keyword: '.*', limit: 30 } }, ctx),
    )
    expect(literal.items).toEqual([])
  })

  it('related: tag sharers first, then the same category, never itself, at most 4', async () => {
    const target = articles[1] // tags 园区, 政策
    const detail = data<ArticleDetail>(await api({ action: 'articles.get', payload: { id: target.id } }, ctx))
    expect(detail.related).toHaveLength(4)
    expect(detail.related.map((r) => r.id)).not.toContain(target.id)
    expect(detail.related.map((r) => r.id)).toEqual(referenceRelated(articles, target.id))
    // All sharers share both tags: the same category wins the tie.
    expect(detail.related[0].category).toBe(target.category)

    const untagged = articles[0] // no tags: same category only
    const plain = data<ArticleDetail>(
      await api({ action: 'articles.get', payload: { id: untagged.id } }, ctx),
    )
    expect(plain.related.map((r) => r.id)).toEqual(
      expectedOrder(articles.filter((a) => a.id !== untagged.id && a.category === untagged.category)).slice(
        0,
        4,
      ),
    )
  })

  it('home.get: contact, up to 6 featured parks newest first, the 5 newest articles', async () => {
    const home = data<HomeData>(await api({ action: 'home.get', payload: {} }, ctx))
    expect(home.contact).toEqual(agency)
    const featured = parks
      .filter((p) => p.featured)
      .sort((a, b) =>
        a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
      )
    expect(home.featuredParks.map((p) => p.id)).toEqual(featured.slice(0, 6).map((p) => p.id))
    expect(home.latestArticles.map((a) => a.id)).toEqual(expectedOrder(articles).slice(0, 5))
  })
})
