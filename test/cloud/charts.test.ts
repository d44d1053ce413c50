/**
 * The desk's charts (issue 8 item 13): `stats.charts` through the real router over SQLite (GROUP
 * BY, sqlite/charts.ts) and over the CloudBase double (paged reads counted in code,
 * cloudbase-charts.ts), with leads and contact taps seeded across Beijing days, stages, sources
 * and parks: both answer the same exact numbers.
 */
import type { ChartsData } from '@/domain/charts'
import { deskEnv, type Backend, type DeskEnv } from './desk-fixtures'
import { data, HOUR, MINUTE } from './inquiry-fixtures'

const BACKENDS: Backend[] = ['sqlite', 'cloudbase']

describe.each(BACKENDS)('stats.charts over %s', (backend) => {
  let env: DeskEnv
  beforeEach(() => {
    env = deskEnv(backend)
  })
  afterEach(() => env.close())

  let seq = 0
  const submitAt = async (iso: string, context: Record<string, string> = {}) => {
    env.clock.set(iso)
    seq += 1
    return env.submit(`o-c${seq}`, { context: context as never })
  }
  const update = async (id: string, version: number, stage: string, who = 's-agent') => {
    const reason = stage === 'invalid' ? { invalidReason: '空号/打不通' } : {}
    const res = await env.staff('leads.update', { id, version, stage, ...reason }, who)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
  }
  const tap = async (kind: string, at: string) => {
    env.clock.set(at)
    const res = await env.visitor(
      'events.record',
      { events: [{ kind, page: '/pages/index/index', at }] },
      `o-t${++seq}`,
    )
    if (!res.ok) throw new Error(JSON.stringify(res.error))
  }
  const charts = async (payload: object = {}) => data<ChartsData>(await env.staff('stats.charts', payload))

  /**
   * "Today" is 2026-05-31 (Beijing). Leads: 05-31 ×3 (one at 23:30 Beijing = 15:30 UTC), 05-30 ×1
   * at 00:10 Beijing (16:10 UTC on 05-29: a UTC-day grouping would put it on 05-29), 05-02 ×1
   * (the range's first day), 05-01 ×1 (outside the default range).
   */
  async function seed() {
    const a = await submitAt('2026-05-31T01:00:00.000Z', { source: 'pst01', parkId: 'p012' })
    const b = await submitAt('2026-05-31T02:00:00.000Z', { source: 'pst01', parkId: 'p013' })
    const c = await submitAt('2026-05-31T15:30:00.000Z', { source: 'qr02', parkId: 'p012' })
    const d = await submitAt('2026-05-29T16:10:00.000Z', {})
    const e = await submitAt('2026-05-02T03:00:00.000Z', { source: 'ad03' })
    await submitAt('2026-05-01T03:00:00.000Z', { source: 'old99', parkId: 'p013' })
    // Pipeline: a → signed, b → visiting, c → contacted, d → invalid, e stays new.
    env.clock.set('2026-05-31T15:40:00.000Z')
    await update(a, 1, 'contacted') // 14 h 40 min after it came in
    await update(a, 2, 'visiting')
    await update(a, 3, 'signed')
    await update(b, 1, 'contacted', 's-owner') // 13 h 40 min
    await update(b, 2, 'visiting', 's-owner')
    await update(c, 1, 'contacted') // 10 min
    await update(d, 1, 'invalid')
    await tap('call', '2026-05-31T02:00:00.000Z')
    await tap('call', '2026-05-20T02:00:00.000Z')
    await tap('view-qr', '2026-05-30T02:00:00.000Z')
    await tap('copy-wechat', '2026-04-01T02:00:00.000Z') // outside
    env.clock.set('2026-05-31T15:50:00.000Z') // 23:50 Beijing, 05-31
    return { a, b, c, d, e }
  }

  it('answers every chart of the last 30 Beijing days with exact numbers', async () => {
    await seed()
    const out = await charts()
    expect(out).toMatchObject({
      from: '2026-05-02',
      to: '2026-05-31',
      totalLeads: 5,
      invalid: 1,
      totalTaps: 3,
    })
    expect(out.days).toHaveLength(30)
    expect(out.days[0]).toEqual({ date: '2026-05-02', count: 1, pct: 33 })
    expect(out.days.find((d) => d.date === '2026-05-30')).toEqual({ date: '2026-05-30', count: 1, pct: 33 })
    expect(out.days.find((d) => d.date === '2026-05-29')).toEqual({ date: '2026-05-29', count: 0, pct: 0 })
    expect(out.days[29]).toEqual({ date: '2026-05-31', count: 3, pct: 100 })
    expect(out.days.filter((d) => d.count === 0)).toHaveLength(27)
    expect(out.sources).toEqual([
      { key: 'pst01', label: 'pst01', count: 2, pct: 100 },
      { key: 'ad03', label: 'ad03', count: 1, pct: 50 },
      { key: 'qr02', label: 'qr02', count: 1, pct: 50 },
      { key: 'direct', label: '直接访问', count: 1, pct: 50 },
    ])
    expect(out.parks).toEqual([
      { key: 'p012', label: '松江G60智造园', count: 2, pct: 100 },
      { key: 'p013', label: '嘉定汽车城厂房', count: 1, pct: 50 },
    ])
    expect(out.funnel).toEqual([
      { stage: 'new', label: '新线索', count: 1, reached: 4, pct: 100, conversion: null },
      { stage: 'contacted', label: '已联系', count: 1, reached: 3, pct: 75, conversion: 75 },
      { stage: 'visiting', label: '已约看', count: 1, reached: 2, pct: 50, conversion: 66.7 },
      { stage: 'signed', label: '已签约', count: 1, reached: 1, pct: 25, conversion: 50 },
    ])
    expect(out.taps).toEqual([
      { key: 'call', label: '拨打电话', count: 2, pct: 100 },
      { key: 'view-qr', label: '查看二维码', count: 1, pct: 50 },
    ])
    // a: 14 h 40 min, b: 13 h 40 min, c: 10 min → median 13 h 40 min = 820.
    expect(out.response).toEqual({
      leads: 5,
      contacted: 3,
      medianMinutes: 820,
      agents: [
        { id: 's-agent', name: '李顾问', contacted: 2, medianMinutes: Math.round((880 + 10) / 2) },
        { id: 's-owner', name: '张经理', contacted: 1, medianMinutes: 820 },
      ],
    })
  })

  it('takes a range of Beijing days; a lead just after midnight Beijing counts on its Beijing day', async () => {
    await seed()
    const out = await charts({ from: '2026-05-30', to: '2026-05-30' })
    expect(out.days).toEqual([{ date: '2026-05-30', count: 1, pct: 100 }])
    expect(out.totalLeads).toBe(1)
    expect(out.sources).toEqual([{ key: 'direct', label: '直接访问', count: 1, pct: 100 }])
    expect(out.parks).toEqual([])
    expect(out.invalid).toBe(1)
    expect(out.funnel.map((s) => s.reached)).toEqual([0, 0, 0, 0])
    expect(out.taps).toEqual([{ key: 'view-qr', label: '查看二维码', count: 1, pct: 100 }])
    expect(out.response).toEqual({ leads: 1, contacted: 0, medianMinutes: null, agents: [] })
  })

  it('with nothing recorded: 30 empty days and empty lists, not an error', async () => {
    env.clock.set('2026-05-31T04:00:00.000Z')
    const out = await charts()
    expect(out.days).toHaveLength(30)
    expect(out.days.every((d) => d.count === 0 && d.pct === 0)).toBe(true)
    expect(out).toMatchObject({ totalLeads: 0, totalTaps: 0, sources: [], parks: [], taps: [], invalid: 0 })
    expect(out.funnel.every((s) => s.reached === 0 && s.conversion === null)).toBe(true)
  })

  it('refuses a reversed or too long range (VALIDATION on 开始日期, in Chinese)', async () => {
    const reversed = await env.staff('stats.charts', { from: '2026-05-10', to: '2026-05-01' })
    expect(!reversed.ok && reversed.error).toMatchObject({
      code: 'VALIDATION',
      fields: { from: '开始日期不能晚于结束日期' },
    })
    const long = await env.staff('stats.charts', { from: '2026-01-01', to: '2026-05-01' })
    expect(!long.ok && long.error).toMatchObject({ code: 'VALIDATION', fields: { from: '最多查看 31 天' } })
  })

  it('is for staff only: a visitor gets FORBIDDEN', async () => {
    const res = await env.visitor('stats.charts', {}, 'o-stranger')
    expect(!res.ok && res.error.code).toBe('FORBIDDEN')
  })
})

void HOUR
void MINUTE
