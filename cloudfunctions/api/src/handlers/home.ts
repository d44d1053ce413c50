import type { HomeData } from '@/domain/actions'
import type { StoragePort } from '../ports/storage'

export const FEATURED_LIMIT = 6
export const LATEST_ARTICLES = 5

export function createHomeHandlers(storage: StoragePort) {
  return {
    /** One call renders the home page: three independent reads, in parallel. */
    async get(): Promise<HomeData> {
      const [contact, featuredParks, latestArticles] = await Promise.all([
        storage.getAgencyContact(),
        storage.listParks({ featured: true, sort: 'newest', limit: FEATURED_LIMIT }),
        storage.listArticles({ limit: LATEST_ARTICLES }),
      ])
      if (!contact) throw new Error('agency contact is missing from storage (settings/agency)')
      return { contact, featuredParks, latestArticles }
    },
  }
}
