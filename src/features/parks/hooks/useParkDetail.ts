import type { ParkDetail, WithdrawnParkDetail } from '@/domain/actions'
import { PARK_ID_RE } from '@/domain/park'
import type { ApiError } from '@/domain/result'
import { useDetailResource, type DetailState } from '@/lib/useDetailResource'
import { getParkDetail } from '../api'

export type ParkDetailState = DetailState<ParkDetail | WithdrawnParkDetail>

const NOT_FOUND: ApiError = { code: 'NOT_FOUND', message: '园区不存在或已下架' }
const fetchPark = (id: string) => getParkDetail({ id })

/** The park page's one request. A missing or malformed id is "not found", not a retryable error. */
export function useParkDetail(id: string | undefined) {
  return useDetailResource(id, fetchPark, { notFound: NOT_FOUND, idPattern: PARK_ID_RE })
}
