import * as v from 'valibot'
import { ARTICLE_ID_RE } from './article'
import { DISTRICTS, PARK_ID_RE } from './park'
import { AREA_ORDER_MESSAGE, inOrder } from './range'
import { SOURCE_RE } from './scene'
import { cleanLine, cleanText } from './text'
import { CONTACT_EVENT_KINDS, INQUIRY_LIMITS, NEED_TYPES, TAX_BRACKETS } from './inquiryOptions'

// Options, labels and result types live apart (no valibot) so pages that only show them stay small.
export * from './inquiryOptions'

/**
 * The inquiry (lead) — one schema, used by the form for the visitor and by the cloud
 * handler for safety. Free text has HTML and every invisible character stripped (text.ts),
 * then is capped.
 */
export { cleanText } from './text'

/**
 * Mainland mobile: 1[3-9] + 9 digits. Invisible characters, spaces, dashes, dots, brackets and
 * a +86 / 0086 / 86 prefix are tolerated and removed. Returns null when it is not a mobile number.
 */
export function normalisePhone(input: string): string | null {
  // A number copied from iOS contacts arrives wrapped in bidi marks (U+202D … U+202C).
  const compact = cleanLine(input).replace(/[\s\-().\u3000]/g, '')
  const digits = compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

const text = (max: number, label: string, singleLine: boolean) =>
  v.pipe(
    v.string(`${label}格式不正确`),
    v.transform((s) => cleanText(s, singleLine)),
    v.maxLength(max, `${label}最多 ${max} 个字`),
  )

const optionalText = (max: number, label: string, singleLine = true) =>
  v.optional(text(max, label, singleLine), '')

const area = (label: string) =>
  v.optional(
    v.pipe(
      v.number(`${label}必须是数字`),
      v.integer(`${label}请填写整数`),
      v.minValue(1, `${label}至少 1 平方米`),
      v.maxValue(10_000_000, `${label}超出范围`),
    ),
  )

export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{16,64}$/

const isPlainObject = (input: unknown) => input !== null && typeof input === 'object' && !Array.isArray(input)

/**
 * Where the form was opened from: attributed to the lead. valibot's object() takes an array as
 * an object with no keys, so arrays are refused first (a client sending one is broken).
 */
export const InquiryContextSchema = v.optional(
  v.pipe(
    v.unknown(),
    v.check(isPlainObject, '来源信息必须是对象'),
    v.object(
      {
        parkId: v.optional(v.pipe(v.string('园区编号格式不正确'), v.regex(PARK_ID_RE, '园区编号格式不正确'))),
        articleId: v.optional(
          v.pipe(v.string('文章编号格式不正确'), v.regex(ARTICLE_ID_RE, '文章编号格式不正确')),
        ),
        source: v.optional(v.pipe(v.string('来源格式不正确'), v.regex(SOURCE_RE, '来源格式不正确'))),
      },
      '来源信息格式不正确',
    ),
  ),
  {},
)

/** What the company needs: the inquiry's first fields, also the payload of parks.match (match-schema.ts). */
export const NEED_FIELDS = {
  needType: v.picklist(NEED_TYPES, '请选择需求类型'),
  areaMin: area('最小面积'),
  areaMax: area('最大面积'),
  industry: optionalText(INQUIRY_LIMITS.industry, '用途/行业'),
  district: v.optional(v.picklist(DISTRICTS, '期望区域不存在')),
  taxBracket: v.optional(v.picklist(TAX_BRACKETS, '年税收档位不存在')),
}

export const InquirySchema = v.pipe(
  v.object(
    {
      ...NEED_FIELDS,
      company: optionalText(INQUIRY_LIMITS.company, '公司名称'),
      contactName: v.pipe(
        v.string('请填写联系人'),
        v.transform((s) => cleanText(s, true)),
        v.minLength(1, '请填写联系人'),
        v.maxLength(INQUIRY_LIMITS.contactName, `联系人最多 ${INQUIRY_LIMITS.contactName} 个字`),
      ),
      phone: v.pipe(
        v.string('请填写手机号'),
        v.maxLength(30, '请填写正确的手机号'),
        v.check((s) => cleanLine(s).length > 0, '请填写手机号'),
        v.check((s) => normalisePhone(s) !== null, '请填写正确的 11 位手机号'),
        v.transform((s) => normalisePhone(s) as string),
      ),
      remark: optionalText(INQUIRY_LIMITS.remark, '备注', false),
      consent: v.literal(true, '请阅读并同意隐私政策'),
      idempotencyKey: v.pipe(v.string('提交编号缺失'), v.regex(IDEMPOTENCY_KEY_RE, '提交编号格式不正确')),
      context: InquiryContextSchema,
    },
    '请求参数格式不正确',
  ),
  v.forward(
    v.check((q) => inOrder(q.areaMin, q.areaMax), AREA_ORDER_MESSAGE),
    ['areaMax'],
  ),
)

export type InquiryInput = v.InferInput<typeof InquirySchema>
export type InquiryPayload = v.InferOutput<typeof InquirySchema>

export const ContactEventSchema = v.object(
  {
    kind: v.picklist(CONTACT_EVENT_KINDS, '事件类型不存在'),
    // A page route such as /packages/park/detail/index.
    page: v.pipe(
      v.string('页面格式不正确'),
      v.maxLength(80, '页面格式不正确'),
      v.regex(/^\/?[\w/-]*$/, '页面格式不正确'),
    ),
    parkId: v.optional(v.pipe(v.string('园区编号格式不正确'), v.regex(PARK_ID_RE, '园区编号格式不正确'))),
    articleId: v.optional(
      v.pipe(v.string('文章编号格式不正确'), v.regex(ARTICLE_ID_RE, '文章编号格式不正确')),
    ),
    source: v.optional(v.pipe(v.string('来源格式不正确'), v.regex(SOURCE_RE, '来源格式不正确'))),
    at: v.pipe(v.string('时间格式不正确'), v.isoTimestamp('时间格式不正确')),
  },
  '事件格式不正确',
)
export type ContactEvent = v.InferOutput<typeof ContactEventSchema>

export const RecordEventsSchema = v.object(
  {
    events: v.pipe(
      v.array(ContactEventSchema, '事件列表格式不正确'),
      v.minLength(1),
      v.maxLength(20, '一次最多 20 条'),
    ),
  },
  '请求参数格式不正确',
)
export type RecordEventsPayload = v.InferInput<typeof RecordEventsSchema>
export const EmptySchema = v.object({}, '请求参数格式不正确')
