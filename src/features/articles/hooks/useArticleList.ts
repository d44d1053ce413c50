import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleCategory, ArticleSummary } from '@/domain/article'
import type { ApiError } from '@/domain/result'
import { listArticles } from '../api'

/** `idle`: nothing asked yet (a search page before the first keyword). */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface ArticleListState {
  items: ArticleSummary[]
  status: ListStatus
  error: ApiError | null
  hasMore: boolean
  loadingMore: boolean
  /** Set when a load-more failed; the list keeps its rows and offers a retry at the foot. */
  loadMoreError: ApiError | null
}

export interface ArticleListOptions {
  category?: ArticleCategory
  tag?: string
  keyword?: string
  pageSize?: number
  /** false: ask nothing and stay idle (e.g. no keyword yet). Default true. */
  enabled?: boolean
}

const initial: ArticleListState = {
  items: [],
  status: 'loading',
  error: null,
  hasMore: false,
  loadingMore: false,
  loadMoreError: null,
}

/**
 * Cursor-paginated article list, filtered by category, tag or keyword. Changing the filter
 * starts over from page one with a skeleton. `refresh` restarts from page one and wins over
 * any request still in flight: a generation counter drops stale answers, so a slow answer for
 * the previous tab never lands on the new one. `loadMore` is a no-op while another request
 * runs, so a fast double scroll asks for page 2 once.
 */
export function useArticleList(options: ArticleListOptions = {}) {
  const { category, tag, keyword, pageSize = 10, enabled = true } = options
  const [state, setState] = useState<ArticleListState>(() =>
    enabled ? initial : { ...initial, status: 'idle' },
  )
  const cursorRef = useRef<string | null>(null)
  const generationRef = useRef(0)
  const busyRef = useRef(false)

  const query = useCallback(
    (cursor?: string | null) => {
      const payload: Parameters<typeof listArticles>[0] = { limit: pageSize }
      if (category) payload.category = category
      if (tag) payload.tag = tag
      if (keyword) payload.keyword = keyword
      if (cursor) payload.cursor = cursor
      return listArticles(payload)
    },
    [category, tag, keyword, pageSize],
  )

  const refresh = useCallback(
    async (opts: { silent?: boolean; reset?: boolean } = {}) => {
      const generation = ++generationRef.current
      busyRef.current = true
      if (opts.reset) {
        cursorRef.current = null
        setState(initial)
      } else if (!opts.silent) {
        setState((s) => ({ ...s, status: s.items.length ? s.status : 'loading', error: null }))
      }
      const result = await query()
      if (generation !== generationRef.current) return result
      busyRef.current = false
      if (result.ok) {
        cursorRef.current = result.data.nextCursor
        setState({
          ...initial,
          items: result.data.items,
          status: 'ready',
          hasMore: result.data.nextCursor !== null,
        })
      } else {
        // Keep what is on screen if we had rows; show the error state only on an empty list.
        setState((s) => ({
          ...s,
          status: s.items.length ? 'ready' : 'error',
          error: result.error,
          loadingMore: false,
        }))
      }
      return result
    },
    [query],
  )

  const loadMore = useCallback(async () => {
    if (busyRef.current || !cursorRef.current) return
    const generation = generationRef.current
    busyRef.current = true
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }))
    const result = await query(cursorRef.current)
    if (generation !== generationRef.current) return
    busyRef.current = false
    if (result.ok) {
      cursorRef.current = result.data.nextCursor
      setState((s) => ({
        ...s,
        items: [...s.items, ...result.data.items],
        hasMore: result.data.nextCursor !== null,
        loadingMore: false,
      }))
    } else {
      setState((s) => ({ ...s, loadingMore: false, loadMoreError: result.error }))
    }
  }, [query])

  const firstRun = useRef(true)
  useEffect(() => {
    if (!enabled) {
      // Drop any answer still in flight and show nothing.
      generationRef.current++
      busyRef.current = false
      cursorRef.current = null
      setState({ ...initial, status: 'idle' })
      return
    }
    // The first load already starts from the initial (skeleton) state; a filter change resets.
    void refresh(firstRun.current ? { silent: true } : { reset: true })
    firstRun.current = false
  }, [refresh, enabled])

  return { ...state, refresh, loadMore }
}
