/** Every page path in one place: pages and features build URLs from here, never by hand. */
export const HOME_PATH = '/pages/index/index'
export const PARKS_TAB_PATH = '/pages/parks/index'
export const ARTICLES_TAB_PATH = '/pages/articles/index'
export const MINE_TAB_PATH = '/pages/mine/index'

export const TAB_PATHS = [HOME_PATH, PARKS_TAB_PATH, ARTICLES_TAB_PATH, MINE_TAB_PATH]

export const PARK_DETAIL_PATH = '/packages/park/detail/index'
export const ARTICLE_DETAIL_PATH = '/packages/article/detail/index'
export const ARTICLE_TAG_PATH = '/packages/article/tag/index'
export const ARTICLE_SEARCH_PATH = '/packages/article/search/index'
export const ABOUT_PATH = '/packages/mine/about/index'
export const FAVOURITES_PATH = '/packages/mine/favourites/index'
export const HISTORY_PATH = '/packages/mine/history/index'
export const INQUIRY_FORM_PATH = '/packages/inquiry/form/index'
export const INQUIRY_SUCCESS_PATH = '/packages/inquiry/success/index'
export const MY_INQUIRIES_PATH = '/packages/mine/inquiries/index'

/** `path?k=v&…` with values encoded and empty ones left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** The staff desk (subpackage packages/staff): reached from 我的 → 员工工作台, never from a tab. */
export const STAFF_CLAIM_PATH = '/packages/staff/claim/index'
export const STAFF_DESK_PATH = '/packages/staff/desk/index'
export const STAFF_TEAM_PATH = '/packages/staff/team/index'
export const STAFF_INBOX_PATH = '/packages/staff/inbox/index'
export const STAFF_EXPORT_PATH = '/packages/staff/export/index'
export const STAFF_CHARTS_PATH = '/packages/staff/charts/index'
