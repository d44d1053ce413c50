/**
 * The shared paged-list hook (src/lib/usePagedList.ts): cursor paging, the stale-answer guard,
 * refresh, retry and load-more. The first two tests fail if the generation guard is removed.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { ok, fail, type ApiResult } from '@/domain/result'
import { usePagedList, type CursorPage, type FetchPage } from '@/lib/usePagedList'

type Answer = ApiResult<CursorPage<string>>

/** A fetch whose answers the test releases by hand, in any order. */
function controlled() {
  const calls: Array<{ cursor: string | null; answer: (a: Answer) => Promise<void> }> = []
  const fetchPage: FetchPage<string> = (cursor) =>
    new Promise<Answer>((resolve) => {
      calls.push({
        cursor,
        answer: async (a) => {
          await act(async () => resolve(a))
        },
      })
    })
  return { fetchPage, calls }
}

const page = (items: string[], nextCursor: string | null = null): Answer => ok({ items, nextCursor })

describe('usePagedList', () => {
  it('a slow answer to an older query arriving after the newer one is ignored', async () => {
    const first = controlled()
    const second = controlled()
    const { result, rerender } = renderHook(({ fetch }) => usePagedList(fetch), {
      initialProps: { fetch: first.fetchPage },
    })
    expect(result.current.status).toBe('loading')
    rerender({ fetch: second.fetchPage }) // the visitor switched tab / typed another keyword
    expect(result.current.status).toBe('loading')

    await second.calls[0].answer(page(['new-1', 'new-2']))
    expect(result.current.items).toEqual(['new-1', 'new-2'])

    await first.calls[0].answer(page(['old-1'], 'c-old')) // the slow one, late
    expect(result.current.items).toEqual(['new-1', 'new-2'])
    expect(result.current.hasMore).toBe(false)
  })

  it('a page 2 still in flight when page one is refreshed is not appended', async () => {
    const api = controlled()
    const { result } = renderHook(() => usePagedList(api.fetchPage))
    await api.calls[0].answer(page(['a', 'b'], 'c2'))
    act(() => void result.current.loadMore())
    expect(result.current.loadingMore).toBe(true)
    act(() => void result.current.refresh({ silent: true }))
    await api.calls[2].answer(page(['a2', 'b2'], 'c2b'))
    await api.calls[1].answer(page(['late-page-2'], null))
    expect(result.current.items).toEqual(['a2', 'b2'])
    expect(result.current.hasMore).toBe(true)
    expect(result.current.loadingMore).toBe(false)
  })

  it('pages by cursor; a double load-more asks once; the last page ends it', async () => {
    const api = controlled()
    const { result } = renderHook(() => usePagedList(api.fetchPage))
    expect(api.calls.map((c) => c.cursor)).toEqual([null])
    await api.calls[0].answer(page(['a'], 'c2'))
    act(() => {
      void result.current.loadMore()
      void result.current.loadMore()
    })
    expect(api.calls.map((c) => c.cursor)).toEqual([null, 'c2'])
    await api.calls[1].answer(page(['b'], null))
    expect(result.current.items).toEqual(['a', 'b'])
    expect(result.current.hasMore).toBe(false)
    await act(async () => void (await result.current.loadMore()))
    expect(api.calls).toHaveLength(2)
  })

  it('a failed load-more keeps the rows and can be retried', async () => {
    const api = controlled()
    const { result } = renderHook(() => usePagedList(api.fetchPage))
    await api.calls[0].answer(page(['a'], 'c2'))
    act(() => void result.current.loadMore())
    await api.calls[1].answer(fail('NETWORK', '网络不给力'))
    expect(result.current.items).toEqual(['a'])
    expect(result.current.loadMoreError?.code).toBe('NETWORK')
    act(() => void result.current.loadMore())
    expect(result.current.loadMoreError).toBeNull()
    await api.calls[2].answer(page(['b'], null))
    expect(result.current.items).toEqual(['a', 'b'])
  })

  it('errors: the error state on an empty list, rows kept on a failed refresh; retry loads', async () => {
    const api = controlled()
    const { result } = renderHook(() => usePagedList(api.fetchPage))
    await api.calls[0].answer(fail('NETWORK', '网络不给力'))
    expect(result.current.status).toBe('error')
    act(() => void result.current.retry())
    expect(result.current.status).toBe('loading')
    await api.calls[1].answer(page(['a']))
    expect(result.current.status).toBe('ready')

    let refreshed: Promise<Answer> | undefined
    act(() => {
      refreshed = result.current.refresh({ silent: true })
    })
    await api.calls[2].answer(fail('INTERNAL', '服务暂时不可用'))
    expect((await refreshed!).ok).toBe(false)
    expect(result.current.status).toBe('ready')
    expect(result.current.items).toEqual(['a'])
    expect(result.current.error?.code).toBe('INTERNAL')
  })

  it('disabled: idle, asks nothing, and drops an answer in flight', async () => {
    const api = controlled()
    const { result, rerender } = renderHook(({ enabled }) => usePagedList(api.fetchPage, { enabled }), {
      initialProps: { enabled: true },
    })
    rerender({ enabled: false })
    expect(result.current.status).toBe('idle')
    await api.calls[0].answer(page(['late']))
    expect(result.current.status).toBe('idle')
    expect(result.current.items).toEqual([])
    expect(api.calls).toHaveLength(1)
  })

  it('replace: local truth wins over a reload still in flight', async () => {
    const api = controlled()
    const { result } = renderHook(() => usePagedList(api.fetchPage))
    await api.calls[0].answer(page(['a', 'b']))
    act(() => void result.current.refresh({ silent: true }))
    act(() => result.current.replace([]))
    await api.calls[1].answer(page(['a', 'b']))
    await waitFor(() => expect(result.current.items).toEqual([]))
    expect(result.current.status).toBe('ready')
  })
})
