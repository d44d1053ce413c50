import * as v from 'valibot'
import type { AgencyContact } from './agency'
import { ARTICLE_CATEGORIES, ARTICLE_ID_RE, type Article } from './article'
import { DEALS, DISTRICTS, LISTING_TYPES, PARK_ID_RE, PRICE_UNITS, priceProblem, type Park } from './park'
import { sanitizeHtml } from './sanitize'

/*
 * The full content files (`npm run content -- check|import|export <dir>`): parks, articles and
 * the agency card as the agency writes them. Stricter than what the stores read back: every
 * field the pages show must be there with its type, and an unknown field (a typo such as
 * `featureOrder`) is an error rather than silently dropped. Messages are 中文 (English), one
 * per problem, so `file:line field: message` reads on its own.
 */

/** One problem in one record: the field path (`price.unit`, `photos[2]`; '' = the record). */
export interface ContentIssue {
  field: string
  message: string
  /** Warnings (HTML changed by the sanitiser) are shown but do not fail the check. */
  warning?: true
}

export type ContentKind = 'park' | 'article' | 'agency'

/** Same offset on every record: the stores order these ISO strings as text. */
export const BEIJING_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?\+08:00$/

/** What a content file may use as an image: a path under /media/, an https URL or a cloud:// file id. */
export const MEDIA_PATH_RE = /^\/media\/(?!\.)(?!.*\/\.)[\w\-./]+$/

/** Park status and order among featured parks (helper D's quick edits; optional in files). */
export const CONTENT_PARK_STATUSES = ['available', 'let', 'withdrawn'] as const

const msg = (zh: string, en: string) => `${zh} (${en})`

const text = (label: string, max: number) =>
  v.pipe(
    v.string(msg(`${label}必须是文本`, 'must be a string')),
    v.maxLength(max, msg(`${label}最多 ${max} 个字`, `at most ${max} characters`)),
  )

const requiredText = (label: string, max: number) =>
  v.pipe(
    v.string(msg(`${label}必须是文本`, 'must be a string')),
    v.trim(),
    v.minLength(1, msg(`${label}不能为空`, 'must not be empty')),
    v.maxLength(max, msg(`${label}最多 ${max} 个字`, `at most ${max} characters`)),
  )

const strings = (label: string, maxItems: number, maxLength: number) =>
  v.pipe(
    v.array(requiredText(label, maxLength), msg(`${label}必须是文本数组`, 'must be an array of strings')),
    v.maxLength(maxItems, msg(`${label}最多 ${maxItems} 项`, `at most ${maxItems} items`)),
  )

const media = (label: string) =>
  v.pipe(
    v.string(msg(`${label}必须是文本`, 'must be a string')),
    v.check(
      (s) =>
        MEDIA_PATH_RE.test(s) || /^https:\/\/[^/\s]+\/\S*$/.test(s) || /^cloud:\/\/[^/\s]+\/\S+$/.test(s),
      msg(
        `${label}须为 /media/ 下的路径、https:// 或 cloud:// 地址`,
        'must be a /media/ path, an https:// URL or a cloud:// file id',
      ),
    ),
  )

const nonNegative = (label: string, max: number) =>
  v.pipe(
    v.number(msg(`${label}必须是数字`, 'must be a number')),
    v.finite(msg(`${label}必须是有限数字`, 'must be finite')),
    v.minValue(0, msg(`${label}不能为负数`, 'must not be negative')),
    v.maxValue(max, msg(`${label}超出范围`, `must be at most ${max}`)),
  )

const views = v.optional(
  v.pipe(
    v.number(msg('浏览量必须是数字', 'must be a number')),
    v.integer(msg('浏览量必须是整数', 'must be an integer')),
    v.minValue(0, msg('浏览量不能为负数', 'must not be negative')),
  ),
)

const flag = (label: string) => v.boolean(msg(`${label}必须是 true 或 false`, 'must be true or false'))

