import { ARTICLE_ID_RE } from '@/domain/article'
import type { ArticleDetail } from '@/domain/actions'
import type { ApiError } from '@/domain/result'
import { useDetailResource, type DetailState as ResourceState } from '@/lib/useDetailResource'
import { getArticleDetail } from '../api'

export type DetailState = ResourceState<ArticleDetail>

const NOT_FOUND: ApiError = { code: 'NOT_FOUND', message: '文章不存在或已下线' }
const fetchArticle = (id: string) => getArticleDetail({ id })

/** The article page's one request. A missing or malformed id is "not found". */
export function useArticleDetail(id: string | undefined) {
  return useDetailResource(id, fetchArticle, { notFound: NOT_FOUND, idPattern: ARTICLE_ID_RE })
}
