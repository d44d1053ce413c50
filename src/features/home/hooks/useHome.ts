import { useCallback, useEffect, useRef, useState } from 'react'
import { applyFirstData } from '@/lib/firstRender'
import type { HomeData } from '@/domain/actions'
import type { ApiError } from '@/domain/result'
import { getHome } from '../api'
import { readHomeCache, writeHomeCache } from '../cache'

export type HomeState =
  | { status: 'loading'; data: null; error: null; stale: false }
  | { status: 'error'; data: null; error: ApiError; stale: false }
  /** `stale`: the last refresh failed and `data` is the cached copy. */
  | { status: 'ready'; data: HomeData; error: ApiError | null; stale: boolean }

const LOADING: HomeState = { status: 'loading', data: null, error: null, stale: false }

function fromCache(): HomeState {
  const cached = readHomeCache()
  return cached ? { status: 'ready', data: cached.data, error: null, stale: false } : LOADING
}

/**
 * Stale-while-revalidate home data from ONE `home.get` call:
 * - a cached answer renders at once (no skeleton), then a background fetch replaces it
 *   silently; an identical answer changes nothing on screen;
 * - the skeleton shows only when there is no cache;
 * - a failed fetch keeps the cache (`stale: true`) or, without one, gives the error state.
 * A generation counter lets only the latest request write state (pull-down during a fetch).
 */
export function useHome() {
  const [state, setState] = useState<HomeState>(fromCache)
  const generationRef = useRef(0)
  const shownRef = useRef<string | null>(state.data ? JSON.stringify(state.data) : null)

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    const result = await getHome()
    if (generation !== generationRef.current) return result
    if (result.ok) {
      writeHomeCache(result.data)
      const json = JSON.stringify(result.data)
      if (json === shownRef.current) {
        // Same content: clear a stale flag but keep the same objects (no re-render of rows).
        setState((s) =>
          s.status === 'ready' && !s.stale && !s.error
            ? s
            : { status: 'ready', data: s.data ?? result.data, error: null, stale: false },
        )
      } else {
        shownRef.current = json
        // On H5 a transition (lib/firstRender): the page renders in slices, not one long task.
        applyFirstData(() => setState({ status: 'ready', data: result.data, error: null, stale: false }))
      }
    } else {
      setState((s) =>
        s.data
          ? { status: 'ready', data: s.data, error: result.error, stale: true }
          : { status: 'error', data: null, error: result.error, stale: false },
      )
    }
    return result
  }, [])

  /** From the error state: back to the skeleton, then ask again. */
  const retry = useCallback(() => {
    setState((s) => (s.data ? s : LOADING))
    return refresh()
  }, [refresh])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { ...state, refresh, retry }
}
