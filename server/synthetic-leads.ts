import { NEED_TYPES, TAX_BRACKETS } from '@/domain/inquiryOptions'
import { DISTRICTS } from '@/domain/park'
import type { InquiryRecord } from '../cloudfunctions/api/src/ports/lead-store'

/** Texts a spreadsheet would take for formulas: every 7th lead carries one (the export escapes them). */
export const HOSTILE_TEXTS = ['=HYPERLINK("http://x","点我")', '+86 021', '-1+2', '@SUM(A1)', '\tTAB', '\rCR']

/**
 * `count` leads for benches and tests, one a minute from `start` (ISO), with every optional
 * field in rotation and distinct phones. Deterministic: the same arguments give the same leads.
 */
export function makeSyntheticLeads(count: number, start = '2026-01-01T00:00:00.000Z'): InquiryRecord[] {
  const t0 = Date.parse(start)
  const out: InquiryRecord[] = []
  for (let i = 0; i < count; i++) {
    const at = new Date(t0 + i * 60_000).toISOString()
    const hostile = i % 7 === 3 ? HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] : undefined
    const r: InquiryRecord = {
      id: `lead${String(i).padStart(6, '0')}`,
      openid: `o-synthetic-${i % 500}`,
      idempotencyKey: `synthetic-key-${String(i).padStart(8, '0')}`,
      needType: NEED_TYPES[i % NEED_TYPES.length],
      industry: hostile ?? `行业${i % 30}`,
      company: `上海合成${i}号精密制造有限公司`,
      contactName: `联系人${i % 100}`,
      phone: `139${String(i).padStart(8, '0')}`,
      remark: i % 5 === 0 ? '' : `需要层高 8 米以上，第 ${i} 条`,
      consent: true,
      status: i % 11 === 0 ? 'review' : 'new',
      createdAt: at,
      updatedAt: at,
    }
    if (i % 2 === 0) {
      r.areaMin = 500 + (i % 20) * 100
      r.areaMax = r.areaMin + 1000
    }
    if (i % 3 !== 0) r.district = DISTRICTS[i % DISTRICTS.length]
    if (i % 4 !== 0) r.taxBracket = TAX_BRACKETS[i % TAX_BRACKETS.length]
    if (i % 6 === 0) {
      r.source = 'poster1'
      r.parkId = 'p012'
      r.parkName = '松江G60智造园'
    }
    out.push(r)
  }
  return out
}