const beijingTime = (label: string) =>
  v.pipe(
    v.string(msg(`${label}必须是文本`, 'must be a string')),
    v.regex(
      BEIJING_ISO_RE,
      msg(`${label}须为北京时间 ISO 格式，如 2026-11-20T10:30:00+08:00`, 'must be ISO 8601 with +08:00'),
    ),
  )

const html = (label: string) => text(label, 100_000)

// The object's own message is never shown: contentIssues words missing and unknown keys itself.
const OBJECT = 'object'

const PriceSchema = v.nullable(
  v.strictObject(
    {
      value: nonNegative('价格', 1_000_000),
      unit: v.picklist(
        PRICE_UNITS,
        msg('价格单位只能是 yuan_m2_day 或 yuan_m2', 'unit must be yuan_m2_day or yuan_m2'),
      ),
    },
    OBJECT,
  ),
)
const PRICE_SHAPE = msg(
  '价格须为 { value, unit } 或 null（面议）',
  'must be { value, unit } or null (negotiable)',
)

const LocationSchema = v.strictObject(
  {
    latitude: v.pipe(
      v.number(msg('纬度必须是数字', 'must be a number')),
      v.minValue(-90, msg('纬度超出范围', 'out of range')),
      v.maxValue(90, msg('纬度超出范围', 'out of range')),
    ),
    longitude: v.pipe(
      v.number(msg('经度必须是数字', 'must be a number')),
      v.minValue(-180, msg('经度超出范围', 'out of range')),
      v.maxValue(180, msg('经度超出范围', 'out of range')),
    ),
  },
  OBJECT,
)

export const ContentParkSchema = v.pipe(
  v.strictObject(
    {
      id: v.pipe(
        v.string(msg('园区编号必须是文本', 'must be a string')),
        v.regex(
          PARK_ID_RE,
          msg('园区编号须为 p 加 1–15 位小写字母或数字，如 p012', 'must be p + 1–15 of [0-9a-z]'),
        ),
      ),
      name: requiredText('名称', 60),
      district: v.picklist(DISTRICTS, msg(`区域只能是 ${DISTRICTS.join('/')}`, 'unknown district')),
      type: v.picklist(LISTING_TYPES, msg(`类型只能是 ${LISTING_TYPES.join('/')}`, 'unknown listing type')),
      deal: v.picklist(DEALS, msg('租售方式只能是 rent 或 sale', 'deal must be rent or sale')),
      areaMin: nonNegative('最小面积', 10_000_000),
      areaMax: nonNegative('最大面积', 10_000_000),
      divisible: flag('可分割'),
      price: PriceSchema,
      cover: media('封面'),
      highlights: strings('亮点', 6, 20),
      updatedAt: beijingTime('更新时间'),
      views,
      featured: flag('推荐'),
      address: requiredText('地址', 120),
      location: LocationSchema,
      floorHeight: v.optional(nonNegative('层高', 100)),
      floorLoad: v.optional(nonNegative('承重', 100_000)),
      power: v.optional(nonNegative('电力', 1_000_000)),
      standalone: flag('独门独院'),
      propertyCert: flag('产证'),
      envAssessment: flag('可环评'),
      industries: strings('行业', 20, 20),
      taxRequirement: v.optional(requiredText('税收要求', 60)),
      photos: v.pipe(
        v.array(media('照片'), msg('照片必须是数组', 'must be an array')),
        v.maxLength(20, msg('照片最多 20 张', 'at most 20 photos')),
      ),
      description: html('介绍'),
      status: v.optional(
        v.picklist(
          CONTENT_PARK_STATUSES,
          msg('状态只能是 available/let/withdrawn', 'status must be available, let or withdrawn'),
        ),
      ),
      featuredOrder: v.optional(
        v.pipe(
          v.number(msg('推荐顺序必须是数字', 'must be a number')),
          v.integer(msg('推荐顺序必须是整数', 'must be an integer')),
          v.minValue(0, msg('推荐顺序须在 0–999 之间', 'must be 0–999')),
          v.maxValue(999, msg('推荐顺序须在 0–999 之间', 'must be 0–999')),
        ),
      ),
    },
    OBJECT,
  ),
  // partialCheck: reported as soon as the fields it reads are valid, whatever else is wrong.
  v.forward(
    v.partialCheck(
      [['areaMin'], ['areaMax']],
      (p) => p.areaMin <= p.areaMax,
      msg('最小面积不能大于最大面积', 'areaMin must not exceed areaMax'),
    ),
    ['areaMin'],
  ),
  v.forward(
    v.partialCheck(
      [['deal'], ['price']],
      (p) => priceProblem(p) === null,
      msg(
        '出租价格单位须为 yuan_m2_day（元/m²/天），出售须为 yuan_m2（元/m²）',
        'rent is priced in yuan_m2_day, sale in yuan_m2',
      ),
    ),
    ['price', 'unit'],
  ),
)

