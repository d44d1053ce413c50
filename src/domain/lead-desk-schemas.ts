import * as v from 'valibot'
import { cleanLine, cleanText } from './text'
import { INVALID_REASON_MAX, LEAD_STAGES, NOTE_MAX } from './lead-pipeline'
import { PARK_ID_RE } from './park'
import { SOURCE_RE } from './scene'

/** Payloads of the lead desk's actions (staff only; the router checks the caller first). */

export const LEAD_PAGE_SIZE = 20

const leadId = v.pipe(
  v.string('线索编号格式不正确'),
  v.minLength(1, '缺少线索编号'),
  v.maxLength(64, '线索编号格式不正确'),
  v.regex(/^[\w-]+$/, '线索编号格式不正确'),
)
const staffId = v.pipe(
  v.string('员工编号格式不正确'),
  v.maxLength(64, '员工编号格式不正确'),
  v.regex(/^[\w-]+$/, '员工编号格式不正确'),
)

/** A Beijing calendar date, "YYYY-MM-DD", that exists. */
export const date = (label: string) =>
  v.pipe(
    v.string(`${label}格式不正确`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式不正确`),
    v.check(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      `${label}不存在`,
    ),
  )

export const ListLeadsSchema = v.object(
  {
    stage: v.optional(v.picklist(LEAD_STAGES, '状态不存在')),
    source: v.optional(v.pipe(v.string('来源格式不正确'), v.regex(SOURCE_RE, '来源格式不正确'))),
    parkId: v.optional(v.pipe(v.string('园区编号格式不正确'), v.regex(PARK_ID_RE, '园区编号格式不正确'))),
    /** A staff id, or 'none' for unassigned leads. */
    assigneeId: v.optional(staffId),
    from: v.optional(date('开始日期')),
    to: v.optional(date('结束日期')),
    /** Name or company (contains), or the phone's last 4 digits. */
    q: v.optional(
      v.pipe(v.string('关键词必须是文本'), v.transform(cleanLine), v.maxLength(30, '关键词最多 30 个字')),
    ),
    cursor: v.optional(v.nullable(v.pipe(v.string('游标格式不正确'), v.maxLength(200, '游标格式不正确')))),
    limit: v.optional(
      v.pipe(
        v.number('每页条数必须是数字'),
        v.integer('每页条数必须是整数'),
        v.minValue(1, '每页至少 1 条'),
        v.maxValue(50, '每页最多 50 条'),
      ),
      LEAD_PAGE_SIZE,
    ),
  },
  '请求参数格式不正确',
)
export type ListLeadsPayload = v.InferInput<typeof ListLeadsSchema>

export const GetLeadSchema = v.object({ id: leadId }, '缺少线索编号')
export type GetLeadPayload = v.InferInput<typeof GetLeadSchema>

export const UpdateLeadSchema = v.object(
  {
    id: leadId,
    /** The version the caller read: a newer stored one answers CONFLICT, nothing written. */
    version: v.pipe(
      v.number('版本号必须是数字'),
      v.integer('版本号必须是整数'),
      v.minValue(1, '版本号不正确'),
    ),
    stage: v.optional(v.picklist(LEAD_STAGES, '状态不存在')),
    /** null: unassign. */
    assigneeId: v.optional(v.nullable(staffId)),
    /** null: clear. */
    nextFollowUp: v.optional(v.nullable(date('跟进日期'))),
    invalidReason: v.optional(
      v.pipe(
        v.string('无效原因格式不正确'),
        v.transform((s) => cleanText(s, true)),
        v.maxLength(INVALID_REASON_MAX, `无效原因最多 ${INVALID_REASON_MAX} 个字`),
      ),
    ),
  },
  '请求参数格式不正确',
)
export type UpdateLeadPayload = v.InferInput<typeof UpdateLeadSchema>

export const AddNoteSchema = v.object(
  {
    id: leadId,
    body: v.pipe(
      v.string('跟进记录格式不正确'),
      v.transform((s) => cleanText(s, false)),
      v.minLength(1, '请填写跟进记录'),
      v.maxLength(NOTE_MAX, `跟进记录最多 ${NOTE_MAX} 个字`),
    ),
  },
  '请求参数格式不正确',
)
export type AddNotePayload = v.InferInput<typeof AddNoteSchema>

export const LeadStatsSchema = v.object(
  {
    weeks: v.optional(
      v.pipe(
        v.number('周数必须是数字'),
        v.integer('周数必须是整数'),
        v.minValue(1, '至少 1 周'),
        v.maxValue(26, '最多 26 周'),
      ),
      8,
    ),
  },
  '请求参数格式不正确',
)
export type LeadStatsPayload = v.InferInput<typeof LeadStatsSchema>
