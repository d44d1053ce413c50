/**
 * @jest-environment node
 */
import path from 'node:path'
import fs from 'node:fs'
import type { ArticleDetail } from '@/domain/actions'
import type { ArticlePage } from '@/domain/article'
import type { ApiResult } from '@/domain/result'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { decodeCursor, encodeCursor } from '../../cloudfunctions/api/src/handlers/articles'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { agency, expectedOrder, makeArticles, tmpDir } from './fixtures'

const ctx = { openid: 'h5:test', source: 'local' as const }
const articles = makeArticles(40)

let dir: string
let storage: SqliteStorage
let api: Api

beforeAll(() => {
  dir = tmpDir('sqlite-handlers')
  storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
  storage.seedFromMock({ articles, agency })
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

async function walk(payload: Record<string, unknown>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: ArticlePage = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { ...payload, cursor } }, ctx),
    )
    pages++
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
    if (pages > 100) throw new Error('pagination does not end')
  } while (cursor)
  return { ids, pages }
}

describe('articles handlers over SQLite', () => {
  it.each([1, 3, 30])('walks every row exactly once, in order, with page size %i', async (limit) => {
    const { ids, pages } = await walk({ limit })
    expect(ids).toEqual(expectedOrder(articles))
    expect(new Set(ids).size).toBe(articles.length)
    expect(pages).toBe(Math.ceil(articles.length / limit))
  })

  it('returns nextCursor null on the last page and no empty trailing page', async () => {
    const page = data<ArticlePage>(await api({ action: 'articles.list', payload: { limit: 30 } }, ctx))
    expect(page.nextCursor).not.toBeNull()
    const last = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { limit: 30, cursor: page.nextCursor } }, ctx),
    )
    expect(last.items).toHaveLength(10)
    expect(last.nextCursor).toBeNull()
    const exact = data<ArticlePage>(await api({ action: 'articles.list', payload: { limit: 20 } }, ctx))
    const rest = data<ArticlePage>(
      await api({ action: 'articles.list', payload: { limit: 20, cursor: exact.nextCursor } }, ctx),
    )
    expect(rest.items).toHaveLength(20)
    expect(rest.nextCursor).toBeNull()
  })

  it('list rows carry no body and tags come back as arrays', async () => {
    const page = data<ArticlePage>(await api({ action: 'articles.list', payload: { limit: 5 } }, ctx))
    for (const item of page.items) {
      expect(item).not.toHaveProperty('body')
      expect(Array.isArray(item.tags)).toBe(true)
    }
  })

  it('filters by category and paginates within it', async () => {
    const { ids } = await walk({ category: 'policy', limit: 3 })
    expect(ids).toEqual(expectedOrder(articles.filter((a) => a.category === 'policy')))
    expect(ids.length).toBeGreaterThan(3)
  })

  it.each([
    'not base64 !',
    encodeCursor({ publishedAt: 'yesterday', id: 'a-001' }),
    Buffer.from('{"p":1,"i":"x"}').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"p":"2026-01-01T00:00:00+08:00","i":"bad id!"}').toString('base64url'),
    'x'.repeat(150),
  ])('refuses the malformed cursor %p with VALIDATION on cursor', async (cursor) => {
    const res = await api({ action: 'articles.list', payload: { cursor } }, ctx)
    expect(res).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), fields: { cursor: '游标格式不正确' } },
    })
  })

  it('round-trips a cursor', () => {
    const key = { publishedAt: '2026-09-21T10:40:00+08:00', id: 'art-1' }
    const cursor = encodeCursor(key)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual(key)
  })

  it('get returns the article with body, views +1 per call, and the contact', async () => {
    const target = articles[5]
    const first = data<ArticleDetail>(await api({ action: 'articles.get', payload: { id: target.id } }, ctx))
    expect(first.article).toEqual({ ...target, views: target.views + 1 })
    expect(first.contact).toEqual(agency)
    const second = data<ArticleDetail>(await api({ action: 'articles.get', payload: { id: target.id } }, ctx))
    expect(second.article.views).toBe(target.views + 2)
    expect((await storage.getArticle(target.id))?.views).toBe(target.views + 2)
  })

  it('counts concurrent gets exactly once each', async () => {
    const target = articles[7]
    const before = (await storage.getArticle(target.id))!.views
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api({ action: 'articles.get', payload: { id: target.id } }, ctx)),
    )
    const seen = results.map((r) => data<ArticleDetail>(r).article.views).sort((a, b) => a - b)
    expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => before + n + 1))
    expect((await storage.getArticle(target.id))!.views).toBe(before + 10)
  })

  it('answers NOT_FOUND for an unknown id and counts nothing', async () => {
    const res = await api({ action: 'articles.get', payload: { id: 'no-such-article' } }, ctx)
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } })
  })
})

describe('SQLite seeding', () => {
  it('inserts once, keeps view counts on a reseed and across reopen', async () => {
    const seedDir = tmpDir('sqlite-seed')
    const file = path.join(seedDir, 'seed.sqlite')
    try {
      const first = openSqliteStorage(file)
      expect(first.seedFromMock({ articles, agency })).toBe(articles.length + 1)
      await first.incrementArticleViews(articles[0].id)
      expect(first.seedFromMock({ articles, agency })).toBe(0)
      first.close()

      const reopened = openSqliteStorage(file)
      expect(reopened.seedFromMock({ articles, agency })).toBe(0)
      expect((await reopened.getArticle(articles[0].id))?.views).toBe(articles[0].views + 1)
      expect(await reopened.getAgencyContact()).toEqual(agency)
      // A new mock article appears on the next start; nothing else changes.
      const extra = { ...articles[1], id: 'new-one' }
      expect(reopened.seedFromMock({ articles: [...articles, extra], agency })).toBe(1)
      reopened.close()
    } finally {
      fs.rmSync(seedDir, { recursive: true, force: true })
    }
  })

  it('uses WAL and the keyset indexes', () => {
    const Database = require('better-sqlite3') as typeof import('better-sqlite3')
    const seedDir = tmpDir('sqlite-schema')
    const file = path.join(seedDir, 'schema.sqlite')
    try {
      openSqliteStorage(file).close()
      const db = new Database(file, { readonly: true })
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      const indexes = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'")
        .all()
      expect(indexes).toEqual(
        expect.arrayContaining([{ name: 'articles_published' }, { name: 'articles_category_published' }]),
      )
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE category = 'policy' AND (published_at, id) < ('2026', 'x') ORDER BY published_at DESC, id DESC LIMIT 5",
        )
        .all() as Array<{ detail: string }>
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/articles_category_published/)
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
      db.close()
    } finally {
      fs.rmSync(seedDir, { recursive: true, force: true })
    }
  })
})
