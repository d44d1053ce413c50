import * as v from 'valibot'
import { ARTICLE_ID_RE } from './article'
import { PARK_ID_RE } from './park'
import { SOURCE_RE } from './scene'

/**
 * The channel funnel's visits (issue 9 item 4), sent by the app through `visits.record`:
 *
 *   scan    a visit that came in by a QR / mini-program code (weapp launch scenes 1047–1049,
 *           or the home page opened with `scene`)
 *   share   a visit that came in by a shared card or link (`src=`; weapp scenes 1007, 1008 …)
 *   direct  any other visit (search, the recent list, a typed URL)
 *   view    a park or article detail page shown (one per page opened)
 *
 * The first three are entries: one per visit (an app launch or a show after a long pause),
 * recorded with the visit's source. Main-package code imports only the types of this module:
 * the schemas would pull valibot into it (see scene.ts).
 */
export const ENTRY_KINDS = ['scan', 'share', 'direct'] as const
export const VISIT_KINDS = [...ENTRY_KINDS, 'view'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]
export type VisitKind = (typeof VISIT_KINDS)[number]

/** The client sends at most this many visits a call. */
export const VISIT_BATCH_MAX = 20

/** What the app sends: the source is left out when the visit has none (stored as DIRECT_SOURCE). */
export interface VisitEvent {
  kind: VisitKind
  source?: string
  /** The page the visit landed on / the detail page, e.g. '/pages/index/index'. */
  page?: string
  parkId?: string
  articleId?: string
  /** The client's clock, ISO 8601. */
  at: string
}

const optionalId = (re: RegExp, message: string) =>
  v.optional(v.pipe(v.string(message), v.regex(re, message)))

export const VisitSchema = v.pipe(
  v.object(
    {
      kind: v.picklist(VISIT_KINDS, '访问类型不存在'),
      source: v.optional(v.pipe(v.string('来源格式不正确'), v.regex(SOURCE_RE, '来源格式不正确'))),
      page: v.optional(
        v.pipe(
          v.string('页面格式不正确'),
          v.maxLength(80, '页面格式不正确'),
          v.regex(/^\/?[\w/-]*$/, '页面格式不正确'),
        ),
      ),
      parkId: optionalId(PARK_ID_RE, '园区编号格式不正确'),
      articleId: optionalId(ARTICLE_ID_RE, '文章编号格式不正确'),
      at: v.pipe(v.string('时间格式不正确'), v.isoTimestamp('时间格式不正确')),
    },
    '访问记录格式不正确',
  ),
  // A detail view is of exactly one park or one article; an entry may name what it opened.
  v.check(
    (e) => e.kind !== 'view' || (e.parkId === undefined) !== (e.articleId === undefined),
    '浏览记录须带园区或文章编号',
  ),
)

export const RecordVisitsSchema = v.object(
  {
    visits: v.pipe(
      v.array(VisitSchema, '访问列表格式不正确'),
      v.minLength(1, '访问列表不能为空'),
      v.maxLength(VISIT_BATCH_MAX, `一次最多 ${VISIT_BATCH_MAX} 条`),
    ),
  },
  '请求参数格式不正确',
)
export type RecordVisitsPayload = v.InferInput<typeof RecordVisitsSchema>
export type RecordVisitsInput = v.InferOutput<typeof RecordVisitsSchema>
