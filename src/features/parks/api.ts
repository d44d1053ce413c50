import { callApi } from '@/lib/api'
import type { GetParkPayload, ListParksPayload } from '@/domain/schemas'
import type { MatchNeed } from '@/domain/match-need'

export const listParks = (payload: ListParksPayload) => callApi('parks.list', payload)

/** One call renders the park page: the park, the agency's contact card and similar parks. */
export const getParkDetail = (payload: GetParkPayload) => callApi('parks.get', payload)

/** The best 3 parks for a need (no personal data in it), with the facts that matched. */
export const matchParks = (need: MatchNeed) => callApi('parks.match', need)
