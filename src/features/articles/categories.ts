import { ARTICLE_CATEGORIES, ARTICLE_CATEGORY_LABELS, type ArticleCategory } from '@/domain/article'

export type CategoryTab = ArticleCategory | 'all'

/** The tabs of the 资讯 page: 全部 first, then every category in the domain's order. */
export const CATEGORY_TABS: { key: CategoryTab; label: string }[] = [
  { key: 'all', label: '全部' },
  ...ARTICLE_CATEGORIES.map((key) => ({ key, label: ARTICLE_CATEGORY_LABELS[key] })),
]
