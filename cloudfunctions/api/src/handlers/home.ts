import type { HomeData } from '@/domain/actions'
import type { StoragePort } from '../ports/storage'

export const FEATURED_LIMIT = 6
export const LATEST_ARTICLES = 5

export function createHomeHandlers(storage: StoragePort) {
  return {
    /** One call renders the home page: three independent reads, in parallel. */
    async get(): Promise<HomeData> {
      const [contact, featuredParks, featuredArticles, newest] = await Promise.all([
        storage.getAgencyContact(),
        storage.listFeaturedParks(FEATURED_LIMIT),
        storage.listArticles({ featured: true, limit: LATEST_ARTICLES }),
        storage.listArticles({ limit: LATEST_ARTICLES }),
      ])
      if (!contact) throw new Error('agency contact is missing from storage (settings/agency)')
      // Featured articles (issue 9 item 5) are pinned first, then the newest fill up.
      const pinned = new Set(featuredArticles.map((a) => a.id))
      const latestArticles = [...featuredArticles, ...newest.filter((a) => !pinned.has(a.id))].slice(
        0,
        LATEST_ARTICLES,
      )
      return { contact, featuredParks, latestArticles }
    },
  }
}
