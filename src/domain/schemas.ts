import * as v from 'valibot'
import { ARTICLE_CATEGORIES } from './article'
import { AREA_ORDER_MESSAGE, PRICE_ORDER_MESSAGE, inOrder } from './range'
import { cleanLine } from './text'
import { DEALS, DISTRICTS, LISTING_TYPES, PARK_ID_RE, PARK_SORTS, isPriceSort } from './park'

export { PARK_ID_RE }

/** The cap on any list page; asking for more is a validation error, not a silent clamp. */
export const MAX_PAGE_SIZE = 30
export const DEFAULT_PAGE_SIZE = 10

const cursor = v.pipe(v.string('游标格式不正确'), v.maxLength(200, '游标格式不正确'))

/** Free-text search: invisible characters removed, spaces folded, trimmed and capped. */
const keyword = v.pipe(
  v.string('关键词必须是文本'),
  v.transform(cleanLine),
  v.maxLength(30, '关键词最多 30 个字'),
)

const pageSize = v.optional(
  v.pipe(
    v.number('每页条数必须是数字'),
    v.integer('每页条数必须是整数'),
    v.minValue(1, '每页至少 1 条'),
    v.maxValue(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`),
  ),
  DEFAULT_PAGE_SIZE,
)

export const ListArticlesSchema = v.object(
  {
    category: v.optional(v.picklist(ARTICLE_CATEGORIES, '分类不存在')),
    tag: v.optional(
      v.pipe(v.string('标签必须是文本'), v.minLength(1, '标签不能为空'), v.maxLength(20, '标签最多 20 个字')),
    ),
    keyword: v.optional(keyword),
    cursor: v.optional(v.nullable(cursor)),
    limit: pageSize,
  },
  '请求参数格式不正确',
)
export type ListArticlesPayload = v.InferInput<typeof ListArticlesSchema>

export const GetArticleSchema = v.object(
  {
    id: v.pipe(
      v.string('文章编号必须是文本'),
      v.minLength(1, '缺少文章编号'),
      v.maxLength(64, '文章编号格式不正确'),
      v.regex(/^[\w-]+$/, '文章编号格式不正确'),
    ),
    // valibot reports a missing key with the object's message.
  },
  '缺少文章编号',
)
export type GetArticlePayload = v.InferInput<typeof GetArticleSchema>

const bound = (label: string, max: number) =>
  v.optional(
    v.pipe(
      v.number(`${label}必须是数字`),
      v.minValue(0, `${label}不能为负数`),
      v.maxValue(max, `${label}超出范围`),
    ),
  )

export const ListParksSchema = v.pipe(
  v.object(
    {
      district: v.optional(v.picklist(DISTRICTS, '区域不存在')),
      type: v.optional(v.picklist(LISTING_TYPES, '类型不存在')),
      deal: v.optional(v.picklist(DEALS, '租售方式不存在')),
      /** m²: parks whose area range overlaps [areaMin, areaMax]. */
      areaMin: bound('最小面积', 10_000_000),
      areaMax: bound('最大面积', 10_000_000),
      /**
       * In the unit of the chosen deal (rent 元/m²/天, sale 元/m²), so a price range or a price
       * sort needs a deal; negotiable prices never match a range.
       */
      priceMin: bound('最低价格', 100_000_000),
      priceMax: bound('最高价格', 100_000_000),
      keyword: v.optional(keyword),
      sort: v.optional(v.picklist(PARK_SORTS, '排序方式不存在'), 'newest'),
      cursor: v.optional(v.nullable(cursor)),
      limit: pageSize,
    },
    '请求参数格式不正确',
  ),
  v.forward(
    v.check((q) => inOrder(q.areaMin, q.areaMax), AREA_ORDER_MESSAGE),
    ['areaMax'],
  ),
  v.forward(
    v.check((q) => inOrder(q.priceMin, q.priceMax), PRICE_ORDER_MESSAGE),
    ['priceMax'],
  ),
  // Rent and sale prices are in different units: comparing them would be meaningless.
  v.forward(
    v.check((q) => q.deal !== undefined || !isPriceSort(q.sort), '按价格排序请先选择出租或出售'),
    ['sort'],
  ),
  v.forward(
    v.check(
      (q) => q.deal !== undefined || (q.priceMin === undefined && q.priceMax === undefined),
      '按价格筛选请先选择出租或出售',
    ),
    ['deal'],
  ),
)
export type ListParksPayload = v.InferInput<typeof ListParksSchema>
export type ParkQuery = v.InferOutput<typeof ListParksSchema>

export const GetParkSchema = v.object(
  {
    id: v.pipe(v.string('园区编号必须是文本'), v.regex(PARK_ID_RE, '园区编号格式不正确')),
  },
  '缺少园区编号',
)
export type GetParkPayload = v.InferInput<typeof GetParkSchema>

export const HomeSchema = v.object({}, '请求参数格式不正确')
export type HomePayload = v.InferInput<typeof HomeSchema>

export type ValidationOutcome<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> }

/** Runs a schema and flattens its issues into one Chinese message per field. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): ValidationOutcome<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output }
  const fields: Record<string, string> = {}
  for (const issue of result.issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return { ok: false, fields }
}
