/**
 * @jest-environment node
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ArticleDetail, HomeData } from '@/domain/actions'
import type { Article, ArticlePage } from '@/domain/article'
import type { ApiResult } from '@/domain/result'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { agency, edgeParks, expectedOrder, makeArticles, park, referenceRelated, tmpDir } from './fixtures'

const ctx = { openid: 'h5:test', source: 'local' as const }
const articles: Article[] = [
  ...makeArticles(40),
  {
    ...makeArticles(1)[0],
    id: 'a-special',
    title: '容积率100%与 A_B 方案',
    summary: 'Songjiang 招商',
    tags: ['特别', '园区'],
    publishedAt: '2025-01-01T08:00:00+08:00',
  },
]

let dir: string
let storage: SqliteStorage
let api: Api

beforeAll(() => {
  dir = tmpDir('articles-search')
  storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
  const parks = [
    ...edgeParks(),
    ...Array.from({ length: 9 }, (_, n) =>
      park(`pf${n}`, { featured: true, updatedAt: `2026-0${n + 1}-15T09:00:00+08:00` }),
    ),
  ]
  storage.seedFromMock({ articles, parks, agency })
  api = createApi({ storage })
})

afterAll(() => {
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function data<T>(res: ApiResult<unknown>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data as T
}

async function walk(payload: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: ArticlePage = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { ...payload, cursor } }, ctx),
    )
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
    if (++pages > 100) throw new Error('pagination does not end')
  } while (cursor)
  return ids
}

describe('articles.list tag and keyword over SQLite', () => {
  it('filters by an exact tag and pages through it with a cursor', async () => {
    expect(await walk({ tag: '政策', limit: 3 })).toEqual(
      expectedOrder(articles.filter((a) => a.tags.includes('政策'))),
    )
    // A tag is matched whole, never as a substring.
    expect(await walk({ tag: '政' })).toEqual([])
  })

  it('combines tag, category and keyword', async () => {
    const ids = await walk({ tag: '园区', category: 'policy', keyword: '测试', limit: 4 })
    expect(ids).toEqual(
      expectedOrder(
        articles.filter(
          (a) => a.tags.includes('园区') && a.category === 'policy' && a.title.includes('测试'),
        ),
      ),
    )
    expect(ids.length).toBeGreaterThan(4)
  })

  it.each([
    ['测试文章 1', (a: Article) => a.title.includes('测试文章 1')],
    ['摘要 3', (a: Article) => a.summary.includes('摘要 3')],
    ['园', (a: Article) => a.tags.some((t) => t.includes('园'))],
    ['100%', (a: Article) => a.id === 'a-special'],
    ['A_B', (a: Article) => a.id === 'a-special'],
    ['songjiang', (a: Article) => a.id === 'a-special'],
    ['%', (a: Article) => a.id === 'a-special'],
    ['_', (a: Article) => a.id === 'a-special'],
    ['"', () => false],
    [',', () => false],
  ])(
    'keyword %p matches title, summary or a tag, literally and case-insensitively',
    async (keyword, match) => {
      expect(await walk({ keyword, limit: 30 })).toEqual(expectedOrder(articles.filter(match)))
    },
  )
})

describe('articles.get related over SQLite', () => {
  it.each(['a-special', articles[1].id, articles[0].id, articles[10].id])(
    'related for %s: tag sharers first, then the category, never itself',
    async (id) => {
      const detail = data<ArticleDetail>(await api({ action: 'articles.get', payload: { id } }, ctx))
      expect(detail.related.map((r) => r.id)).toEqual(referenceRelated(articles, id))
      expect(detail.related.map((r) => r.id)).not.toContain(id)
      for (const r of detail.related) expect(r).not.toHaveProperty('body')
    },
  )

  it('answers [] for related of an unknown id', async () => {
    expect(await storage.listRelatedArticles('nope', 4)).toEqual([])
  })
})

describe('home.get over SQLite', () => {
  it('has the contact, the 6 newest featured parks and the 5 newest articles, as summaries', async () => {
    const home = data<HomeData>(await api({ action: 'home.get', payload: {} }, ctx))
    expect(Object.keys(home).sort()).toEqual(['contact', 'featuredParks', 'latestArticles'])
    expect(home.contact).toEqual(agency)
    expect(home.featuredParks.map((p) => p.id)).toEqual(['pf8', 'pf7', 'pf6', 'pf5', 'pf4', 'pz08'])
    expect(home.featuredParks.every((p) => p.featured)).toBe(true)
    for (const p of home.featuredParks) expect(p).not.toHaveProperty('description')
    expect(home.latestArticles.map((a) => a.id)).toEqual(expectedOrder(articles).slice(0, 5))
    for (const a of home.latestArticles) expect(a).not.toHaveProperty('body')
  })

  it('answers INTERNAL when the contact is missing', async () => {
    const emptyDir = tmpDir('home-empty')
    const empty = openSqliteStorage(path.join(emptyDir, 'e.sqlite'))
    try {
      const res = await createApi({ storage: empty })({ action: 'home.get' }, ctx)
      expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
      empty.seedFromMock({ articles: [], agency })
      const home = data<HomeData>(await createApi({ storage: empty })({ action: 'home.get' }, ctx))
      expect(home).toEqual({ contact: agency, featuredParks: [], latestArticles: [] })
    } finally {
      empty.close()
      fs.rmSync(emptyDir, { recursive: true, force: true })
    }
  })
})
