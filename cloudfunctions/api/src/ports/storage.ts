import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import type { Deal, District, ListingType, Park, ParkSort, ParkSummary } from '@/domain/park'

/** Position in the (publishedAt desc, id desc) order: the keyset a cursor encodes. */
export interface ArticleKey {
  publishedAt: string
  id: string
}

export interface ListArticlesQuery {
  category?: ArticleCategory
  /** Articles whose tags contain this exact tag. */
  tag?: string
  /** Case-insensitive substring of the title, the summary or a tag; taken literally (no wildcards). */
  keyword?: string
  /** Only featured articles (the home page's pinned ones); not exposed to callers of articles.list. */
  featured?: boolean
  /** Rows strictly after this key in the order; absent for page one. */
  after?: ArticleKey
  limit: number
}

/**
 * Position in a park order: the sort value of the last row and its id. The value is what the
 * sort compares, in domain terms: updatedAt for `newest`, areaMin / areaMax for the area
 * sorts, price.value (null = 面议) for the price sorts. Adapters map null to their own sort key.
 */
export interface ParkKey {
  value: string | number | null
  id: string
}

export interface ParkFilters {
  district?: District
  type?: ListingType
  deal?: Deal
  /** Overlap with [areaMin, areaMax]: park.areaMax >= areaMin and park.areaMin <= areaMax. */
  areaMin?: number
  areaMax?: number
  /** On price.value; a negotiable (null) price never matches either bound. */
  priceMin?: number
  priceMax?: number
  /** Case-insensitive substring of name, address, an industry or a highlight; taken literally. */
  keyword?: string
  /** Only featured parks (home page); not exposed to callers of parks.list. */
  featured?: boolean
}

export interface ListParksQuery extends ParkFilters {
  sort: ParkSort
  after?: ParkKey
  limit: number
}

/*
 * Visibility (issue 9 item 5): every list method below leaves out withdrawn parks
 * (status 'withdrawn') and hidden articles; getPark / getArticle return them with their status /
 * flag, so the detail handler can answer 已下架.
 */

/**
 * What handlers need from storage. Two adapters implement it: CloudBase's database in
 * production, SQLite for the local runtime and tests. Handlers never see either.
 */
export interface StoragePort {
  listArticles(query: ListArticlesQuery): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<Article | null>
  /** Adds one view and returns the new count, or null when the article does not exist. */
  incrementArticleViews(id: string): Promise<number | null>
  /**
   * Up to `limit` other articles: those sharing a tag first (more shared tags first, then the
   * same category, then newest), then the rest of the same category, newest first. Never the
   * article itself; [] when it does not exist.
   */
  listRelatedArticles(id: string, limit: number): Promise<ArticleSummary[]>

  /** One page of parks in the sort's order (see core/park-order.ts), strictly after `after`. */
  listParks(query: ListParksQuery): Promise<ParkSummary[]>
  getPark(id: string): Promise<Park | null>
  /** Adds one view and returns the new count, or null when the park does not exist. */
  incrementParkViews(id: string): Promise<number | null>
  /**
   * Up to `limit` other parks, newest first within each tier: same district and type, then
   * same district, then same type elsewhere. Never the park itself; [] when it does not exist.
   */
  listSimilarParks(id: string, limit: number): Promise<ParkSummary[]>
  /** Up to `limit` featured parks: featuredOrder ascending (none last), then newest first. */
  listFeaturedParks(limit: number): Promise<ParkSummary[]>

  getAgencyContact(): Promise<AgencyContact | null>
}
