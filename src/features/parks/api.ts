import { callApi } from '@/lib/api'
import type { GetParkPayload, ListParksPayload } from '@/domain/schemas'

export const listParks = (payload: ListParksPayload) => callApi('parks.list', payload)

/** One call renders the park page: the park, the agency's contact card and similar parks. */
export const getParkDetail = (payload: GetParkPayload) => callApi('parks.get', payload)
