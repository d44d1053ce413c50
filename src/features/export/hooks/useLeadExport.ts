import { useCallback, useRef, useState } from 'react'
import { defaultExportRange, MAX_EXPORT_DAYS, spanDays, type ExportLeadsResult } from '@/domain/export'
import type { ApiError } from '@/domain/result'
import { exportLeads } from '../api'
import { deliverExport, type Delivery } from '../deliver'

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'done'; result: ExportLeadsResult; delivery: Delivery | 'empty' }
  | { kind: 'error'; error: ApiError }

const FORBIDDEN_MESSAGE = '只有负责人可以导出线索，如需导出请联系负责人'
const DELIVERY_MESSAGE = '文件已生成，但未能打开，请重试'

/** The range check the server makes too, so a wrong range never costs a round trip. */
export function rangeProblem(from: string, to: string): string | null {
  if (from > to) return '结束日期不能早于开始日期'
  if (spanDays(from, to) > MAX_EXPORT_DAYS) return `一次最多导出 ${MAX_EXPORT_DAYS} 天`
  return null
}

/**
 * The export page's state: the date range (default the last 30 days, Beijing), one export at a
 * time, and what came of it. A second tap while one runs is ignored.
 */
export function useLeadExport(now: () => Date = () => new Date()) {
  const [range, setRange] = useState(() => defaultExportRange(now()))
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const running = useRef(false)

  const run = useCallback(async () => {
    if (running.current) return
    const problem = rangeProblem(range.from, range.to)
    if (problem) {
      setState({ kind: 'error', error: { code: 'VALIDATION', message: problem } })
      return
    }
    running.current = true
    setState({ kind: 'exporting' })
    try {
      const res = await exportLeads(range)
      if (!res.ok) {
        const error =
          res.error.code === 'FORBIDDEN' ? { ...res.error, message: FORBIDDEN_MESSAGE } : res.error
        setState({ kind: 'error', error })
        return
      }
      if (res.data.rows === 0) {
        setState({ kind: 'done', result: res.data, delivery: 'empty' })
        return
      }
      try {
        const delivery = await deliverExport(res.data)
        setState({ kind: 'done', result: res.data, delivery })
      } catch {
        setState({ kind: 'error', error: { code: 'NETWORK', message: DELIVERY_MESSAGE } })
      }
    } finally {
      running.current = false
    }
  }, [range])

  const setFrom = useCallback((from: string) => {
    setRange((r) => ({ ...r, from }))
    setState({ kind: 'idle' })
  }, [])
  const setTo = useCallback((to: string) => {
    setRange((r) => ({ ...r, to }))
    setState({ kind: 'idle' })
  }, [])

  return { range, setFrom, setTo, state, run, today: defaultExportRange(now()).to }
}
