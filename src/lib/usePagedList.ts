import { useCallback, useEffect, useRef, useState } from 'react'
import { applyFirstData } from '@/lib/firstRender'
import type { ApiError, ApiResult } from '@/domain/result'

/** One page of a cursor-paged answer; `nextCursor: null` is the last page. */
export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

/** Asks for the page after `cursor` (null: the first page) of the current query. */
export type FetchPage<T> = (cursor: string | null) => Promise<ApiResult<CursorPage<T>>>

/** `idle`: nothing asked yet (a search page before the first keyword). */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface PagedListState<T> {
  items: T[]
  status: ListStatus
  /** The last failed page one; with rows on screen the status stays `ready`. */
  error: ApiError | null
  hasMore: boolean
  loadingMore: boolean
  /** Set when a load-more failed; the list keeps its rows and offers a retry at the foot. */
  loadMoreError: ApiError | null
}

export interface PagedList<T> extends PagedListState<T> {
  /**
   * Page one again. `silent` (pull-down) keeps what is on screen until the answer; otherwise
   * an empty list shows its skeleton. A failure keeps rows that are on screen.
   */
  refresh(opts?: { silent?: boolean }): Promise<ApiResult<CursorPage<T>>>
  /** After an error: page one again, with the skeleton. */
  retry(): Promise<ApiResult<CursorPage<T>>>
  /** The next page; a no-op while any request runs or after the last page. */
  loadMore(): Promise<void>
  /** Local truth (e.g. everything deleted): these rows, ready, and no answer in flight lands. */
  replace(items: T[]): void
}

function initialState<T>(status: ListStatus): PagedListState<T> {
  return { items: [], status, error: null, hasMore: false, loadingMore: false, loadMoreError: null }
}

/**
 * The one cursor-paged list of the app (parks, articles, tag, search, 我的咨询).
 *
 * - A new query (a new `fetchPage`: callers memoise it on their filters) starts over from
 *   page one with the skeleton; `enabled: false` shows nothing and asks nothing.
 * - Stale answers are dropped: every page one (query change, refresh, retry) opens a new
 *   generation, and an answer from an older one never lands, so a slow answer for the last
 *   tab or keyword cannot replace the new list, nor a late page 2 append to it.
 * - One request at a time per generation: a fast double scroll asks for page 2 once.
 */
export function usePagedList<T>(fetchPage: FetchPage<T>, options: { enabled?: boolean } = {}): PagedList<T> {
  const { enabled = true } = options
  const [state, setState] = useState<PagedListState<T>>(() => initialState(enabled ? 'loading' : 'idle'))
  const cursorRef = useRef<string | null>(null)
  const generationRef = useRef(0)
  const busyRef = useRef(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const loadFirst = useCallback(async (mode: 'reset' | 'visible' | 'silent') => {
    const generation = ++generationRef.current
    busyRef.current = true
    if (mode === 'reset') {
      cursorRef.current = null
      setState(initialState('loading'))
    } else if (mode === 'visible') {
      setState((s) => ({ ...s, status: s.items.length ? s.status : 'loading', error: null }))
    }
    const result = await fetchRef.current(null)
    if (generation !== generationRef.current) return result
    busyRef.current = false
    if (result.ok) {
      cursorRef.current = result.data.nextCursor
      // On H5 a transition (lib/firstRender): the rows render in slices, not one long task.
      applyFirstData(() =>
        setState({
          ...initialState<T>('ready'),
          items: result.data.items,
          hasMore: result.data.nextCursor !== null,
        }),
      )
    } else {
      // Keep what is on screen if there are rows; the error state only on an empty list.
      setState((s) => ({
        ...s,
        status: s.items.length ? 'ready' : 'error',
        error: result.error,
        loadingMore: false,
      }))
    }
    return result
  }, [])

  const refresh = useCallback(
    (opts: { silent?: boolean } = {}) => loadFirst(opts.silent ? 'silent' : 'visible'),
    [loadFirst],
  )
  const retry = useCallback(() => loadFirst('visible'), [loadFirst])

  const loadMore = useCallback(async () => {
    if (busyRef.current || !cursorRef.current) return
    const generation = generationRef.current
    busyRef.current = true
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }))
    const result = await fetchRef.current(cursorRef.current)
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
  }, [])

  const replace = useCallback((items: T[]) => {
    generationRef.current++
    busyRef.current = false
    cursorRef.current = null
    setState({ ...initialState<T>('ready'), items })
  }, [])

  useEffect(() => {
    if (!enabled) {
      // Drop any answer still in flight and show nothing.
      generationRef.current++
      busyRef.current = false
      cursorRef.current = null
      setState(initialState('idle'))
      return
    }
    void loadFirst('reset')
  }, [fetchPage, enabled, loadFirst])

  // Answers that arrive after the page is gone are dropped too.
  useEffect(() => {
    const generation = generationRef
    return () => void generation.current++
  }, [])

  return { ...state, refresh, retry, loadMore, replace }
}
