import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleCategory, ArticleSummary } from '@/domain/article'
import type { ApiError } from '@/domain/result'
import { listArticles } from '../api'

export type ListStatus = 'loading' | 'ready' | 'error'

export interface ArticleListState {
  items: ArticleSummary[]
  status: ListStatus
  error: ApiError | null
  hasMore: boolean
  loadingMore: boolean
  /** Set when a load-more failed; the list keeps its rows and offers a retry at the foot. */
  loadMoreError: ApiError | null
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
 * Cursor-paginated article list. `refresh` restarts from page one and wins over any
 * load-more still in flight (a generation counter drops stale answers); `loadMore` is a
 * no-op while another request runs, so a fast double scroll asks for page 2 once.
 */
export function useArticleList(options: { category?: ArticleCategory; pageSize?: number } = {}) {
  const { category, pageSize = 10 } = options
  const [state, setState] = useState<ArticleListState>(initial)
  const cursorRef = useRef<string | null>(null)
  const generationRef = useRef(0)
  const busyRef = useRef(false)

  const refresh = useCallback(
    async (opts: { silent?: boolean } = {}) => {
      const generation = ++generationRef.current
      busyRef.current = true
      if (!opts.silent)
        setState((s) => ({ ...s, status: s.items.length ? s.status : 'loading', error: null }))
      const result = await listArticles({ category, limit: pageSize })
      if (generation !== generationRef.current) return
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
        setState((s) => ({ ...s, status: s.items.length ? 'ready' : 'error', error: result.error }))
      }
      return result
    },
    [category, pageSize],
  )

  const loadMore = useCallback(async () => {
    if (busyRef.current || !cursorRef.current) return
    const generation = generationRef.current
    busyRef.current = true
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }))
    const result = await listArticles({ category, limit: pageSize, cursor: cursorRef.current })
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
  }, [category, pageSize])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { ...state, refresh, loadMore }
}
