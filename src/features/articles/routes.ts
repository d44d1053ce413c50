import { normaliseSource } from '@/domain/scene'
import { ARTICLE_DETAIL_PATH, ARTICLE_SEARCH_PATH, ARTICLE_TAG_PATH, withQuery } from '@/lib/routes'

export { ARTICLE_DETAIL_PATH, ARTICLE_SEARCH_PATH }

export const articleDetailUrl = (id: string) => withQuery(ARTICLE_DETAIL_PATH, { id })

export const articleTagUrl = (tag: string) => withQuery(ARTICLE_TAG_PATH, { tag })

/** The source a shared card carries: the visitor's own source is passed on, else 'share'. */
export const shareSource = (sessionSource: string | undefined) => normaliseSource(sessionSource) ?? 'share'

/** What a chat share card opens: the detail page with the id and where the share came from. */
export const articleSharePath = (id: string, source: string) =>
  withQuery(ARTICLE_DETAIL_PATH, { id, src: source })

/** Moments shares carry a query string instead of a path. */
export const articleShareQuery = (id: string, source: string) =>
  withQuery('', { id, src: source }).replace(/^\?/, '')
