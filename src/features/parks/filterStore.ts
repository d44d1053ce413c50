import { readJson, removeKey, writeJson } from '@/lib/storage'
import { DEFAULT_FILTERS, normaliseFilters, type ParkFilters } from './query'

/**
 * Where the park search is remembered on the device:
 * - the last query, so a relaunch of the app opens 找园区 as the visitor left it;
 * - a pending filter another page hands over before `switchTab` (which cannot carry a
 *   query): the parks tab applies it on its next show and clears it.
 */
export const LAST_QUERY_KEY = 'parks.lastQuery.v1'
export const PENDING_FILTER_KEY = 'parks.pendingFilter.v1'

export function loadLastFilters(): ParkFilters {
  const stored = readJson<unknown>(LAST_QUERY_KEY, null)
  return stored ? normaliseFilters(stored) : { ...DEFAULT_FILTERS }
}

export function saveLastFilters(filters: ParkFilters): void {
  writeJson(LAST_QUERY_KEY, filters)
}

/**
 * For other pages (home's district tiles, 找厂房 shortcuts): call before
 * `Taro.switchTab({ url: PARKS_TAB_PATH })`. The parks tab starts a fresh search with
 * exactly these filters (keeping the visitor's sort order).
 *
 *   setPendingParkFilter({ district: 'songjiang' })
 *   void Taro.switchTab({ url: PARKS_TAB_PATH })
 */
export function setPendingParkFilter(partial: Partial<ParkFilters>): void {
  writeJson(PENDING_FILTER_KEY, partial)
}

/** Reads and clears the pending filter; null when there is none (or it was unusable). */
export function takePendingParkFilter(): Partial<ParkFilters> | null {
  const stored = readJson<unknown>(PENDING_FILTER_KEY, null)
  if (stored === null) return null
  removeKey(PENDING_FILTER_KEY)
  return stored && typeof stored === 'object' ? (stored as Partial<ParkFilters>) : null
}
