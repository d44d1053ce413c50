import * as v from 'valibot'
import { isCalendarDate, MAX_EXPORT_DAYS, spanDays, type ExportLeadsPayload } from './export'

const day = (message: string) => v.pipe(v.string(message), v.check(isCalendarDate, message))

/** export.leads: two real Beijing dates, in order, at most MAX_EXPORT_DAYS apart. */
export const ExportLeadsSchema = v.pipe(
  v.object({ from: day('开始日期格式不正确'), to: day('结束日期格式不正确') }, '请求参数格式不正确'),
  v.forward(
    v.check((p) => p.from <= p.to, '结束日期不能早于开始日期'),
    ['to'],
  ),
  v.forward(
    v.check((p) => spanDays(p.from, p.to) <= MAX_EXPORT_DAYS, `一次最多导出 ${MAX_EXPORT_DAYS} 天`),
    ['to'],
  ),
) satisfies v.GenericSchema<ExportLeadsPayload, ExportLeadsPayload>
