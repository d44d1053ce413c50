import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChartsData } from '@/domain/charts'
import type { ApiError } from '@/domain/result'
import { fetchCharts } from '../api'

export type ChartsState =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; data: ChartsData }

/**
 * The charts' data, last 30 Beijing days. A pull-to-refresh keeps the charts on screen until the
 * fresh answer arrives (no flash of 正在加载); a failed refresh keeps them too and says so in a toast
 * through the caller. An older answer never overwrites a newer one.
 */
export function useCharts() {
  const [state, setState] = useState<ChartsState>({ kind: 'loading' })
  const seq = useRef(0)
  const load = useCallback(async (): Promise<ApiError | null> => {
    const mine = ++seq.current
    const res = await fetchCharts()
    if (mine !== seq.current) return null
    if (res.ok) {
      setState({ kind: 'ready', data: res.data })
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
