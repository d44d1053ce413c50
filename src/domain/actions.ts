import type { AgencyContact } from './agency'
import type { Article, ArticlePage } from './article'
import type { GetArticlePayload, ListArticlesPayload } from './schemas'

/**
 * Every action of the `api` cloud function: its payload and what `data` holds on success.
 * The app's client and the cloud router are both typed from this map.
 */
export interface ApiActions {
  'articles.list': { payload: ListArticlesPayload; data: ArticlePage }
  'articles.get': { payload: GetArticlePayload; data: ArticleDetail }
}

export type ActionName = keyof ApiActions
export type PayloadOf<A extends ActionName> = ApiActions[A]['payload']
export type DataOf<A extends ActionName> = ApiActions[A]['data']

/** One call renders the detail page: the article (views already counted) and the contact card. */
export interface ArticleDetail {
  article: Article
  contact: AgencyContact
}
