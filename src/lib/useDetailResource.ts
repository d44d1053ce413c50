import { useCallback, useEffect, useRef, useState } from 'react'
import { applyFirstData } from '@/lib/firstRender'
import type { ApiError, ApiResult } from '@/domain/result'

export type DetailState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError }

export interface DetailResourceOptions {
  /** What a missing, malformed or unknown id shows (the page offers no retry for it). */
  notFound: ApiError
  /** Ids that cannot exist are not asked for. */
  idPattern?: RegExp
}

/**
 * One item by id for a detail page (park, article). The same rules everywhere:
 * - no id, an id that fails `idPattern`, a VALIDATION answer (the server's id check) and
 *   NOT_FOUND all show `notFound`: a broken link cannot get better by retrying;
 * - network and server errors keep their message and the page offers 重新加载;
 * - an answer for an id the page no longer shows (or an older reload) is dropped.
 */
export function useDetailResource<T>(
  id: string | undefined,
  fetch: (id: string) => Promise<ApiResult<T>>,
  { notFound, idPattern }: DetailResourceOptions,
) {
  const [state, setState] = useState<DetailState<T>>({ status: 'loading', data: null, error: null })
  const seq = useRef(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const notFoundRef = useRef(notFound)
  notFoundRef.current = notFound
  const valid = Boolean(id) && (!idPattern || idPattern.test(id as string))

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!id || !valid) {
      setState({ status: 'error', data: null, error: notFoundRef.current })
      return
    }
    setState({ status: 'loading', data: null, error: null })
    const result = await fetchRef.current(id)
    if (mine !== seq.current) return
    // On H5 a transition (lib/firstRender): the page renders in slices, not one long task.
    if (result.ok) applyFirstData(() => setState({ status: 'ready', data: result.data, error: null }))
    else {
      const gone = result.error.code === 'VALIDATION' || result.error.code === 'NOT_FOUND'
      setState({ status: 'error', data: null, error: gone ? notFoundRef.current : result.error })
    }
  }, [id, valid])

  useEffect(() => {
    void load()
    // A page that goes away mid-request ignores the answer.
    const counter = seq
    return () => void counter.current++
  }, [load])

  return { ...state, reload: load }
}
