/** Where an article opens; the one place that knows the detail page's path. */
export const ARTICLE_DETAIL_PATH = '/packages/article/detail/index'

export const articleDetailUrl = (id: string) => `${ARTICLE_DETAIL_PATH}?id=${encodeURIComponent(id)}`
