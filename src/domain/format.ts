import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(relativeTime)
dayjs.extend(utc)
dayjs.locale('zh-cn')

/**
 * "7个月前 (09-21)" as on the agency's site; "刚刚" for the last minute. The date is the Beijing
 * calendar date, whatever the phone's time zone: an article dated 09-21 in Shanghai reads 09-21
 * on a phone set to another zone too.
 */
export function formatRelativeDate(iso: string, now: Date | string = new Date()): string {
  const date = dayjs(iso)
  if (!date.isValid()) return ''
  const ref = dayjs(now)
  const diffSeconds = ref.diff(date, 'second')
  const relative = diffSeconds < 60 && diffSeconds >= 0 ? '刚刚' : date.from(ref).replace(/\s+/g, '')
  return `${relative} (${date.utcOffset(8 * 60).format('MM-DD')})`
}

/** Relative part only, for compact list rows. */
export function formatRelative(iso: string, now: Date | string = new Date()): string {
  return formatRelativeDate(iso, now).replace(/\s\(.*\)$/, '')
}

/** 1234 → "1234", 12345 → "1.2万" */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '0'
  if (n < 10000) return String(Math.floor(n))
  return `${(Math.floor(n / 1000) / 10).toFixed(1).replace(/\.0$/, '')}万`
}

// Phone numbers, areas and prices: format-quantity.ts (no dayjs there, so the cloud function
// can use it). Re-exported so pages that format dates and phones import one module.
export { formatPhone } from './format-quantity'

/**
 * "2026-11-20 10:30" in Beijing time (UTC+8, no daylight saving), whatever the phone's time
 * zone: the agency works in it. '' for an unreadable time.
 */
export function formatBeijingDateTime(iso: string): string {
  const date = dayjs(iso)
  if (!date.isValid()) return ''
  return date.utcOffset(8 * 60).format('YYYY-MM-DD HH:mm')
}
