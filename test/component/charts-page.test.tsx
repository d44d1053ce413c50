/**
 * 数据看板 (packages/staff/charts, issue 8 item 13): the charts drawn as plain Views with the
 * server's percentages as widths and heights and the numbers on the bars; loading, empty and
 * error states; pull-to-refresh keeps the charts while it reloads.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ChartsPage from '@/packages/staff/charts/index'
import type { ChartsData } from '@/domain/charts'
import { channelFunnel, fillDays, funnelOf, topBars, type FunnelCount } from '@/domain/charts'
import { firePullDownRefresh, resetTaroDouble } from '../doubles/taro'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock

/** The channel funnel's counts: a poster channel (named), a code nobody named, direct visits. */
const FUNNEL: FunnelCount[] = [
  { date: '2026-05-30', source: 'pst01', metric: 'scan', count: 6 },
  { date: '2026-05-31', source: 'pst01', metric: 'scan', count: 2 },
  { date: '2026-05-31', source: 'pst01', metric: 'share', count: 2 },
  { date: '2026-05-31', source: 'pst01', metric: 'view', count: 7 },
  { date: '2026-05-31', source: 'pst01', metric: 'tap', count: 3 },
  { date: '2026-05-31', source: 'pst01', metric: 'lead', count: 2 },
  { date: '2026-05-20', source: 'direct', metric: 'direct', count: 5 },
  { date: '2026-05-20', source: 'direct', metric: 'lead', count: 1 },
  { date: '2026-05-21', source: 'k3m9qa', metric: 'scan', count: 1 },
]
const CHANNEL_NAMES = { direct: '直接访问', pst01: '松江园区海报' }

function chartsData(over: Partial<ChartsData> = {}): ChartsData {
  return {
    from: '2026-05-02',
    to: '2026-05-31',
    totalLeads: 14,
    days: fillDays(
      [
        { date: '2026-05-02', count: 2 },
        { date: '2026-05-20', count: 4 },
        { date: '2026-05-31', count: 8 },
      ],
      '2026-05-02',
      '2026-05-31',
    ),
    sources: topBars(
      [
        { key: 'pst01', count: 9 },
        { key: null, count: 3 },
        { key: 'qr02', count: 2 },
      ],
      6,
      '直接访问',
    ),
    parks: topBars([{ key: 'p012', label: '松江G60智造园', count: 5 }], 10, ''),
    funnel: funnelOf({ new: 6, contacted: 4, visiting: 2, signed: 1, invalid: 1 }),
    invalid: 1,
    taps: topBars([{ key: 'call', label: '拨打电话', count: 7 }], 6, ''),
    totalTaps: 7,
    response: {
      leads: 14,
      contacted: 7,
      medianMinutes: 25,
      agents: [{ id: 's1', name: '李顾问', contacted: 7, medianMinutes: 25 }],
    },
    ...channelFunnel(FUNNEL, '2026-05-02', '2026-05-31', CHANNEL_NAMES),
    ...over,
  }
}

const ok = (d: ChartsData) => httpAnswer({ ok: true, data: d })

beforeEach(() => {
  resetTaroDouble()
  request.mockReset()
})

/** The inline style a View was given (the component double keeps it as data-style JSON). */
const styleOf = (el: Element | null) =>
  JSON.parse(el?.getAttribute('data-style') ?? '{}') as Record<string, string>

/** The row of a bar list whose label is `label`. */
const rowOf = (label: string) =>
  screen
    .getAllByText(label)
    .map((el) => el.closest('.bars__row'))
    .find(Boolean) as HTMLElement

