/**
 * Subscribe-message values fitted to their key's type (a value past its limit fails the whole
 * send with 47003), and the robot's markdown kept within 4,096 bytes with free text defused.
 */
import {
  fitTemplateValue,
  leadPage,
  leadTemplateData,
  parseTemplateKeys,
} from '../../cloudfunctions/api/src/core/subscribe-fields'
import {
  capBytes,
  formatNoticeMarkdown,
  MARKDOWN_MAX_BYTES,
  plainText,
} from '../../cloudfunctions/api/src/core/lead-notice'
import type { LeadNotice } from '../../cloudfunctions/api/src/ports/notifier'

const chars = (s: string) => Array.from(s).length

describe('fitTemplateValue', () => {
  it('cuts thing to 20, name to 10, phone_number to 17 characters', () => {
    const long = '上海某某精密机械制造有限公司第二分公司浦东研发中心'
    expect(chars(fitTemplateValue('thing2', long))).toBe(20)
    expect(fitTemplateValue('thing2', long).endsWith('…')).toBe(true)
    expect(fitTemplateValue('thing2', '二十个字以内不截断')).toBe('二十个字以内不截断')
    expect(chars(fitTemplateValue('name5', '欧阳诸葛司马上官东方先生'))).toBe(10)
    const phone = fitTemplateValue('phone_number3', '+86-135-2467-8515-0000')
    expect(phone).toBe('+86-135-2467-8515')
    expect(phone).not.toContain('…')
  })

  it('counts code points: an emoji is never cut in half', () => {
    const v = fitTemplateValue('thing1', '😀'.repeat(25))
    expect(chars(v)).toBe(20)
    expect(v).toBe(`${'😀'.repeat(19)}…`)
    expect(v).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it('never sends an empty value; leaves unlimited types alone', () => {
    expect(fitTemplateValue('thing1', '   ')).toBe('未填写')
    expect(fitTemplateValue('phone_number3', '')).toBe('-')
    expect(fitTemplateValue('time4', '2026-05-01 10:00')).toBe('2026-05-01 10:00')
  })
})

const notice: LeadNotice = {
  inquiryId: 'abc123',
  status: 'new',
  needType: 'rent-factory',
  district: 'songjiang',
  company: '上海某某精密机械制造有限公司第二分公司浦东研发中心',
  maskedPhone: '135****8515',
  createdAt: '2026-05-01T02:00:00.000Z',
}

describe('a lead subscribe message', () => {
  it('fits every field and opens the lead detail', () => {
    const data = leadTemplateData(notice)
    expect(Object.keys(data)).toEqual(['thing1', 'thing2', 'phone_number3', 'time4'])
    expect(chars(data.thing2.value)).toBe(20)
    expect(data.time4.value).toBe('2026-05-01 10:00')
    expect(leadPage('abc123')).toBe('packages/staff/lead/index?id=abc123')
  })

  it('LEAD_TEMPLATE_KEYS maps fields to another template; a typo throws', () => {
    expect(parseTemplateKeys('need=thing3, park=thing7')).toEqual({ need: 'thing3', park: 'thing7' })
    expect(() => parseTemplateKeys('need=thing')).toThrow(/LEAD_TEMPLATE_KEYS/)
    expect(() => parseTemplateKeys('phone number=phone_number1')).toThrow(/LEAD_TEMPLATE_KEYS/)
  })
})

describe('the robot markdown', () => {
  it('names the company without its markup and caps the message at 4,096 bytes', () => {
    expect(plainText('**坏公司**\n> <@all> [点我](http://x)')).toBe('坏公司 @all 点我http://x')
    const md = formatNoticeMarkdown({ ...notice, company: '**x**\n<font color="warning">y</font>' })
    expect(md).toContain('> 公司：x font color="warning"y/font')
    expect(md.split('\n').every((l) => !l.startsWith('<'))).toBe(true)
    const big = Array.from({ length: 400 }, (_, i) => `> 第 ${i} 行：一些中文内容`).join('\n')
    const capped = capBytes(big)
    expect(Buffer.byteLength(capped, 'utf8')).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES)
    expect(capped.endsWith('……（其余见工作台）')).toBe(true)
  })
})
