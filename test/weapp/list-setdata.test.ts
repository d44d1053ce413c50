/**
 * Issue 10 item 3 on the BUILT dist/: loading more rows sends about what the rows are, not
 * Taro's node tree of each row. The park row is a native component (ParkCard.weapp.tsx + the
 * `park-card` component: one object of texts per row); the article row a compile-mode template
 * (ArticleCard's `compileMode`: only the dynamic values travel). Byte counts, not timings.
 *
 * The api is the real router over SQLite seeded from mock/ (the shapes and sizes the app gets),
 * with 60 parks (mock/'s 34 again under new ids) so 50 can be loaded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Buffer } from 'node:buffer'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import type { Park } from '@/domain/park'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi } from '../../cloudfunctions/api/src/router'
import { ROOT, weappSuite, type PageHandle } from './harness'

const h = weappSuite()

const readMock = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'mock', file), 'utf8')) as T
const mockParks = readMock<Park[]>('parks.json')
const parks: Park[] = Array.from({ length: 60 }, (_, i) => {
  const base = mockParks[i % mockParks.length]
  const copy = Math.floor(i / mockParks.length)
  return copy === 0 ? base : { ...base, id: `${base.id}${String.fromCharCode(97 + copy)}` }
})

const utf8 = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8')
/** Elements the page rendered, inside custom components too (WXML nodes; text is not counted). */
const nodes = (page: PageHandle): number => page.comp.dom.querySelectorAll('*').length

let dir = ''
let storage: SqliteStorage
/** `data.items` of every list answer since the last reset. */
let answeredItems: unknown[][] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'weapp-list-setdata-'))
  storage = openSqliteStorage(join(dir, 'store.sqlite'))
  storage.seedFromMock({
    articles: readMock<Article[]>('articles.json'),
    parks,
    agency: readMock<AgencyContact>('agency.json'),
  })
})
afterAll(() => {
  storage?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  answeredItems = []
  const api = createApi({ storage })
  h.setResponder(async (_name, data) => {
    const answer = (await api(data, { openid: 'list-setdata', source: 'local' })) as {
      data?: { items?: unknown[] }
    }
    if (Array.isArray(answer?.data?.items)) answeredItems.push(answer.data.items)
    return answer
  })
  h.setLatency(30) // the footer's loading state gets its own render, as on a phone
  h.wx.clearStorageSync()
})

/** setData bytes of one load-more, and the JSON bytes of the rows it brought. */
async function loadMore(page: PageHandle) {
  answeredItems = []
  h.resetStats()
  await page.reachBottom()
  const rows = answeredItems.flat()
  return { bytes: h.stats().bytes, rows: rows.length, rowBytes: utf8(rows) }
}

describe('loading more rows (issue 10: ≤ 1.5× the new rows’ JSON through setData)', () => {
  it('parks tab: page two costs at most 1.5× its ten parks’ JSON', async () => {
    const page = await h.loadPage('pages/parks/index')
    expect(page.queryAll('.park-card')).toHaveLength(10)

    const more = await loadMore(page)

    expect(more.rows).toBe(10)
    expect(page.queryAll('.park-card')).toHaveLength(20)
    expect(more.bytes).toBeLessThanOrEqual(1.5 * more.rowBytes)
  })

  it('parks tab: every further page stays within 1.5×, and 50 loaded parks are under 1,000 nodes', async () => {
    const page = await h.loadPage('pages/parks/index')
    const loaded = answeredItems.flat() as Park[]
    for (let i = 0; i < 4; i++) {
      const more = await loadMore(page)
      expect(more.rows).toBe(10)
      expect(more.bytes).toBeLessThanOrEqual(1.5 * more.rowBytes)
      loaded.push(...(answeredItems.flat() as Park[]))
    }
    expect(loaded).toHaveLength(50)
    expect(page.queryAll('.park-card')).toHaveLength(50)
    // Every row drawn: its name and its first highlight are on the page.
    const text = page.text()
    for (const p of loaded) {
      expect(text).toContain(p.name)
      if (p.highlights[0]) expect(text).toContain(p.highlights[0])
    }
    expect(nodes(page)).toBeLessThan(1000)
  })

  it('articles tab: page two costs at most 1.5× its articles’ JSON', async () => {
    const page = await h.loadPage('pages/articles/index')
    expect(page.queryAll('.article-card')).toHaveLength(10)

    const more = await loadMore(page)

    expect(more.rows).toBeGreaterThan(0)
    expect(page.queryAll('.article-card')).toHaveLength(10 + more.rows)
    expect(more.bytes).toBeLessThanOrEqual(1.5 * more.rowBytes)
  })
})
