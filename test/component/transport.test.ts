import Taro from '@tarojs/taro'
import { callApi } from '@/lib/api'
import { httpAnswer, makeSummary } from './fixtures'

const request = Taro.request as unknown as jest.Mock

describe('callApi (H5 transport)', () => {
  it('posts { action, payload } to /api and returns the server result', async () => {
    const page = { items: [makeSummary(1)], nextCursor: null }
    request.mockResolvedValueOnce(httpAnswer({ ok: true, data: page }))
    await expect(callApi('articles.list', { limit: 10 })).resolves.toEqual({ ok: true, data: page })
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api',
        method: 'POST',
        data: { action: 'articles.list', payload: { limit: 10 } },
      }),
    )
  })

  it('passes a validation error through with its per-field messages', async () => {
    const error = { code: 'VALIDATION', message: '请检查输入', fields: { limit: '每页最多 30 条' } }
    request.mockResolvedValueOnce(httpAnswer({ ok: false, error }, 400))
    await expect(callApi('articles.list', { limit: 31 })).resolves.toEqual({ ok: false, error })
  })

  it('turns a dropped network into a NETWORK result instead of a rejection', async () => {
    request.mockRejectedValueOnce(new Error('request:fail'))
    const r = await callApi('articles.get', { id: 'a-1' })
    expect(r).toEqual({ ok: false, error: { code: 'NETWORK', message: expect.stringContaining('网络') } })
  })

  it('treats a body that is not an api result (a proxy error page) as INTERNAL', async () => {
    request.mockResolvedValueOnce(httpAnswer('<html>502 Bad Gateway</html>', 502))
    const r = await callApi('articles.get', { id: 'a-1' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('INTERNAL')
  })
})

describe('callApi (weapp transport)', () => {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    delete (process.env as Record<string, string | undefined>).TARO_ENV
  })

  it('calls the `api` cloud function with the same envelope', async () => {
    callFunction.mockResolvedValueOnce({ result: { ok: true, data: { items: [], nextCursor: null } } })
    await expect(callApi('articles.list', { category: 'policy' })).resolves.toEqual({
      ok: true,
      data: { items: [], nextCursor: null },
    })
    expect(callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { action: 'articles.list', payload: { category: 'policy' } },
    })
    expect(request).not.toHaveBeenCalled()
  })

  it('maps a callFunction failure (timeout, offline) to NETWORK', async () => {
    callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail timeout' })
    const r = await callApi('articles.list', {})
    expect(r.ok === false && r.error.code).toBe('NETWORK')
  })
})
