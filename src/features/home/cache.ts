import type { HomeData } from '@/domain/actions'
import { readJson, writeJson } from '@/lib/storage'

/** The last good home answer, shown at once on the next visit (stale-while-revalidate). */
export const HOME_CACHE_KEY = 'home.cache.v1'

export interface HomeCache {
  data: HomeData
  /** ISO time the answer arrived. */
  savedAt: string
}

function isHomeData(value: unknown): value is HomeData {
  if (!value || typeof value !== 'object') return false
  const d = value as Partial<HomeData>
  return (
    !!d.contact &&
    typeof d.contact === 'object' &&
    typeof d.contact.hotline === 'string' &&
    Array.isArray(d.contact.mobiles) &&
    Array.isArray(d.featuredParks) &&
    Array.isArray(d.latestArticles)
  )
}

/** null when there is none or it is not the shape this version of the app writes. */
export function readHomeCache(): HomeCache | null {
  const stored = readJson<unknown>(HOME_CACHE_KEY, null)
  if (!stored || typeof stored !== 'object') return null
  const { data, savedAt } = stored as Partial<HomeCache>
  return isHomeData(data) && typeof savedAt === 'string' ? { data, savedAt } : null
}

export function writeHomeCache(data: HomeData, now = new Date()): void {
  writeJson(HOME_CACHE_KEY, { data, savedAt: now.toISOString() } satisfies HomeCache)
}
