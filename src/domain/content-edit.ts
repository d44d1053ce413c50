import * as v from 'valibot'
import { ARTICLE_ID_RE, type ArticleCategory } from './article'
import {
  DEAL_LABELS,
  DEAL_PRICE_UNIT,
  FEATURED_ORDER_MAX,
  PARK_ID_RE,
  PARK_STATUSES,
  PRICE_UNIT_LABELS,
  PRICE_UNITS,
  priceProblem,
  type Deal,
  type District,
  type ListingType,
  type ParkStatus,
  type Price,
} from './park'

/**
 * Quick content edits on the staff desk (issue 9 item 5): what changes weekly — a park's
 * availability, price, featured flag and order; an article's featured / hidden flags. Full
 * content (text, photos) arrives through `npm run content`, never through these actions.
 *
 * Concurrency: last write wins, per field. An update carries only the fields the member of staff
 * changed and the store writes only those, so two people editing different fields of one park
 * never undo each other; two edits of the same field both land in the audit log, the later one
 * stays. (A version check, as leads.update has, would buy little for one-tap flags.)
 */

/** What the staff page lists per park: enough to draw a row and open its edit panel. */
export interface ContentParkRow {
  id: string
  name: string
  district: District
  type: ListingType
  deal: Deal
  status: ParkStatus
  price: Price | null
  featured: boolean
  /** null when the park has no order. */
  featuredOrder: number | null
  updatedAt: string
}

export interface ContentArticleRow {
  id: string
  title: string
  category: ArticleCategory
  publishedAt: string
  featured: boolean
  hidden: boolean
}

/** Every park (withdrawn and let included) and every article (hidden included), newest first. */
export interface ContentList {
  parks: ContentParkRow[]
  articles: ContentArticleRow[]
}

/**
 * Rows per kind in one content.list answer: the agency's catalogue is hundreds of records, and
 * a few hundred compact rows stay far below setData's and the function's answer limits.
 */
export const CONTENT_LIST_MAX = 500

/** Largest price the catalogue accepts (the same bound as the parks filter). */
export const PRICE_MAX = 100_000_000

const parkId = v.pipe(v.string('园区编号格式不正确'), v.regex(PARK_ID_RE, '园区编号格式不正确'))
const articleId = v.pipe(v.string('文章编号格式不正确'), v.regex(ARTICLE_ID_RE, '文章编号格式不正确'))

const PriceSchema = v.object(
  {
    value: v.pipe(
      v.number('请填写价格'),
      v.finite('请填写价格'),
      v.minValue(0, '价格不能为负数'),
      v.maxValue(PRICE_MAX, '价格过大，请检查单位'),
    ),
    unit: v.picklist(PRICE_UNITS, '价格单位不正确'),
  },
  '价格格式不正确',
)

const oneChange =
  (fields: readonly string[]) =>
  <T extends object>(p: T): boolean =>
    fields.some((f) => (p as Record<string, unknown>)[f] !== undefined)

export const UpdateParkSchema = v.pipe(
  v.object(
    {
      id: parkId,
      status: v.optional(v.picklist(PARK_STATUSES, '状态不存在')),
      /** Value in the deal's unit (DEAL_PRICE_UNIT); null = 面议. The handler checks the unit against the park's deal. */
      price: v.optional(v.nullable(PriceSchema)),
      featured: v.optional(v.boolean('推荐必须是开关值')),
      /** 0–999, lower first; null removes the order. */
      featuredOrder: v.optional(
        v.nullable(
          v.pipe(
            v.number('排序必须是数字'),
            v.integer('排序必须是整数'),
            v.minValue(0, '排序最小为 0'),
            v.maxValue(FEATURED_ORDER_MAX, `排序最大为 ${FEATURED_ORDER_MAX}`),
          ),
        ),
      ),
    },
    '请求参数格式不正确',
  ),
  v.check(oneChange(['status', 'price', 'featured', 'featuredOrder']), '没有要保存的修改'),
)
export type UpdateParkPayload = v.InferInput<typeof UpdateParkSchema>

export const UpdateArticleSchema = v.pipe(
  v.object(
    {
      id: articleId,
      featured: v.optional(v.boolean('推荐必须是开关值')),
      hidden: v.optional(v.boolean('隐藏必须是开关值')),
    },
    '请求参数格式不正确',
  ),
  v.check(oneChange(['featured', 'hidden']), '没有要保存的修改'),
)
export type UpdateArticlePayload = v.InferInput<typeof UpdateArticleSchema>

/**
 * Why `price` cannot be the price of a park of this deal (Chinese, for the field), or null.
 * The rule is park.ts's priceProblem: one unit per deal, null = 面议.
 */
export function priceFieldProblem(deal: Deal, price: Price | null): string | null {
  if (!priceProblem({ deal, price })) return null
  const unit = DEAL_PRICE_UNIT[deal]
  return `${DEAL_LABELS[deal]}价格的单位应为${PRICE_UNIT_LABELS[unit]}`
}