describe('charts page', () => {
  it('asks for stats.charts, then draws every chart with its numbers', async () => {
    request.mockResolvedValue(ok(chartsData()))
    const { container } = render(<ChartsPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('每日新增线索')).toBeTruthy()
    expect(request.mock.calls[0][0].data).toEqual({ action: 'stats.charts', payload: {} })
    expect(screen.getByText('5月2日 — 5月31日')).toBeTruthy()

    // 30 day columns; the busiest is full height, a zero day is a 2px stub, the count on top.
    const cols = container.querySelectorAll('.days__col')
    expect(cols).toHaveLength(30)
    const bar = (i: number) => styleOf(cols[i].querySelector('.days__bar')).height
    expect(bar(29)).toBe('100%')
    expect(bar(0)).toBe('25%')
    expect(bar(1)).toBe('2px')
    expect(cols[29].textContent).toBe('8')
    expect(cols[1].textContent).toBe('')
    expect(cols[18].getAttribute('aria-label')).toBe('5月20日 4 条')
    // Dates under every 5th column, counted back from the last.
    const ticks = Array.from(container.querySelectorAll('.days__tick'))
      .map((t) => t.textContent)
      .filter(Boolean)
    expect(ticks).toEqual(['5/6', '5/11', '5/16', '5/21', '5/26', '5/31'])

    // Bars: width from the server's percentage, number at the end.
    const fill = (label: string) => styleOf(rowOf(label).querySelector('.bars__fill')).width
    expect(fill('pst01')).toBe('100%')
    expect(fill('直接访问')).toBe('33%')
    expect(fill('qr02')).toBe('22%')
    expect(rowOf('直接访问').textContent).toBe('直接访问3')
    expect(rowOf('松江G60智造园').textContent).toBe('松江G60智造园5')
    expect(rowOf('拨打电话').textContent).toBe('拨打电话7')

    // The funnel: reached counts on decreasing bars, conversion between steps, 无效 apart.
    const steps = Array.from(container.querySelectorAll('.funnel__bar')) as HTMLElement[]
    expect(steps.map((s) => s.textContent)).toEqual(['新线索 13', '已联系 7', '已约看 3', '已签约 1'])
    expect(steps.map((s) => styleOf(s).width)).toEqual(['100%', '54%', '23%', '22%'])
    expect(screen.getByText('↓ 转化 53.8%')).toBeTruthy()
    expect(screen.getByText('无效线索 1 条，不计入漏斗')).toBeTruthy()

    expect(screen.getAllByText('25 分钟')).toHaveLength(1)
    expect(screen.getByText('7 条 · 中位 25 分钟')).toBeTruthy()
    expect(screen.getByText('已联系 7/14')).toBeTruthy()
  })

  it('says so when the 30 days hold nothing', async () => {
    request.mockResolvedValue(
      ok(
        chartsData({
          totalLeads: 0,
          totalTaps: 0,
          days: fillDays([], '2026-05-02', '2026-05-31'),
          sources: [],
          parks: [],
          taps: [],
          funnel: funnelOf({}),
          invalid: 0,
          response: { leads: 0, contacted: 0, medianMinutes: null, agents: [] },
          totalEntries: 0,
          channels: [],
          channelDays: [],
        }),
      ),
    )
    const { container } = render(<ChartsPage />)
    expect(await screen.findByText('近 30 天还没有数据')).toBeTruthy()
    expect(container.querySelector('.days__col')).toBeNull()
  })

  it('draws 渠道漏斗: a row per channel with its steps and conversion, and per day for the top channels', async () => {
    request.mockResolvedValue(ok(chartsData()))
    const { container } = render(<ChartsPage />)
    expect(await screen.findByText('渠道漏斗')).toBeTruthy()
    expect(screen.getByText('进入 16 次')).toBeTruthy()
    const rows = Array.from(container.querySelectorAll('.channels__row')) as HTMLElement[]
    // Busiest first; a named channel by its name, an unnamed code as itself, direct as 直接访问.
    expect(rows.map((r) => r.querySelector('.channels__name')?.textContent)).toEqual([
      '松江园区海报',
      '直接访问',
      'k3m9qa',
    ])
    const first = rows[0]
    expect(styleOf(first.querySelector('.bars__fill')).width).toBe('100%')
    expect(first.querySelector('.bars__value')?.textContent).toBe('10')
    expect(Array.from(first.querySelectorAll('.channels__step')).map((s) => s.textContent)).toEqual([
      '扫码 8 · 分享 2 · 浏览 7 · 点击 3',
      '留资 2',
    ])
    expect(first.querySelector('.channels__conv')?.textContent).toBe('转化 20%')
    expect(first.getAttribute('aria-label')).toBe('松江园区海报 进入 10 浏览 7 点击 3 留资 2')
    expect(styleOf(rows[1].querySelector('.bars__fill')).width).toBe('50%')
    expect(rows[2].querySelector('.channels__conv')?.textContent).toBe('转化 0%')

    // Per day, on demand: a top channel's row opens its 30 days (one channel at a time).
    expect(screen.getByText('点按前 3 个渠道查看每日趋势')).toBeTruthy()
    expect(container.querySelector('.channel-days')).toBeNull()
    fireEvent.click(first)
    const days = container.querySelector('.channel-days') as HTMLElement
    expect(first.contains(days)).toBe(true)
    expect(days.getAttribute('aria-label')).toBe('松江园区海报 每日 进入 10 留资 2')
    const bars = days.querySelectorAll('.channel-days__bar')
    expect(bars).toHaveLength(30)
    expect(styleOf(bars[28]).height).toBe('100%') // 5/30: 6 scans, the busiest day of any channel
    expect(styleOf(bars[29]).height).toBe('67%') // 5/31: 4 entries
    expect(styleOf(bars[29].querySelector('.channel-days__lead')).height).toBe('49%') // 2 of them leads
    expect(styleOf(bars[0]).height).toBe('2px')
    fireEvent.click(rows[1])
    expect(container.querySelectorAll('.channel-days')).toHaveLength(1)
    expect(rows[1].querySelector('.channel-days')?.getAttribute('aria-label')).toBe(
      '直接访问 每日 进入 5 留资 1',
    )
    fireEvent.click(rows[1])
    expect(container.querySelector('.channel-days')).toBeNull()
  })

  it('渠道漏斗 without visits says so while the other charts draw', async () => {
    request.mockResolvedValue(ok(chartsData({ totalEntries: 0, channels: [], channelDays: [] })))
    const { container } = render(<ChartsPage />)
    expect(await screen.findByText('这段时间还没有访问记录')).toBeTruthy()
    expect(container.querySelector('.channel-days')).toBeNull()
    expect(screen.getByText('每日新增线索')).toBeTruthy()
  })

  it('an answer from a function deployed before the funnel (no channel fields) still draws', async () => {
    const { totalEntries: _t, channels: _c, channelDays: _d, ...before } = chartsData()
    request.mockResolvedValue(ok(before as ChartsData))
    render(<ChartsPage />)
    expect(await screen.findByText('这段时间还没有访问记录')).toBeTruthy()
    expect(screen.getByText('进入 0 次')).toBeTruthy()
    expect(screen.getByText('每日新增线索')).toBeTruthy()
  })

  it('a section without data says 暂无数据 while the others draw', async () => {
    request.mockResolvedValue(ok(chartsData({ parks: [], taps: [], totalTaps: 0 })))
    render(<ChartsPage />)
    expect(await screen.findByText('热门园区')).toBeTruthy()
    expect(screen.getAllByText('暂无数据')).toHaveLength(2)
  })

  it('an error offers 重新加载; a visitor sees the refusal', async () => {
    request
      .mockResolvedValueOnce(
        httpAnswer({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } }, 500),
      )
      .mockResolvedValueOnce(ok(chartsData()))
    render(<ChartsPage />)
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('每日新增线索')).toBeTruthy()

    request.mockReset()
    request.mockResolvedValue(
      httpAnswer({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }, 403),
    )
    const other = render(<ChartsPage />)
    expect(await other.findByText('没有权限执行此操作')).toBeTruthy()
  })

  it('pull-to-refresh reloads, keeps the charts on screen, and stops the spinner', async () => {
    request.mockResolvedValueOnce(ok(chartsData()))
    render(<ChartsPage />)
    expect(await screen.findByText('每日新增线索')).toBeTruthy()
    let release!: (v: unknown) => void
    request.mockImplementationOnce(() => new Promise((r) => (release = r)))
    act(() => firePullDownRefresh())
    expect(screen.getByText('每日新增线索')).toBeTruthy()
    expect(screen.queryByText('正在加载…')).toBeNull()
    await act(async () => release(ok(chartsData({ totalLeads: 99 }))))
    expect(screen.getAllByText('99').length).toBeGreaterThan(0)
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
    // A failed refresh keeps the charts and says so.
    request.mockResolvedValueOnce(
      httpAnswer({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } }, 500),
    )
    await act(async () => firePullDownRefresh())
    expect(screen.getByText('每日新增线索')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '刷新失败，请稍后重试', icon: 'none' })
  })
})
