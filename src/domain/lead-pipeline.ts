/**
 * The lead desk's pipeline (issue 8 item 7): stages, labels and the ONE table of allowed
 * transitions, shared by the desk pages (which buttons to show) and the cloud handler (which
 * changes to accept). Plain data, no validator, so the desk pages stay small.
 */
import type { InquiryStatus } from './inquiryOptions'

export const LEAD_STAGES = ['new', 'contacted', 'visiting', 'signed', 'invalid'] as const
export type LeadStage = (typeof LEAD_STAGES)[number]

export const LEAD_STAGE_LABELS: Record<LeadStage, string> = {
  new: '新线索',
  contacted: '已联系',
  visiting: '已约看',
  signed: '已签约',
  invalid: '无效',
}

/**
 * Forward one step at a time (so every lead that reached 已约看 has a first-contact time), 无效
 * from any open stage, and a lead marked 无效 by mistake can be reopened as 新线索. 已签约 is final.
 */
export const LEAD_TRANSITIONS: Record<LeadStage, readonly LeadStage[]> = {
  new: ['contacted', 'invalid'],
  contacted: ['visiting', 'invalid'],
  visiting: ['signed', 'invalid'],
  signed: [],
  invalid: ['new'],
}

export const canTransition = (from: LeadStage, to: LeadStage): boolean => LEAD_TRANSITIONS[from].includes(to)

/** Stages a lead can be in after any number of allowed transitions from 新线索 (all of them). */
export function reachableStages(from: LeadStage = 'new'): Set<LeadStage> {
  const seen = new Set<LeadStage>([from])
  const queue: LeadStage[] = [from]
  while (queue.length) {
    for (const next of LEAD_TRANSITIONS[queue.shift()!]) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

/** Open stages: a follow-up date on these is due; closed leads drop out of the due block. */
export const OPEN_STAGES: readonly LeadStage[] = ['new', 'contacted', 'visiting']

/** What the visitor's 我的咨询 shows once staff move the lead (the review flag is kept while 新线索). */
export function visitorStatusFor(stage: LeadStage, current: InquiryStatus): InquiryStatus {
  if (stage === 'contacted' || stage === 'visiting') return 'contacted'
  if (stage === 'signed') return 'closed'
  // 新线索 (incl. reopened) and 无效: the visitor keeps what they saw ('new' or 'review').
  return current
}

/** Stage of a lead stored before the desk existed, from its visitor-facing status. */
export function stageForLegacyStatus(status: InquiryStatus): LeadStage {
  if (status === 'contacted') return 'contacted'
  if (status === 'closed') return 'signed'
  return 'new' // 'new' and 'review' (the review flag stays on the lead, shown as 待审核)
}

export const INVALID_REASON_MAX = 100
export const NOTE_MAX = 500

/** Common reasons offered as one tap; free text is allowed too. */
export const INVALID_REASON_PRESETS = [
  '空号/打不通',
  '重复咨询',
  '需求不符',
  '同行/广告',
  '测试数据',
] as const

/** Beijing calendar date "YYYY-MM-DD" of an instant (the agency works in UTC+8, no DST). */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** UTC ISO instant of 00:00 Beijing time on a "YYYY-MM-DD" date. */
export function beijingDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

/** Minutes from arrival to first 已联系, rounded; null while not contacted. */
export function responseMinutes(createdAt: string, firstContactedAt?: string | null): number | null {
  if (!firstContactedAt) return null
  return Math.max(0, Math.round((Date.parse(firstContactedAt) - Date.parse(createdAt)) / 60_000))
}

/** "不到 1 分钟", "25 分钟", "3 小时 5 分", "2 天 4 小时". */
export function formatDuration(minutes: number): string {
  if (minutes < 1) return '不到 1 分钟'
  if (minutes < 60) return `${minutes} 分钟`
  if (minutes < 24 * 60) {
    const m = minutes % 60
    return m ? `${Math.floor(minutes / 60)} 小时 ${m} 分` : `${minutes / 60} 小时`
  }
  const h = Math.floor((minutes % (24 * 60)) / 60)
  return `${Math.floor(minutes / (24 * 60))} 天${h ? ` ${h} 小时` : ''}`
}

export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2)
}
