import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'

/** Position in the (publishedAt desc, id desc) order: the keyset a cursor encodes. */
export interface ArticleKey {
  publishedAt: string
  id: string
}

export interface ListArticlesQuery {
  category?: ArticleCategory
  /** Rows strictly after this key in the order; absent for page one. */
  after?: ArticleKey
  limit: number
}

/**
 * What handlers need from storage. Two adapters implement it: CloudBase's database in
 * production, SQLite for the local runtime and tests. Handlers never see either.
 */
export interface StoragePort {
  listArticles(query: ListArticlesQuery): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<Article | null>
  /** Adds one view and returns the new count, or null when the article does not exist. */
  incrementArticleViews(id: string): Promise<number | null>
  getAgencyContact(): Promise<AgencyContact | null>
}
