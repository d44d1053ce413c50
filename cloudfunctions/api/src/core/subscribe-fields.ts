import { NEED_TYPE_LABELS } from '@/domain/inquiry'
import { DISTRICT_LABELS } from '@/domain/park'
import type { LeadNotice } from '../ports/notifier'
import { beijingTime, plainText } from './lead-notice'

/*
 * The data of a lead's subscribe message. A template's keys name their type (thing1,
 * phone_number3, time4 …) and each type has a limit; a value past it fails the whole send with
 * 47003, so every value is fitted here by its key's type.
 */

/** Characters allowed per value type (WeChat 订阅消息 参数值内容限制). */
export const TEMPLATE_VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  phone_number: 17,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phrase: 5,
  car_number: 8,
}

/** "thing12" → "thing". */
export const valueTypeOf = (key: string): string => key.replace(/\d+$/, '')

/**
 * The value fitted to its key's type: trimmed, never empty (an empty value is refused too), cut
 * to the type's limit in characters (code points, so no half surrogate pair) with an ellipsis
 * where the type allows one. A phone number is cut without one (only digits and symbols pass).
 */
export function fitTemplateValue(key: string, value: string): string {
  const type = valueTypeOf(key)
  const limit = TEMPLATE_VALUE_LIMITS[type]
  const text = value.replace(/\s+/g, ' ').trim() || (type === 'phone_number' ? '-' : '未填写')
  const chars = Array.from(text)
  if (limit === undefined || chars.length <= limit) return text
  if (type === 'phone_number' || type === 'number' || type === 'letter' || type === 'symbol')
    return chars.slice(0, limit).join('')
  return `${chars.slice(0, limit - 1).join('')}…`
}

/** Which notice field goes to which template key. */
export type LeadTemplateField = 'need' | 'company' | 'park' | 'phone' | 'time'
export type LeadTemplateKeys = Partial<Record<LeadTemplateField, string>>

/**
 * The default layout: a template "新线索提醒" with 需求 (thing1), 公司 (thing2), 联系电话
 * (phone_number3), 提交时间 (time4). Another template's keys: LEAD_TEMPLATE_KEYS
 * ("need=thing1,company=thing2,phone=phone_number3,time=time4,park=thing5").
 */
export const DEFAULT_LEAD_TEMPLATE_KEYS: LeadTemplateKeys = {
  need: 'thing1',
  company: 'thing2',
  phone: 'phone_number3',
  time: 'time4',
}

/** Parses LEAD_TEMPLATE_KEYS; throws on a malformed pair so a typo is seen at start-up. */
export function parseTemplateKeys(raw: string | undefined): LeadTemplateKeys {
  if (!raw?.trim()) return DEFAULT_LEAD_TEMPLATE_KEYS
  const out: LeadTemplateKeys = {}
  for (const pair of raw.split(',')) {
    const [field, key] = pair.split('=').map((s) => s.trim())
    if (!['need', 'company', 'park', 'phone', 'time'].includes(field) || !/^[a-z_]+\d+$/.test(key ?? ''))
      throw new Error(`LEAD_TEMPLATE_KEYS: bad pair "${pair}" (expected e.g. need=thing1)`)
    out[field as LeadTemplateField] = key
  }
  return out
}

function valueOf(field: LeadTemplateField, n: LeadNotice): string {
  switch (field) {
    case 'need':
      return [NEED_TYPE_LABELS[n.needType], n.district ? DISTRICT_LABELS[n.district] : undefined]
        .filter(Boolean)
        .join(' · ')
    case 'company':
      return plainText(n.company) ?? n.parkName ?? '未填写'
    case 'park':
      return n.parkName ?? '未指定园区'
    case 'phone':
      return n.maskedPhone
    case 'time':
      return beijingTime(n.createdAt)
  }
}

/** `data` of subscribeMessage.send: `{ thing1: { value } … }`, each value within its type's limit. */
export function leadTemplateData(
  n: LeadNotice,
  keys: LeadTemplateKeys = DEFAULT_LEAD_TEMPLATE_KEYS,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [field, key] of Object.entries(keys) as Array<[LeadTemplateField, string]>) {
    data[key] = { value: fitTemplateValue(key, valueOf(field, n)) }
  }
  return data
}

/** The page a tap on the message opens: the lead's detail in the staff subpackage. */
export const leadPage = (inquiryId: string): string =>
  `packages/staff/lead/index?id=${encodeURIComponent(inquiryId)}`
