import * as v from 'valibot'
import { ARTICLE_CATEGORIES } from './article'

/** The cap on any list page; asking for more is a validation error, not a silent clamp. */
export const MAX_PAGE_SIZE = 30
export const DEFAULT_PAGE_SIZE = 10

const cursor = v.pipe(v.string('游标格式不正确'), v.maxLength(200, '游标格式不正确'))

export const ListArticlesSchema = v.object(
  {
    category: v.optional(v.picklist(ARTICLE_CATEGORIES, '分类不存在')),
    cursor: v.optional(v.nullable(cursor)),
    limit: v.optional(
      v.pipe(
        v.number('每页条数必须是数字'),
        v.integer('每页条数必须是整数'),
        v.minValue(1, '每页至少 1 条'),
        v.maxValue(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`),
      ),
      DEFAULT_PAGE_SIZE,
    ),
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
