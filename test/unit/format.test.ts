import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { formatBeijingDateTime, formatCount, formatRelative, formatRelativeDate } from '@/domain/format'
import {
  formatArea,
  formatLotTotal,
  formatMeasure,
  formatNumber,
  formatPhone,
  formatPrice,
  formatRange,
  glue,
  lotTotalWan,
  unglue,
} from '@/domain/format-quantity'
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
  it('shows the Beijing calendar date on a phone set to another time zone', () => {
    // jest's process.env is a copy: the zone is set on a child process running the bundled module.
    const bundle = buildSync({
      entryPoints: [path.join(__dirname, '../../src/domain/format.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
    }).outputFiles[0].text
    const script = `${bundle}
      const d = '2026-04-21T09:30:00+08:00'
      process.stdout.write(JSON.stringify([new Date(d).getDate(), module.exports.formatRelativeDate(d, '${NOW}')]))`
    const run = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    })
    // 09:30 in Shanghai is the evening of 04-20 in Los Angeles; the page still says 04-21.
    expect(JSON.parse(run.stdout)).toEqual([20, '7个月前 (04-21)'])
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
  it('groups 400/800 numbers 3-3-4 and mobiles 3-4-4 for reading', () => {
    expect(formatPhone('4000123021')).toBe('400-012-3021')
    expect(formatPhone('400-012-3021')).toBe('400-012-3021')
    expect(formatPhone('8008208820')).toBe('800-820-8820')
    expect(formatPhone('13524678515')).toBe('135 2467 8515')
    expect(formatPhone('021-1234')).toBe('021-1234')
  })
  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13524678515')).toBe('135****8515')
    expect(maskPhone('+86 135-2467-8515')).toBe('135****8515')
    expect(maskPhone('12345')).toBe('*****')
  })
})

// U+2060 WORD JOINER, written out so each expectation shows exactly where a line may not break.
const J = '\u2060'

describe('quantities (domain/format-quantity)', () => {
  it('numbers: thousands separators, at most two decimals', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(1.5)).toBe('1.5')
    expect(formatNumber(1.236)).toBe('1.24')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-2500)).toBe('-2,500')
    expect(formatNumber(Number.NaN)).toBe('')
  })

  it('areas: "2,400–4,800㎡", the unit glued to its number (a range may break after the dash)', () => {
    expect(formatArea(2400, 4800)).toBe(`2,400–4,800${J}㎡`)
    expect(unglue(formatArea(2400, 4800))).toBe('2,400–4,800㎡')
    expect(formatArea(800, 800)).toBe(`800${J}㎡`)
    expect(formatArea(12000, 12000)).toBe(`12,000${J}㎡`)
    expect(formatArea(Number.NaN, Number.NaN)).toBe('')
  })

  it('prices with their unit, glued so "天" never starts a line; null (or a retired unit) is 面议', () => {
    expect(formatPrice({ value: 1.35, unit: 'yuan_m2_day' })).toBe(`1.35${J}元/m²/${J}天`)
    expect(formatPrice({ value: 8800, unit: 'yuan_m2' })).toBe(`8,800${J}元/m²`)
    expect(formatPrice({ value: 1.236, unit: 'yuan_m2_day' })).toBe(`1.24${J}元/m²/${J}天`)
    expect(formatPrice(null)).toBe('面议')
    expect(formatPrice({ value: 3000, unit: 'wan' as 'yuan_m2' })).toBe('面议')
  })

  it('measures: floor height, load, power', () => {
    expect(formatMeasure(8, '米')).toBe(`8${J}米`)
    expect(formatMeasure(1500, 'kg/㎡')).toBe(`1,500kg/${J}㎡`)
    expect(formatMeasure(2000, 'kVA')).toBe('2,000kVA')
  })

  it('filter ranges read naturally at either open end', () => {
    expect(formatRange(1, 1.5, '元/m²/天')).toBe(`1–1.5${J}元/m²/${J}天`)
    expect(formatRange(undefined, 500, '㎡')).toBe(`500${J}㎡${J}以${J}下`)
    expect(formatRange(8000, undefined, '元/m²')).toBe(`8,000${J}元/m²${J}以${J}上`)
    expect(formatRange(undefined, undefined, '㎡')).toBe('')
  })

  it('glue is idempotent and unglue restores the plain text', () => {
    const s = '2,400–4,800㎡'
    expect(glue(glue(s))).toBe(glue(s))
    expect(unglue(glue(s))).toBe(s)
  })

  it('a sale lot’s total in 万元 is derived from its unit price and single area', () => {
    const lot = {
      deal: 'sale' as const,
      price: { value: 1500, unit: 'yuan_m2' as const },
      areaMin: 20000,
      areaMax: 20000,
    }
    expect(lotTotalWan(lot)).toBe(3000)
    expect(formatLotTotal(lot)).toBe(`总价约3,000${J}万${J}元`)
    // 900万元 for 50亩 (33,333㎡) became 270 元/m²: the total reads back as about 900.
    expect(
      formatLotTotal({ ...lot, price: { value: 270, unit: 'yuan_m2' }, areaMin: 33333, areaMax: 33333 }),
    ).toBe(`总价约900${J}万${J}元`)
    expect(
      formatLotTotal({ ...lot, price: { value: 8000, unit: 'yuan_m2' }, areaMin: 10, areaMax: 10 }),
    ).toBe(`总价约8${J}万${J}元`)
    // No total for rent, a range of areas, or 面议.
    expect(formatLotTotal({ ...lot, deal: 'rent', price: { value: 1.2, unit: 'yuan_m2_day' } })).toBeNull()
    expect(formatLotTotal({ ...lot, areaMax: 40000 })).toBeNull()
    expect(formatLotTotal({ ...lot, price: null })).toBeNull()
  })
})

describe('formatBeijingDateTime', () => {
  it('shows Beijing time whatever offset the instant was written in', () => {
    expect(formatBeijingDateTime('2026-11-20T10:30:00+08:00')).toBe('2026-11-20 10:30')
    expect(formatBeijingDateTime('2026-11-20T02:30:00.000Z')).toBe('2026-11-20 10:30')
    // Across midnight: 17:00 UTC is 01:00 the next day in Beijing.
    expect(formatBeijingDateTime('2026-12-31T17:00:00Z')).toBe('2027-01-01 01:00')
  })
  it('is empty for an unreadable time', () => {
    expect(formatBeijingDateTime('not a date')).toBe('')
  })
})
