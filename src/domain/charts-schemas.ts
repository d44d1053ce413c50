import * as v from 'valibot'
import { CHART_MAX_DAYS, datesBetween } from './charts'
import { date } from './lead-desk-schemas'

/** `stats.charts`: an optional range of Beijing dates (both inclusive); default the last 30 days. */
export const ChartsSchema = v.pipe(
  v.object({ from: v.optional(date('开始日期')), to: v.optional(date('结束日期')) }, '请求参数格式不正确'),
  // Reported on 开始日期, so the message reaches the caller as a field error.
  v.forward(
    v.partialCheck([['from'], ['to']], (p) => !p.from || !p.to || p.from <= p.to, '开始日期不能晚于结束日期'),
    ['from'],
  ),
  v.forward(
    v.partialCheck(
      [['from'], ['to']],
      (p) => !p.from || !p.to || datesBetween(p.from, p.to).length <= CHART_MAX_DAYS,
      `最多查看 ${CHART_MAX_DAYS} 天`,
    ),
    ['from'],
  ),
)
export type ChartsPayload = v.InferInput<typeof ChartsSchema>
