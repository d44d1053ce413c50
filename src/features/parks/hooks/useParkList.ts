import { useCallback, useEffect, useRef, useState } from 'react'
import type { ParkPage, ParkSummary } from '@/domain/park'
import type { ApiError, ApiResult } from '@/domain/result'
import { listParks } from '../api'
import { saveLastFilters } from '../filterStore'
import { PARK_PAGE_SIZE, sameFilters, toListPayload, type ParkFilters } from '../query'

export type ListStatus = 'loading' | 'ready' | 'error'

export interface ParkListState {
  items: ParkSummary[]
  status: ListStatus
  error: ApiError | null
  hasMore: boolean
  loadingMore: boolean
  /** Set when a load-more failed; the list keeps its rows and offers a retry at the foot. */
  loadMoreError: ApiError | null
}

const initial: ParkListState = {
  items: [],
  status: 'loading',
  error: null,
  hasMore: false,
  loadingMore: false,
  loadMoreError: null,
}

type FiltersUpdate = ParkFilters | ((current: ParkFilters) => ParkFilters)

/**
 * The park search: the query the visitor set and its cursor-paginated results.
 *
 * - Changing the filters starts page one of the new query (skeleton, old rows dropped) and
 *   stores the query on the device; an identical query does not reload.
 * - A newer request supersedes any in flight (generation counter): a slow answer to an old
 *   query never lands on top of the new one.
 * - `loadMore` is a no-op while another request runs, so a fast double scroll asks once.
 * - `refresh({ silent: true })` (pull-down) keeps the rows on screen until page one returns.
 */
export function useParkList(initialFilters: () => ParkFilters, options: { pageSize?: number } = {}) {
  const { pageSize = PARK_PAGE_SIZE } = options
  const [filters, setFiltersState] = useState<ParkFilters>(initialFilters)
  const [state, setState] = useState<ParkListState>(initial)
  const cursorRef = useRef<string | null>(null)
  const generationRef = useRef(0)
  const busyRef = useRef(false)

  const setFilters = useCallback((update: FiltersUpdate) => {
    setFiltersState((current) => {
      const next = typeof update === 'function' ? update(current) : update
      return sameFilters(current, next) ? current : next
    })
  }, [])

  const refresh = useCallback(
    async (opts: { silent?: boolean } = {}): Promise<ApiResult<ParkPage>> => {
      const generation = ++generationRef.current
      busyRef.current = true
      if (!opts.silent) setState({ ...initial })
      const result = await listParks(toListPayload(filters, null, pageSize))
      if (generation === generationRef.current) {
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
          // A failed pull-down keeps the rows on screen; an empty list shows the error state.
          setState((s) => ({ ...s, status: s.items.length ? 'ready' : 'error', error: result.error }))
        }
      }
      return result
    },
    [filters, pageSize],
  )

  const loadMore = useCallback(async () => {
    if (busyRef.current || !cursorRef.current) return
    const generation = generationRef.current
    busyRef.current = true
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }))
    const result = await listParks(toListPayload(filters, cursorRef.current, pageSize))
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
  }, [filters, pageSize])

  // A new query: remember it and load its first page.
  useEffect(() => {
    saveLastFilters(filters)
    cursorRef.current = null
    void refresh()
  }, [filters, refresh])

  return { ...state, filters, setFilters, refresh, loadMore }
}
