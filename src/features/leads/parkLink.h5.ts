import { PARK_DETAIL_PATH, withQuery } from '@/lib/routes'

/** H5: the park page's full address under this site's hash router, for the client to open. */
export function parkLink(id: string): string {
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${withQuery(PARK_DETAIL_PATH, { id })}`
}
