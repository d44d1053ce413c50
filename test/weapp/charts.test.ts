/**
 * 数据看板 as WeChat runs it (BUILT dist/ in miniprogram-simulate, `wx` stubbed, issue 8 item 13):
 * the page asks stats.charts through the cloud function, draws 30 day columns, the bar lists
 * and the funnel with their numbers, and sizes them from the answer's percentages.
 * Build first: `npm run build:weapp`.
 */
import { channelFunnel, fillDays, funnelOf, topBars } from '@/domain/charts'
import { weappSuite } from './harness'

const h = weappSuite()

const CHARTS = 'packages/staff/charts/index'

const data = {
  from: '2026-05-02',
  to: '2026-05-31',
  totalLeads: 12,
  days: fillDays(
    [
      { date: '2026-05-10', count: 3 },
      { date: '2026-05-31', count: 9 },
    ],
    '2026-05-02',
    '2026-05-31',
  ),
  sources: topBars(
    [
      { key: 'pst01', count: 8 },
      { key: null, count: 4 },
    ],
    6,
    '直接访问',
  ),
  parks: topBars([{ key: 'p012', label: '松江G60智造园', count: 6 }], 10, ''),
  funnel: funnelOf({ new: 5, contacted: 4, visiting: 2, signed: 1 }),
  invalid: 0,
  taps: topBars([{ key: 'call', label: '拨打电话', count: 5 }], 6, ''),
  totalTaps: 5,
  response: {
    leads: 12,
    contacted: 7,
    medianMinutes: 42,
    agents: [{ id: 's1', name: '李顾问', contacted: 7, medianMinutes: 42 }],
  },
  ...channelFunnel(
    [
      { date: '2026-05-31', source: 'abc123', metric: 'scan', count: 4 },
      { date: '2026-05-31', source: 'abc123', metric: 'view', count: 3 },
      { date: '2026-05-31', source: 'abc123', metric: 'lead', count: 1 },
      { date: '2026-05-30', source: 'direct', metric: 'direct', count: 2 },
    ],
    '2026-05-02',
    '2026-05-31',
    { direct: '直接访问', abc123: '2026 工博会展位' },
  ),
}

const styleOf = (node: any): string => node.dom.getAttribute('style') ?? ''

describe('数据看板 (packages/staff/charts)', () => {
  it('renders the day columns, bars and funnel with their numbers from stats.charts', async () => {
    h.respond({ 'stats.charts': () => ({ ok: true, data }) })
    const page = await h.loadPage(CHARTS)
    expect(h.cloudCalls().map((c) => c.data.action)).toContain('stats.charts')
    const text = page.text()
    for (const s of ['每日新增线索', '跟进漏斗', '线索来源', '热门园区', '联系方式点击', '首次联系用时'])
      expect(text).toContain(s)
    // The channel funnel (issue 9 item 4): a row per channel, its steps, per-day columns.
    expect(text).toContain('渠道漏斗')
    expect(text).toContain('2026 工博会展位')
    expect(text).toContain('扫码 4 · 分享 0 · 浏览 3 · 点击 0')
    expect(text).toContain('留资 1')
    expect(text).toContain('转化 25%')
    expect(page.queryAll('.channels__row')).toHaveLength(2)
    // A channel's days are drawn when its row is tapped, not in the first setData.
    expect(page.queryAll('.channel-days__bar')).toHaveLength(0)
    expect(text).toContain('松江G60智造园')
    expect(text).toContain('直接访问')
    expect(text).toContain('新线索 12')
    expect(text).toContain('转化 58.3%')
    expect(text).toContain('42 分钟')

    const cols = page.queryAll('.days__col')
    expect(cols).toHaveLength(30)
    const bars = page.queryAll('.days__bar')
    expect(styleOf(bars[29])).toMatch(/height:\s*100%/)
    expect(styleOf(bars[8])).toMatch(/height:\s*33%/)
    const fills = page.queryAll('.bars__fill')
    expect(styleOf(fills[0])).toMatch(/width:\s*100%/)
    expect(styleOf(fills[1])).toMatch(/width:\s*50%/)
    // The answer is drawn, not re-counted: the whole drawn page is one setData of ~14 KB (measured), far under WeChat's 256 KB.
    expect(h.stats().calls).toBeLessThanOrEqual(3)
    expect(h.stats().maxBytes).toBeLessThan(20 * 1024)

    // Tapping a top channel opens its 30 days in one small update.
    h.resetStats()
    await page.tap('.channels__row')
    expect(page.queryAll('.channel-days__bar')).toHaveLength(30)
    expect(page.text()).toContain('每日进入')
    expect(h.stats().maxBytes).toBeLessThan(10 * 1024)
  })
})
