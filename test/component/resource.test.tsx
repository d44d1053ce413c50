/**
 * The shared one-resource hook (src/lib/useResource.ts) behind the desk home and the charts: the
 * stale-answer guard and a failed refresh that keeps what is shown. Each test fails without its rule.
 */
import { act, renderHook } from '@testing-library/react'
import { ok, fail, type ApiResult } from '@/domain/result'
import { useResource } from '@/lib/useResource'

/** A fetch whose answers the test releases by hand, in any order. */
function controlled() {
  const calls: Array<(a: ApiResult<string>) => Promise<void>> = []
  const fetch = () =>
    new Promise<ApiResult<string>>((resolve) => {
      calls.push(async (a) => {
        await act(async () => resolve(a))
      })
    })
  return { fetch, calls }
}

describe('useResource', () => {
  it('an older answer arriving after a newer one never overwrites it', async () => {
    const { fetch, calls } = controlled()
    const { result } = renderHook(() => useResource(fetch))
    let refreshed: Promise<unknown> = Promise.resolve()
    act(() => {
      refreshed = result.current.reload()
    })
    await calls[1](ok('new'))
    expect(result.current.state).toEqual({ kind: 'ready', data: 'new' })
    await calls[0](ok('old'))
    expect(result.current.state).toEqual({ kind: 'ready', data: 'new' })
    await expect(refreshed).resolves.toBeNull()
  })

  it('a failed refresh keeps the shown data and hands the error back; retry starts from loading', async () => {
    const { fetch, calls } = controlled()
    const { result } = renderHook(() => useResource(fetch))
    expect(result.current.state).toEqual({ kind: 'loading' })
    await calls[0](ok('shown'))
    let refreshed: Promise<unknown> = Promise.resolve()
    act(() => {
      refreshed = result.current.reload()
    })
    const error = { code: 'NETWORK' as const, message: '网络连接失败' }
    await calls[1](fail(error.code, error.message))
    expect(result.current.state).toEqual({ kind: 'ready', data: 'shown' })
    await expect(refreshed).resolves.toMatchObject(error)

    act(() => result.current.retry())
    expect(result.current.state).toEqual({ kind: 'loading' })
    await calls[2](fail(error.code, error.message))
    expect(result.current.state).toMatchObject({ kind: 'error', error })
  })
})
