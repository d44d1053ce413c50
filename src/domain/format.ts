import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

/** "7个月前 (09-21)" as on the agency's site; "刚刚" for the last minute. */
export function formatRelativeDate(iso: string, now: Date | string = new Date()): string {
  const date = dayjs(iso)
  if (!date.isValid()) return ''
  const ref = dayjs(now)
  const diffSeconds = ref.diff(date, 'second')
  const relative = diffSeconds < 60 && diffSeconds >= 0 ? '刚刚' : date.from(ref).replace(/\s+/g, '')
  return `${relative} (${date.format('MM-DD')})`
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

/** 4000123021 → "400-0123-021"; 13524678515 → "135 2467 8515" */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, '')
  if (/^400\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`
  if (/^1\d{10}$/.test(d)) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`
  return digits
}
