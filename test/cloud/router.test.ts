/**
 * @jest-environment node
 */
import type { Article } from '@/domain/article'
import { MAX_PAGE_SIZE } from '@/domain/schemas'
import type { Logger } from '../../cloudfunctions/api/src/logger'
import type { StoragePort } from '../../cloudfunctions/api/src/ports/storage'
import { createApi } from '../../cloudfunctions/api/src/router'
import { agency, makeArticles } from './fixtures'

/** A plain in-memory port: the router tests are about the envelope, not storage. */
function memoryStorage(articles: Article[]): StoragePort {
  const byId = new Map(articles.map((a) => [a.id, { ...a }]))
  return {
    async listArticles({ limit }) {
      return [...byId.values()].slice(0, limit).map(({ body: _body, ...summary }) => summary)
    },
    async getArticle(id) {
      return byId.get(id) ?? null
    },
    async incrementArticleViews(id) {
      const a = byId.get(id)
      if (!a) return null
      a.views += 1
      return a.views
    },
    async getAgencyContact() {
      return agency
    },
  }
}

function recordingLogger() {
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = []
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push({ level, msg, fields })
  }
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  return { logger, lines }
}

const ctx = { openid: 'o-1', source: 'local' as const }

describe('router', () => {
  const api = createApi({ storage: memoryStorage(makeArticles(5)) })

  it('answers a valid list call', async () => {
    const res = await api({ action: 'articles.list', payload: { limit: 2 } }, ctx)
    expect(res.ok).toBe(true)
    if (res.ok) expect((res.data as { items: unknown[] }).items).toHaveLength(2)
  })

  it.each([
    null,
    undefined,
    'articles.list',
    42,
    [],
    ['articles.list'],
    { payload: {} },
    { action: 7 },
    { action: '' },
  ])('refuses the envelope %p with BAD_REQUEST', async (request) => {
    const res = await api(request, ctx)
    expect(res).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
  })

  it.each(['nope', true, [1], 3])('refuses a non-object payload %p with BAD_REQUEST', async (payload) => {
    const res = await api({ action: 'articles.list', payload }, ctx)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST')
  })

  it.each(['articles.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'answers UNKNOWN_ACTION in Chinese for %p',
    async (action) => {
      const res = await api({ action, payload: {} }, ctx)
      expect(res).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
    },
  )

  it('names the missing field when get has no payload at all', async () => {
    const res = await api({ action: 'articles.get' }, ctx)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION')
      expect(res.error.fields).toEqual({ id: expect.any(String) })
    }
  })

  it.each([
    [{ id: 42 }, 'id', '文章编号必须是文本'],
    [{ id: '' }, 'id', '缺少文章编号'],
    [{ id: '../etc' }, 'id', '文章编号格式不正确'],
  ])('get payload %p → VALIDATION on %s', async (payload, field, message) => {
    const res = await api({ action: 'articles.get', payload }, ctx)
    expect(res).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), fields: { [field]: message } },
    })
  })

  it(`refuses page size ${MAX_PAGE_SIZE + 1} with fields.limit`, async () => {
    const res = await api({ action: 'articles.list', payload: { limit: MAX_PAGE_SIZE + 1 } }, ctx)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION')
      expect(res.error.fields?.limit).toBe(`每页最多 ${MAX_PAGE_SIZE} 条`)
    }
  })

  it.each([
    [{ limit: '10' }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ category: 'sports' }, 'category'],
    [{ cursor: 12 }, 'cursor'],
  ])('list payload %p → VALIDATION on %s', async (payload, field) => {
    const res = await api({ action: 'articles.list', payload }, ctx)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION')
      expect(Object.keys(res.error.fields ?? {})).toEqual([field])
    }
  })

  it('answers INTERNAL with a generic message when a handler throws, logs it, and keeps working', async () => {
    const storage = memoryStorage(makeArticles(3))
    const real = storage.listArticles
    let failNext = true
    storage.listArticles = async (q) => {
      if (failNext) {
        failNext = false
        throw new Error('disk on fire at /var/secret/db.sqlite')
      }
      return real(q)
    }
    const { logger, lines } = recordingLogger()
    const flaky = createApi({ storage, logger })

    const bad = await flaky({ action: 'articles.list', payload: {} }, ctx)
    expect(bad).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    const text = JSON.stringify(bad)
    expect(text).not.toMatch(/disk on fire|secret|at .*\.ts|Error/)
    expect(
      lines.some((l) => l.level === 'error' && (l.fields?.err as Error)?.message?.includes('disk on fire')),
    ).toBe(true)

    const good = await flaky({ action: 'articles.list', payload: {} }, ctx)
    expect(good.ok).toBe(true)
  })

  it('ignores extra envelope fields such as a client-sent openid', async () => {
    const res = await api(
      { action: 'articles.get', payload: { id: makeArticles(5)[0].id }, openid: 'forged' },
      ctx,
    )
    expect(res.ok).toBe(true)
  })
})
