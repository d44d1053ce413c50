import { callApi } from '@/lib/api'
import type { ListArticlesPayload, GetArticlePayload } from '@/domain/schemas'

export const listArticles = (payload: ListArticlesPayload) => callApi('articles.list', payload)

/** One call returns the article (its view already counted) and the agency's contact card. */
export const getArticleDetail = (payload: GetArticlePayload) => callApi('articles.get', payload)
