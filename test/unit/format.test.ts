import { formatCount, formatPhone, formatRelative, formatRelativeDate } from '@/domain/format'
import { maskPhone } from '@/domain/phone'

const NOW = '2026-11-26T12:00:00+08:00'

describe('formatRelativeDate', () => {
  it('reads like the agency site: months ago with the date', () => {
    expect(formatRelativeDate('2026-04-21T09:30:00+08:00', NOW)).toBe('7个月前 (04-21)')
  })
  it('covers days, hours and years in Chinese with no spaces', () => {
    expect(formatRelativeDate('2026-11-23T12:00:00+08:00', NOW)).toBe('3天前 (11-23)')
    expect(formatRelativeDate('2026-11-26T09:00:00+08:00', NOW)).toBe('3小时前 (11-26)')
    expect(formatRelativeDate('2024-09-21T09:00:00+08:00', NOW)).toBe('2年前 (09-21)')
  })
  it('says 刚刚 within the last minute', () => {
    expect(formatRelativeDate('2026-11-26T11:59:30+08:00', NOW)).toBe('刚刚 (11-26)')
  })
  it('returns an empty string for an invalid date instead of "Invalid Date"', () => {
    expect(formatRelativeDate('not a date', NOW)).toBe('')
  })
  it('formatRelative drops the date part for compact rows', () => {
    expect(formatRelative('2026-04-21T09:30:00+08:00', NOW)).toBe('7个月前')
  })
})

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [34, '34'],
    [9999, '9999'],
    [12345, '1.2万'],
    [20000, '2万'],
    [-1, '0'],
    [Number.NaN, '0'],
  ])('%p → %p', (n, expected) => expect(formatCount(n)).toBe(expected))
})

describe('phones', () => {
  it('groups the 400 hotline and mobiles for reading', () => {
    expect(formatPhone('4000123021')).toBe('400-0123-021')
    expect(formatPhone('13524678515')).toBe('135 2467 8515')
    expect(formatPhone('021-1234')).toBe('021-1234')
  })
  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13524678515')).toBe('135****8515')
    expect(maskPhone('+86 135-2467-8515')).toBe('135****8515')
    expect(maskPhone('12345')).toBe('*****')
  })
})
