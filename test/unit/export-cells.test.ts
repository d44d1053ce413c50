/**
 * Issue 8 items 12 and 14, the pure parts: cell escaping against formula injection, the row a
 * lead becomes (phones as text), the Beijing date range, the retention cut-offs and periods.
 */
import fc from 'fast-check'
import { beijingDate, beijingRangeToUtc, defaultExportRange, exportFileName, spanDays } from '@/domain/export'
import { ExportLeadsSchema } from '@/domain/export-schema'
import { validate } from '@/domain/schemas'
import { leadRow, safeCellText } from '../../cloudfunctions/api/src/core/lead-sheet'
import { monthsBefore, retentionConfigFrom } from '../../cloudfunctions/api/src/jobs/retention'
import { makeSyntheticLeads } from '../../server/synthetic-leads'

describe('safeCellText: nothing a spreadsheet could start a formula with', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes %j with a quote', (first) => {
    expect(safeCellText(`${first}1+1`)).toBe(`'${first}1+1`)
    expect(safeCellText(first)).toBe(`'${first}`)
  })

  it('leaves ordinary text alone, including a dangerous character later on', () => {
    for (const text of ['王先生', '上海某某有限公司', 'a=1', '1+1', '8 米 @ 层高', "'already", ''])
      expect(safeCellText(text)).toBe(text)
  })

  it('drops characters XML cannot carry, and then still escapes what they hid', () => {
    expect(safeCellText('a\u0000b\u001fc')).toBe('abc')
    expect(safeCellText('\u0001=CMD()')).toBe("'=CMD()")
    expect(safeCellText('line\nbreak')).toBe('line\nbreak')
  })

  it('property: no output starts with a formula character unless quoted, and the text survives', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const out = safeCellText(s)
        expect(out).not.toMatch(/^[=+\-@\t\r]/)
        // eslint-disable-next-line no-control-regex
        const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        expect(out === clean || out === `'${clean}`).toBe(true)
      }),
    )
  })
})

describe('leadRow', () => {
  it('keeps the phone as an 11-digit string, areas as numbers, labels in Chinese', () => {
    const lead = {
      ...makeSyntheticLeads(2)[1],
      phone: '13800138000',
      industry: '=1+2',
      areaMin: 800,
      stage: 'new' as const,
      version: 1,
    }
    const row = leadRow(lead)
    expect(row.phone).toBe('13800138000')
    expect(typeof row.phone).toBe('string')
    expect(row.areaMin).toBe(800)
    expect(row.industry).toBe("'=1+2")
    expect(row.stage).toBe('新线索')
    expect(row.needType).toBe('买厂房')
    expect(row.createdAt).toBe('2026-01-01 08:01')
    expect(leadRow({ ...lead, stage: 'invalid' }).stage).toBe('无效')
  })

  it("shows the desk's pipeline: stage, assignee by name, follow-up, first contact, invalid reason", () => {
    const lead = {
      ...makeSyntheticLeads(1)[0],
      stage: 'contacted' as const,
      version: 3,
      assigneeId: 's1',
      nextFollowUp: '2026-01-05',
      firstContactedAt: '2026-01-02T02:30:00.000Z',
    }
    const row = leadRow(lead, new Map([['s1', '李顾问']]))
    expect(row).toMatchObject({
      stage: '已联系',
      assignee: '李顾问',
      nextFollowUp: '2026-01-05',
      firstContactedAt: '2026-01-02 10:30',
      invalidReason: null,
    })
    // A member no longer listed still shows who it was.
    expect(leadRow(lead).assignee).toBe('s1')
    expect(leadRow({ ...lead, stage: 'invalid', invalidReason: '=HYPERLINK("x")' }).invalidReason).toBe(
      `'=HYPERLINK("x")`,
    )
  })

  it('a phone-like text in any field stays text (a leading + or - is quoted)', () => {
    const row = leadRow({
      ...makeSyntheticLeads(1)[0],
      contactName: '+8613800138000',
      company: '-5',
      stage: 'new',
      version: 1,
    })
    expect(row.contactName).toBe("'+8613800138000")
    expect(row.company).toBe("'-5")
  })
})

describe('export dates (Beijing)', () => {
  it('turns a date range into [since, until) UTC instants', () => {
    expect(beijingRangeToUtc('2026-11-01', '2026-11-30')).toEqual({
      since: '2026-10-31T16:00:00.000Z',
      until: '2026-11-30T16:00:00.000Z',
    })
  })
  it('defaults to the last 30 days, today in Beijing included', () => {
    // 2026-12-01T17:00Z is already 12-02 in Beijing.
    expect(defaultExportRange(new Date('2026-12-01T17:00:00Z'))).toEqual({
      from: '2026-11-03',
      to: '2026-12-02',
    })
    expect(beijingDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01')
    expect(spanDays('2026-11-03', '2026-12-02')).toBe(30)
    expect(exportFileName('2026-11-03', '2026-12-02')).toBe('线索导出_2026-11-03_2026-12-02.xlsx')
  })
  it('validates the range', () => {
    expect(validate(ExportLeadsSchema, { from: '2026-01-01', to: '2026-12-31' }).ok).toBe(true)
    expect(validate(ExportLeadsSchema, { from: '2026-01-01', to: '2027-01-02' })).toMatchObject({
      ok: false,
      fields: { to: '一次最多导出 366 天' },
    })
    expect(validate(ExportLeadsSchema, { from: '2026-1-1', to: '2026-01-02' })).toMatchObject({ ok: false })
  })
})

describe('retention periods', () => {
  it('cuts N calendar months back, clamped to the month end', () => {
    expect(monthsBefore(new Date('2026-12-01T01:00:00.000Z'), 24).toISOString()).toBe(
      '2024-12-01T01:00:00.000Z',
    )
    expect(monthsBefore(new Date('2026-12-01T01:00:00.000Z'), 6).toISOString()).toBe(
      '2026-06-01T01:00:00.000Z',
    )
    expect(monthsBefore(new Date('2026-08-31T12:00:00.000Z'), 6).toISOString()).toBe(
      '2026-02-28T12:00:00.000Z',
    )
    expect(monthsBefore(new Date('2026-03-15T00:00:00.000Z'), 15).toISOString()).toBe(
      '2024-12-15T00:00:00.000Z',
    )
  })
  it('reads the periods from the environment, defaults 24 and 6, refuses nonsense', () => {
    expect(retentionConfigFrom({})).toEqual({ leadMonths: 24, invalidLeadMonths: 6 })
    expect(
      retentionConfigFrom({ LEAD_RETENTION_MONTHS: '12', INVALID_LEAD_RETENTION_MONTHS: ' 3 ' }),
    ).toEqual({
      leadMonths: 12,
      invalidLeadMonths: 3,
    })
    for (const bad of ['0', '-1', '2.5', 'abc', '1000'])
      expect(() => retentionConfigFrom({ LEAD_RETENTION_MONTHS: bad })).toThrow('LEAD_RETENTION_MONTHS')
  })
})
