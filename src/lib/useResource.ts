import { useCallback, useEffect, useRef, useState } from 'react'
import { applyFirstData } from '@/lib/firstRender'
import type { ApiError, ApiResult } from '@/domain/result'

export type ResourceState<T> =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; data: T }

/**
 * One resource a page loads on mount (no id, no pages): the desk's `staff.me`, the charts.
 * - `reload` (pull-to-refresh) keeps what is on screen until the fresh answer arrives (no flash
 *   of 正在加载); a failed reload keeps shown data too and resolves to the error for a toast;
 * - `retry` (the error state's button) starts again from 正在加载;
 * - an older answer never overwrites a newer one, and a page that goes away ignores its answer.
 */
export function useResource<T>(fetch: () => Promise<ApiResult<T>>) {
  const [state, setState] = useState<ResourceState<T>>({ kind: 'loading' })
  const seq = useRef(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const load = useCallback(async (): Promise<ApiError | null> => {
    const mine = ++seq.current
    const res = await fetchRef.current()
    if (mine !== seq.current) return null
    if (res.ok) {
      // On H5 a transition (lib/firstRender): the page renders in slices, not one long task.
      applyFirstData(() => setState({ kind: 'ready', data: res.data }))
      return null
    }
    setState((prev) => (prev.kind === 'ready' ? prev : { kind: 'error', error: res.error }))
    return res.error
  }, [])
  useEffect(() => {
    void load()
    const counter = seq
    return () => void counter.current++
  }, [load])
  const retry = useCallback(() => {
    setState({ kind: 'loading' })
    void load()
  }, [load])
  return { state, reload: load, retry }
}
