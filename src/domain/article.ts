/** Article ids: letters, digits, '-' and '_', at most 64. */
export const ARTICLE_ID_RE = /^[\w-]{1,64}$/

export const ARTICLE_CATEGORIES = ['park-news', 'policy', 'guide'] as const
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number]

export const ARTICLE_CATEGORY_LABELS: Record<ArticleCategory, string> = {
  'park-news': '园区动态',
  policy: '政策解读',
  guide: '招商指南',
}

/** What a list row needs: no body, so list pages stay small on the wire and in setData. */
export interface ArticleSummary {
  id: string
  title: string
  summary: string
  /** Media path (`/media/...`) or absolute URL (`https://`, `cloud://`). */
  cover: string
  category: ArticleCategory
  tags: string[]
  author: string
  /** ISO 8601 with offset, e.g. 2026-09-21T10:00:00+08:00 */
  publishedAt: string
  views: number
  /** Pinned first among the home page's latest articles (issue 9 item 5). Absent = false. */
  featured?: boolean
  /** Hidden articles leave every public list, search and related list; absent = false. */
  hidden?: boolean
}

export interface Article extends ArticleSummary {
  /** Trusted-source HTML; still sanitised before the H5 build renders it. */
  body: string
}

export interface ArticlePage {
  items: ArticleSummary[]
  /** Opaque keyset cursor for the next page; null when there is none. */
  nextCursor: string | null
}
