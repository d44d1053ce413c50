/**
 * @jest-environment node
 */
import type { ArticleDetail } from '@/domain/actions'
import type { ArticlePage } from '@/domain/article'
import { MAX_REQUEST_BYTES, type ApiResult } from '@/domain/result'
import {
  createCloudbaseStorage,
  toCloudArticle,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createCloudMain, main } from '../../cloudfunctions/api/src/index'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import { createApi, type CallContext } from '../../cloudfunctions/api/src/router'
import { agency, expectedOrder, makeArticles } from './fixtures'

import * as double from '../doubles/wx-server-sdk'

const articles = makeArticles(25)

function seedCloud() {
  double.__reset()
  double.__seed('articles', articles.map(toCloudArticle))
  double.__seed('settings', [{ _id: 'agency', ...agency }])
}

function data<T>(res: ApiResult<unknown>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data as T
}

it("maps 'wx-server-sdk' to the double (moduleNameMapper), one module instance", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  expect(require('wx-server-sdk').getWXContext).toBe(double.getWXContext)
})

describe('CloudBase adapter over the sdk double', () => {
  beforeEach(seedCloud)
  const storage = () => createCloudbaseStorage(double.database() as unknown as CloudDatabase)

  it('walks all pages in keyset order, with and without a category', async () => {
    const api = createApi({ storage: storage() })
    for (const category of [undefined, 'guide'] as const) {
      const ids: string[] = []
      let cursor: string | null = null
      do {
        const page: ArticlePage = data<ArticlePage>(
          await api(
            { action: 'articles.list', payload: { limit: 4, category, cursor } },
            { openid: 'o', source: 'cloud' },
          ),
        )
        for (const item of page.items) {
          expect(item).not.toHaveProperty('body')
          expect(item).not.toHaveProperty('_id')
        }
        ids.push(...page.items.map((i) => i.id))
        cursor = page.nextCursor
      } while (cursor)
      const pool = category ? articles.filter((a) => a.category === category) : articles
      expect(ids).toEqual(expectedOrder(pool))
    }
  })

  it('maps _id to id, increments atomically and reads back, and returns null for unknown ids', async () => {
    const s = storage()
    const a = articles[3]
    expect(await s.getArticle(a.id)).toEqual(a)
    expect(await s.incrementArticleViews(a.id)).toBe(a.views + 1)
    expect(double.__peek('articles', a.id)?.views).toBe(a.views + 1)
    expect(await s.incrementArticleViews('missing')).toBeNull()
    expect(await s.getArticle('missing')).toBeNull()
    expect(await s.getAgencyContact()).toEqual(agency)
  })

  it('returns null for the contact when settings/agency is absent', async () => {
    double.__seed('settings', [])
    expect(await storage().getAgencyContact()).toBeNull()
  })
})

describe('cloud entry main(event, context)', () => {
  beforeEach(seedCloud)

  it('initialises the sdk once per instance with the dynamic env', async () => {
    const entry = createCloudMain({ logger: silentLogger })
    await entry({ action: 'articles.list', payload: {} }, {})
    await entry({ action: 'articles.list', payload: {} }, {})
    expect(double.init).toHaveBeenCalledTimes(1)
    expect(double.init).toHaveBeenCalledWith({ env: double.DYNAMIC_CURRENT_ENV })
    expect(double.database).toHaveBeenCalledTimes(1)
  })

  it('takes the OPENID and CLIENTIP from getWXContext, never from the event', async () => {
    const seen: CallContext[] = []
    const entry = createCloudMain({
      logger: silentLogger,
      makeApi: (deps) => {
        const api = createApi(deps)
        return (request, ctx) => {
          seen.push(ctx)
          return api(request, ctx)
        }
      },
    })
    double.__setOpenid('o-real-user')
    double.__setClientIp('198.51.100.23')
    const res = await entry(
      {
        action: 'articles.list',
        payload: {},
        openid: 'o-forged',
        OPENID: 'o-forged',
        userInfo: { openId: 'o-forged' },
        CLIENTIP: '10.0.0.1',
        clientAddress: '10.0.0.1',
      },
      { OPENID: 'o-forged', CLIENTIP: '10.0.0.1' },
    )
    expect(res.ok).toBe(true)
    expect(seen).toEqual([{ openid: 'o-real-user', source: 'cloud', clientAddress: '198.51.100.23' }])
    expect(double.getWXContext).toHaveBeenCalled()
  })

  it('refuses an oversized event with PAYLOAD_TOO_LARGE before touching the database', async () => {
    const entry = createCloudMain({ logger: silentLogger })
    const res = await entry(
      { action: 'articles.get', payload: { id: 'x', pad: 'x'.repeat(MAX_REQUEST_BYTES) } },
      {},
    )
    expect(res).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } })
    expect(double.__calls).toHaveLength(0)
    // Chinese text counts in bytes, not characters.
    const wide = await entry(
      { action: 'articles.get', payload: { id: 'x', pad: '园'.repeat(40 * 1024) } },
      {},
    )
    expect(wide.ok).toBe(false)
  })

  it('round-trips list and get through the exported main and the CloudBase adapter', async () => {
    // The exported main logs one JSON line per call to stdout: capture and check them.
    const lines: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    try {
      await roundTrip()
    } finally {
      write.mockRestore()
    }
    const records = lines.map((l) => JSON.parse(l))
    // Deployed without CLIENT_KEY_SECRET (as here): said once, when the instance starts.
    expect(records.filter((r) => r.msg !== 'call').map((r) => [r.level, r.msg])).toEqual([
      ['warn', expect.stringContaining('CLIENT_KEY_SECRET unset')],
    ])
    expect(records.filter((r) => r.msg === 'call').map((r) => [r.action, r.ok, r.code])).toEqual([
      ['articles.list', true, undefined],
      ['articles.get', true, undefined],
      ['articles.get', true, undefined],
      ['articles.get', false, 'NOT_FOUND'],
    ])
    // The contact's phones travel in the response, never into the log.
    expect(lines.join('')).not.toMatch(/1380000000\d/)
  })

  async function roundTrip() {
    const page = data<ArticlePage>(await main({ action: 'articles.list', payload: { limit: 3 } }, {}))
    expect(page.items.map((i) => i.id)).toEqual(expectedOrder(articles).slice(0, 3))
    expect(page.nextCursor).toEqual(expect.any(String))

    const id = page.items[0].id
    const before = articles.find((a) => a.id === id)!
    const detail = data<ArticleDetail>(await main({ action: 'articles.get', payload: { id } }, {}))
    expect(detail.article).toEqual({ ...before, views: before.views + 1 })
    expect(detail.contact).toEqual(agency)
    const again = data<ArticleDetail>(await main({ action: 'articles.get', payload: { id } }, {}))
    expect(again.article.views).toBe(before.views + 2)

    const missing = await main({ action: 'articles.get', payload: { id: 'nope' } }, {})
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } })
  }

  it('answers INTERNAL (no details) when the database fails, then recovers', async () => {
    const entry = createCloudMain({ logger: silentLogger })
    double.__seed('settings', [])
    const res = await entry({ action: 'articles.get', payload: { id: articles[0].id } }, {})
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    double.__seed('settings', [{ _id: 'agency', ...agency }])
    expect((await entry({ action: 'articles.get', payload: { id: articles[0].id } }, {})).ok).toBe(true)
  })

  it('answers BAD_REQUEST for a non-envelope event', async () => {
    const res = await createCloudMain({ logger: silentLogger })(undefined, {})
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST')
  })
})
