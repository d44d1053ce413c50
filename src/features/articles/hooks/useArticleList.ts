import { useCallback } from 'react'
import type { ArticleCategory, ArticleSummary } from '@/domain/article'
import { usePagedList, type PagedList } from '@/lib/usePagedList'
import { listArticles } from '../api'

export interface ArticleListOptions {
  category?: ArticleCategory
  tag?: string
  keyword?: string
  pageSize?: number
  /** false: ask nothing and stay idle (e.g. no keyword yet). Default true. */
  enabled?: boolean
}

export type ArticleList = PagedList<ArticleSummary>

/**
 * Articles filtered by category, tag or keyword, paged by the shared list hook (a new filter
 * starts over; a stale answer for the previous tab or keyword never lands).
 */
export function useArticleList(options: ArticleListOptions = {}): ArticleList {
  const { category, tag, keyword, pageSize = 10, enabled = true } = options
  const fetchPage = useCallback(
    (cursor: string | null) => {
      const payload: Parameters<typeof listArticles>[0] = { limit: pageSize }
      if (category) payload.category = category
      if (tag) payload.tag = tag
      if (keyword) payload.keyword = keyword
      if (cursor) payload.cursor = cursor
      return listArticles(payload)
    },
    [category, tag, keyword, pageSize],
  )
  return usePagedList(fetchPage, { enabled })
}
