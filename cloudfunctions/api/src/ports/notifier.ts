import type { InquiryStatus, NeedType } from '@/domain/inquiry'
import type { District } from '@/domain/park'

/**
 * What the agency is told about a new lead, at once. Deliberately no free text (name, company,
 * remark) and only the masked phone: the notice leaves our storage (a WeCom group, a console),
 * so it carries the minimum needed to know a lead is waiting (PIPL Art. 6). Every field here is
 * a picklist value, a pattern-checked token or server data, so nothing in it can inject markup.
 */
export interface LeadNotice {
  inquiryId: string
  status: InquiryStatus
  flagged?: string
  needType: NeedType
  district?: District
  areaMin?: number
  areaMax?: number
  parkId?: string
  parkName?: string
  articleId?: string
  source?: string
  /**
   * The company as the visitor typed it (free text, the one exception above: the issue asks the
   * robot to name it). Formatters pass it through `plainText` (core/lead-notice.ts), which strips
   * markup and caps its length.
   */
  company?: string
  /** maskPhone(phone): "135****8515". */
  maskedPhone: string
  createdAt: string
}

export interface NotifierPort {
  /** May reject; the caller logs the failure and never fails the submission over it. */
  notify(notice: LeadNotice): Promise<void>
}