export const ContentArticleSchema = v.strictObject(
  {
    id: v.pipe(
      v.string(msg('文章编号必须是文本', 'must be a string')),
      v.regex(
        ARTICLE_ID_RE,
        msg('文章编号只能用字母、数字、- 和 _，最多 64 位', 'must be 1–64 of [A-Za-z0-9_-]'),
      ),
    ),
    title: requiredText('标题', 80),
    summary: text('摘要', 300),
    cover: media('封面'),
    category: v.picklist(
      ARTICLE_CATEGORIES,
      msg(`分类只能是 ${ARTICLE_CATEGORIES.join('/')}`, 'unknown category'),
    ),
    tags: strings('标签', 10, 20),
    author: text('作者', 40),
    publishedAt: beijingTime('发布时间'),
    views,
    body: html('正文'),
    featured: v.optional(flag('推荐')),
    hidden: v.optional(flag('隐藏')),
  },
  OBJECT,
)

const digits = (label: string, re: RegExp, example: string) =>
  v.pipe(
    v.string(msg(`${label}必须是文本`, 'must be a string')),
    v.regex(re, msg(`${label}格式不正确，如 ${example}`, `must look like ${example}`)),
  )

export const ContentAgencySchema = v.strictObject(
  {
    agencyName: requiredText('机构名称', 40),
    agentName: requiredText('顾问姓名', 20),
    hotline: digits('热线', /^(400\d{7}|0\d{9,11}|1[3-9]\d{9})$/, '4000123021'),
    mobiles: v.pipe(
      v.array(
        v.strictObject(
          {
            number: digits('手机号', /^1[3-9]\d{9}$/, '13524678515'),
            wechatOnly: flag('仅微信'),
          },
          OBJECT,
        ),
        msg('手机号列表必须是数组', 'must be an array'),
      ),
      v.minLength(1, msg('至少要有一个手机号', 'at least one mobile')),
      v.maxLength(5, msg('手机号最多 5 个', 'at most 5 mobiles')),
    ),
    wechatId: requiredText('微信号', 40),
    wechatQr: media('微信二维码'),
    inquiryHint: text('咨询提示', 200),
  },
  OBJECT,
)

const SCHEMAS = { park: ContentParkSchema, article: ContentArticleSchema, agency: ContentAgencySchema }

/** `price.unit`, `photos[2]`, `mobiles[0].number`. */
function fieldPath(path: v.BaseIssue<unknown>['path']): string {
  let out = ''
  for (const item of path ?? []) {
    const key = item.key
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  }
  return out
}

function wordIssue(issue: v.BaseIssue<unknown>): ContentIssue {
  const field = fieldPath(issue.path)
  const isObject = issue.type === 'strict_object' || issue.type === 'object'
  if (isObject && issue.expected === 'never')
    return { field, message: msg('未知字段，请检查拼写', 'unknown field, check the spelling') }
  if (isObject && issue.received === 'undefined' && field)
    return { field, message: msg('缺少必填字段', 'missing required field') }
  if (isObject)
    return {
      field,
      message: field === 'price' ? PRICE_SHAPE : msg('必须是 JSON 对象', 'must be a JSON object'),
    }
  return { field, message: issue.message }
}

