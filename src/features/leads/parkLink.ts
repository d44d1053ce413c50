import { PARK_DETAIL_PATH, withQuery } from '@/lib/routes'

/**
 * Where a client opens a park the agent recommends. In the mini program: the page path (the
 * agent sends it as a 小程序 link or pastes it in 小程序路径). The H5 build has its own version
 * (parkLink.h5.ts) with the full web address.
 */
export function parkLink(id: string): string {
  return withQuery(PARK_DETAIL_PATH, { id }).replace(/^\//, '')
}
