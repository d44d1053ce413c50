import { useCallback, useEffect, useState } from 'react'
import type { ParkDetail } from '@/domain/actions'
import type { ApiError } from '@/domain/result'
import { getParkDetail } from '../api'

export type ParkDetailState =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: ParkDetail; error: null }
  | { status: 'error'; data: null; error: ApiError }

const NOT_FOUND: ApiError = { code: 'NOT_FOUND', message: '园区不存在或已下架' }

/** The park page's one request. A missing or malformed id is "not found", not a retryable error. */
export function useParkDetail(id: string | undefined) {
  const [state, setState] = useState<ParkDetailState>({ status: 'loading', data: null, error: null })

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', data: null, error: NOT_FOUND })
      return
    }
    setState({ status: 'loading', data: null, error: null })
    const result = await getParkDetail({ id })
    if (result.ok) setState({ status: 'ready', data: result.data, error: null })
    else
      setState({
        status: 'error',
        data: null,
        // A link with a broken id cannot get better by retrying.
        error: result.error.code === 'VALIDATION' ? NOT_FOUND : result.error,
      })
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  return { ...state, reload: load }
}