/** HTML fields the sanitiser runs over before H5 renders them. */
const HTML_FIELDS: Record<ContentKind, string[]> = { park: ['description'], article: ['body'], agency: [] }

/**
 * Every problem of one record, in field order. A field whose HTML the domain sanitiser would
 * change is a warning: the page will not show exactly what was written.
 */
export function contentIssues(kind: ContentKind, record: unknown): ContentIssue[] {
  // valibot's object schemas take an array too (as an object with index keys).
  if (!record || typeof record !== 'object' || Array.isArray(record))
    return [{ field: '', message: msg('必须是 JSON 对象', 'must be a JSON object') }]
  const result = v.safeParse(SCHEMAS[kind], record)
  // One message per field: its first problem (abortPipeEarly would also stop the record-level
  // checks that follow the object in the pipe).
  const seen = new Set<string>()
  const issues = (result.success ? [] : result.issues.map(wordIssue)).filter((i) => {
    if (seen.has(i.field)) return false
    seen.add(i.field)
    return true
  })
  if (record && typeof record === 'object') {
    for (const field of HTML_FIELDS[kind]) {
      const value = (record as Record<string, unknown>)[field]
      if (typeof value === 'string' && sanitizeHtml(value) !== value) {
        issues.push({
          field,
          message: msg(
            '警告：HTML 含有会被清理掉的标签或属性，页面显示将与原文不同',
            'warning: the sanitiser changes this HTML, the page will differ',
          ),
          warning: true,
        })
      }
    }
  }
  return issues
}

/** Image references in HTML: `<img src="/media/…">` (what withMediaUrls prefixes too). */
const HTML_MEDIA_RE = /(<img\b[^>]*?\bsrc=")(\/media\/[^"]*)"/g

/**
 * Every media reference of a record with its field: cover, photos, wechatQr and the `/media/`
 * images inside its HTML. Only `/media/` paths name files of the content directory; https and
 * cloud:// addresses are left to their hosts.
 */
export function mediaRefs(kind: ContentKind, record: unknown): Array<{ field: string; path: string }> {
  if (!record || typeof record !== 'object') return []
  const r = record as Record<string, unknown>
  const refs: Array<{ field: string; path: string }> = []
  const add = (field: string, value: unknown) => {
    if (typeof value === 'string' && value.startsWith('/media/')) refs.push({ field, path: value })
  }
  if (kind === 'agency') add('wechatQr', r.wechatQr)
  else add('cover', r.cover)
  if (kind === 'park' && Array.isArray(r.photos)) r.photos.forEach((p, i) => add(`photos[${i}]`, p))
  for (const field of HTML_FIELDS[kind]) {
    if (typeof r[field] === 'string') {
      for (const m of (r[field] as string).matchAll(HTML_MEDIA_RE)) add(field, m[2])
    }
  }
  return refs
}

/** The same record with every `/media/` reference replaced (export: by its cloud:// file id). */
export function rewriteMedia<T extends Park | Article | AgencyContact>(
  kind: ContentKind,
  record: T,
  to: (path: string) => string,
): T {
  const swap = (value: string) => (value.startsWith('/media/') ? to(value) : value)
  const out = { ...record } as Record<string, unknown>
  if (kind === 'agency') out.wechatQr = swap(String(out.wechatQr))
  else out.cover = swap(String(out.cover))
  if (kind === 'park') out.photos = (out.photos as string[]).map(swap)
  for (const field of HTML_FIELDS[kind]) {
    out[field] = String(out[field]).replace(
      HTML_MEDIA_RE,
      (_, head: string, src: string) => `${head}${swap(src)}"`,
    )
  }
  return out as T
}
