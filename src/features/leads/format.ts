import { DISTRICT_LABELS } from '@/domain/park'
import {
  CONTACT_EVENT_KIND_LABELS,
  NEED_TYPE_LABELS,
  TAX_BRACKET_LABELS,
  type ContactEventKind,
} from '@/domain/inquiryOptions'
import { LEAD_STAGE_LABELS, type LeadStage } from '@/domain/lead-pipeline'
import type { LeadListItem } from '@/domain/lead-desk'
import { DIRECT_LABEL, sourceLabel } from '@/domain/source-label'
import { formatArea, formatRange } from '@/domain/format-quantity'

export { LEAD_STAGE_LABELS, NEED_TYPE_LABELS, TAX_BRACKET_LABELS, DISTRICT_LABELS }

export const TAP_LABELS: Record<ContactEventKind, string> = CONTACT_EVENT_KIND_LABELS

export const stageLabel = (s: LeadStage) => LEAD_STAGE_LABELS[s] ?? s

/** Where the row says the lead came from: park, else source, else 直接访问. */
export function originOf(item: Pick<LeadListItem, 'parkName' | 'source'>): string {
  if (item.parkName) return item.parkName
  const source = sourceLabel(item.source)
  return source === DIRECT_LABEL ? DIRECT_LABEL : `来源 ${source}`
}

/** Follow-up badge: 逾期 / 今天 / the date. */
export function followUpLabel(
  date: string,
  today: string,
): { text: string; tone: 'overdue' | 'today' | 'later' } {
  if (date < today) return { text: `逾期 ${date.slice(5)}`, tone: 'overdue' }
  if (date === today) return { text: '今天跟进', tone: 'today' }
  return { text: `${date.slice(5)} 跟进`, tone: 'later' }
}

/** The area a lead asked for, in the domain's one area format ("1,000–3,000㎡", "500㎡以上"). */
export function areaText(min?: number, max?: number): string {
  if (min && max) return formatArea(min, max)
  if (min || max) return formatRange(min || undefined, max || undefined, '㎡')
  return '未填写'
}
