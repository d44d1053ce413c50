/**
 * The inquiry's options, labels and result shapes — plain data with no validator, so a page
 * that only displays them (我的咨询) does not carry valibot. The schema is in ./inquiry.ts.
 */
export const NEED_TYPES = [
  'rent-factory',
  'buy-factory',
  'buy-land',
  'office',
  'registration',
  'other',
] as const
export type NeedType = (typeof NEED_TYPES)[number]
export const NEED_TYPE_LABELS: Record<NeedType, string> = {
  'rent-factory': '租厂房',
  'buy-factory': '买厂房',
  'buy-land': '买地',
  office: '办公研发',
  registration: '注册落户',
  other: '其他',
}

/** Annual tax paid (万元/年): parks admit tenants by it. */
export const TAX_BRACKETS = ['lt-50', '50-200', '200-500', '500-1000', 'gt-1000'] as const
export type TaxBracket = (typeof TAX_BRACKETS)[number]
export const TAX_BRACKET_LABELS: Record<TaxBracket, string> = {
  'lt-50': '50万元以下',
  '50-200': '50–200万元',
  '200-500': '200–500万元',
  '500-1000': '500–1000万元',
  'gt-1000': '1000万元以上',
}

export const INQUIRY_LIMITS = {
  contactName: 20,
  company: 50,
  industry: 50,
  remark: 500,
} as const

export const INQUIRY_STATUSES = ['new', 'review', 'contacted', 'closed'] as const
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number]
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  new: '已提交，待联系',
  review: '已提交，审核中',
  contacted: '已联系',
  closed: '已完成',
}

/** What the visitor sees of their own inquiries (no phone in full). */
export interface InquirySummary {
  id: string
  needType: NeedType
  parkId?: string
  parkName?: string
  status: InquiryStatus
  createdAt: string
}

export interface SubmitResult {
  inquiryId: string
  status: InquiryStatus
  /** True when this key was already stored: a retry or a double tap. */
  duplicate: boolean
}

/** Contact taps recorded for the agency, batched and fire-and-forget on the client. */
export const CONTACT_EVENT_KINDS = [
  'call',
  'copy-wechat',
  'view-qr',
  'add-contact',
  'open-inquiry',
  'kefu',
] as const
export type ContactEventKind = (typeof CONTACT_EVENT_KINDS)[number]

/** What staff read for each kind of tap (lead detail, charts). */
export const CONTACT_EVENT_KIND_LABELS: Record<ContactEventKind, string> = {
  call: '拨打电话',
  'copy-wechat': '复制微信号',
  'view-qr': '查看二维码',
  'add-contact': '存入通讯录',
  'open-inquiry': '打开留言',
  kefu: '在线咨询',
}
