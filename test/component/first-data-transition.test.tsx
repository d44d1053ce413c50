/**
 * Issue 10: a page's first data is set inside React's startTransition (lib/firstRender; not on
 * weapp), so React renders the page in slices that yield to the browser (Lighthouse TBT on park
 * detail 198 → 96 ms) instead of one long task. Errors and later pages are urgent and stay
 * outside. Each test fails if its hook sets the data directly.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { ok, fail } from '@/domain/result'
import { useDetailResource } from '@/lib/useDetailResource'
import { usePagedList, type CursorPage } from '@/lib/usePagedList'
import { useResource } from '@/lib/useResource'
import { useHome } from '@/features/home/hooks/useHome'
import { getHome } from '@/features/home/api'

jest.mock('@/features/home/api', () => ({ getHome: jest.fn() }))

/** Counts startTransition calls (each still runs its update). */
function watchTransitions() {
  // The module object the hooks call through (a namespace import would be a copy).
  const react = jest.requireActual<typeof import('react')>('react')
  const real = react.startTransition
  return { spy: jest.spyOn(react, 'startTransition').mockImplementation((scope) => real(scope)) }
}

afterEach(() => jest.restoreAllMocks())

describe('first data renders as a transition', () => {
  it('useDetailResource: the loaded item is a transition; a failure is shown at once', async () => {
    const watch = watchTransitions()
    const { result, rerender } = renderHook(
      ({ id }) =>
        useDetailResource(
          id,
          async (got: string) => (got === 'p001' ? ok({ id: got }) : fail('NETWORK', '网络连接失败')),
          { notFound: { code: 'NOT_FOUND', message: '不存在' } },
        ),
      { initialProps: { id: 'p001' } },
    )
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(result.current.data).toEqual({ id: 'p001' })
    expect(watch.spy).toHaveBeenCalledTimes(1)

    rerender({ id: 'p002' })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(watch.spy).toHaveBeenCalledTimes(1)
  })

  it('usePagedList: page one is a transition; a loaded further page is not', async () => {
    const watch = watchTransitions()
    const fetchPage = async (cursor: string | null) =>
      ok<CursorPage<string>>(cursor ? { items: ['b'], nextCursor: null } : { items: ['a'], nextCursor: 'c2' })
    const { result } = renderHook(() => usePagedList(fetchPage))
    await waitFor(() => expect(result.current.items).toEqual(['a']))
    expect(watch.spy).toHaveBeenCalledTimes(1)

    await act(async () => {
      await result.current.loadMore()
    })
    expect(result.current.items).toEqual(['a', 'b'])
    expect(watch.spy).toHaveBeenCalledTimes(1)
  })

  it('useResource: the loaded resource is a transition', async () => {
    const watch = watchTransitions()
    const { result } = renderHook(() => useResource(async () => ok('desk')))
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'ready', data: 'desk' }))
    expect(watch.spy).toHaveBeenCalledTimes(1)
  })

  it('useHome: fresh home data is a transition', async () => {
    const watch = watchTransitions()
    const data = { featuredParks: [], latestArticles: [], contact: null }
    jest.mocked(getHome).mockResolvedValue(ok(data) as Awaited<ReturnType<typeof getHome>>)
    const { result } = renderHook(() => useHome())
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(watch.spy).toHaveBeenCalledTimes(1)
  })
})
