/**
 * The staff desk pages (packages/staff) against the Taro double and a scripted server: the inbox
 * (tabs with counts, due block, unread dot, search, filters, paging, pull-to-refresh, a tap
 * opens the lead) and the lead detail (full phone, call / copy / contacts, pipeline buttons,
 * invalid reason, notes, and the conflict message with its reload).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LeadDetail, LeadFull, LeadListItem, LeadPage } from '@/domain/lead-desk'
import InboxPage from '@/packages/staff/inbox/index'
import LeadPageView from '@/packages/staff/lead/index'
import { fireReachBottom, firePullDownRefresh, resetTaroDouble, router } from '../doubles/taro'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const calls = (action: string) =>
  request.mock.calls.map((c) => c[0].data).filter((d: { action: string }) => d.action === action)

type Handler = (payload: any) => unknown
const noStats: Handler = () => ({ ok: true, data: { weeks: [], agents: [] } })
function serve(handlers: Record<string, Handler>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: unknown } }) => {
    const handler = handlers[opts.data.action] ?? (opts.data.action === 'leads.stats' ? noStats : undefined)
    if (!handler) throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer(await handler(opts.data.payload))
  })
}

const row = (i: number, over: Partial<LeadListItem> = {}): LeadListItem => ({
  id: `lead${i}`,
  contactName: `客户${i}`,
  company: `公司${i}`,
  phone: `1350000000${i % 10}`,
  needType: 'rent-factory',
  parkId: 'p012',
  parkName: '松江G60智造园',
  source: 'pst01',
  stage: 'new',
  status: 'new',
  unread: false,
  createdAt: '2026-05-01T02:00:00.000Z',
  ...over,
})

const page = (items: LeadListItem[], over: Partial<LeadPage> = {}): LeadPage => ({
  items,
  nextCursor: null,
  counts: { new: 7, contacted: 2, visiting: 1, signed: 0, invalid: 1 },
  due: [],
  today: '2026-05-01',
  staff: [
    { id: 's-owner', name: '张经理' },
    { id: 's-agent', name: '李顾问' },
  ],
  ...over,
})

beforeEach(() => {
  resetTaroDouble()
})

describe('线索收件箱', () => {
  it('shows tabs with counts, due follow-ups on top, unread dots; a tap opens the lead', async () => {
    serve({
      'leads.list': () => ({
        ok: true,
        data: page([row(1, { unread: true }), row(2, { stage: 'contacted', responseMinutes: 25 })], {
          due: [row(3, { nextFollowUp: '2026-04-28', contactName: '逾期客户' })],
        }),
      }),
      'leads.stats': () => ({
        ok: true,
        data: {
          weeks: [
            { week: '2026-04-27', leads: 5, contacted: 4, medianMinutes: 25 },
            { week: '2026-04-20', leads: 3, contacted: 3, medianMinutes: 130 },
          ],
          agents: [{ id: 's-agent', name: '李顾问', contacted: 6, medianMinutes: 30 }],
        },
      }),
    })
    render(<InboxPage />)
    expect(await screen.findByText('客户1')).toBeTruthy()
    expect(screen.getByText('今日待跟进 / 已逾期 1')).toBeTruthy()
    expect(screen.getByText('逾期客户')).toBeTruthy()
    expect(screen.getByText('逾期 04-28')).toBeTruthy()
    expect(screen.getByText('响应 25 分钟')).toBeTruthy()
    expect(screen.getByText('135 0000 0001')).toBeTruthy()
    // Response time: this week's median (and last week's); 明细 shows weeks and agents.
    expect(screen.getByText('本周中位 25 分钟 · 上周 2 小时 10 分')).toBeTruthy()
    fireEvent.click(screen.getByText('明细'))
    expect(screen.getByText('6 条 · 中位 30 分钟')).toBeTruthy()
    expect(screen.getByText('4/5 已联系 · 中位 25 分钟')).toBeTruthy()
    const tabs = document.querySelectorAll('[data-tab]')
    expect(Array.from(tabs).map((t) => t.textContent)).toEqual([
      '全部 11',
      '新线索 7',
      '已联系 2',
      '已约看 1',
      '已签约 0',
      '无效 1',
    ])
    const unread = document.querySelector('[data-lead="lead1"]')!
    expect(unread.className).toContain('lead-row--unread')
    expect(document.querySelector('[data-lead="lead2"]')!.className).not.toContain('lead-row--unread')
    fireEvent.click(unread)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lead/index?id=lead1' })
  })

  it('a tab, a search and the filter sheet each ask the server again; more pages load at the bottom', async () => {
    serve({
      'leads.list': (p) => ({
        ok: true,
        data: p.cursor
          ? page([row(9)], { counts: undefined, due: undefined })
          : page([row(1)], { nextCursor: 'c1' }),
      }),
    })
    render(<InboxPage />)
    await screen.findByText('客户1')
    act(() => fireReachBottom())
    expect(await screen.findByText('客户9')).toBeTruthy()
    expect(calls('leads.list')[1].payload).toEqual({ cursor: 'c1' })

    fireEvent.click(document.querySelector('[data-tab="contacted"]')!)
    await waitFor(() =>
      expect(calls('leads.list').at(-1).payload).toEqual({ stage: 'contacted', cursor: null }),
    )

    const input = document.querySelector('input') as HTMLInputElement
    fireEvent.input(input, { target: { value: '8515' } })
    fireEvent.click(screen.getByText('搜索'))
    await waitFor(() =>
      expect(calls('leads.list').at(-1).payload).toEqual({ stage: 'contacted', q: '8515', cursor: null }),
    )

    fireEvent.click(screen.getByText('筛选'))
    const sheet = await screen.findByRole('dialog')
    fireEvent.click(within(sheet).getByText('李顾问'))
    fireEvent.click(within(sheet).getByText('松江G60智造园'))
    fireEvent.click(within(sheet).getByText('确定'))
    await waitFor(() =>
      expect(calls('leads.list').at(-1).payload).toEqual({
        stage: 'contacted',
        q: '8515',
        assigneeId: 's-agent',
        parkId: 'p012',
        cursor: null,
      }),
    )
    expect(screen.getByText('筛选 2')).toBeTruthy()

    const before = calls('leads.list').length
    act(() => firePullDownRefresh())
    await waitFor(() => expect(calls('leads.list').length).toBe(before + 1))
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('says so when there are no leads', async () => {
    serve({ 'leads.list': () => ({ ok: true, data: page([]) }) })
    render(<InboxPage />)
    expect(await screen.findByText('还没有线索')).toBeTruthy()
  })

  it('a visitor (FORBIDDEN) sees the refusal, not a list', async () => {
    serve({
      'leads.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }),
    })
    render(<InboxPage />)
    expect(await screen.findByText('没有权限执行此操作')).toBeTruthy()
  })
})

const full = (over: Partial<LeadFull> = {}): LeadFull => ({
  ...row(1),
  openid: 'o-v1',
  industry: '精密机械',
  remark: '需要行车',
  areaMin: 1000,
  areaMax: 3000,
  district: 'songjiang',
  phone: '13524678515',
  version: 3,
  updatedAt: '2026-05-01T02:00:00.000Z',
  entryPage: '/packages/park/detail/index',
  ...over,
})

const detail = (over: Partial<LeadDetail> = {}): LeadDetail => ({
  lead: full(),
  notes: [
    {
      id: 'n1',
      leadId: 'lead1',
      authorId: 's-owner',
      authorName: '张经理',
      body: '第一次电话，对方出差',
      createdAt: '2026-05-01T03:00:00.000Z',
    },
  ],
  otherInquiries: [],
  contactTaps: [{ kind: 'call', page: '/packages/park/detail/index', at: '2026-05-01T01:00:00.000Z' }],
  repeats: [
    {
      id: 'lead7',
      contactName: '王总',
      company: '另一家公司',
      needType: 'office',
      stage: 'contacted',
      createdAt: '2026-04-01T02:00:00.000Z',
    },
  ],
  staff: [
    { id: 's-owner', name: '张经理' },
    { id: 's-agent', name: '李顾问' },
  ],
  ...over,
})

describe('线索详情', () => {
  beforeEach(() => {
    router.params = { id: 'lead1' }
  })

  it('shows every field with the full phone; call, copy and contacts are one tap each', async () => {
    serve({ 'leads.get': () => ({ ok: true, data: detail() }) })
    render(<LeadPageView />)
    expect(await screen.findByText('135 2467 8515')).toBeTruthy()
    expect(screen.getByText('公司1')).toBeTruthy()
    expect(screen.getByText('1,000–3,000\u2060㎡')).toBeTruthy()
    expect(screen.getByText('二维码/分享 pst01')).toBeTruthy()
    expect(screen.getByText('/packages/park/detail/index')).toBeTruthy()
    expect(screen.getByText('第一次电话，对方出差')).toBeTruthy()
    expect(screen.getByText('王总 · 另一家公司')).toBeTruthy()
    expect(screen.getByText('拨打电话', { selector: 'span' })).toBeTruthy()

    fireEvent.click(screen.getByText('拨打电话', { selector: 'button' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13524678515' })
    fireEvent.click(screen.getByText('复制号码'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' })
    fireEvent.click(screen.getByText('存通讯录'))
    expect(Taro.addPhoneContact).toHaveBeenCalledWith(
      expect.objectContaining({
        firstName: '客户1',
        mobilePhoneNumber: '13524678515',
        organization: '公司1',
      }),
    )
    // Staff calls are not visitor contact events.
    expect(calls('events.record')).toEqual([])
    fireEvent.click(screen.getByText('王总 · 另一家公司'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lead/index?id=lead7' })
  })

  it('offers only the transitions the pipeline allows and sends the version it read', async () => {
    serve({
      'leads.get': () => ({ ok: true, data: detail() }),
      'leads.update': (p) => ({ ok: true, data: full({ stage: p.stage, version: 4, responseMinutes: 12 }) }),
    })
    render(<LeadPageView />)
    await screen.findByText('135 2467 8515')
    expect(
      Array.from(document.querySelectorAll('[data-stage]')).map((b) => b.getAttribute('data-stage')),
    ).toEqual(['contacted', 'invalid'])
    fireEvent.click(screen.getByText('改为已联系'))
    await waitFor(() =>
      expect(calls('leads.update')[0].payload).toEqual({ id: 'lead1', version: 3, stage: 'contacted' }),
    )
    expect(await screen.findByText('改为已约看')).toBeTruthy()
    expect(screen.getByText('12 分钟')).toBeTruthy()
  })

  it('无效 needs a reason before it is sent', async () => {
    serve({
      'leads.get': () => ({ ok: true, data: detail() }),
      'leads.update': (p) => ({
        ok: true,
        data: full({ stage: 'invalid', invalidReason: p.invalidReason, version: 4 }),
      }),
    })
    render(<LeadPageView />)
    await screen.findByText('135 2467 8515')
    fireEvent.click(screen.getByText('改为无效'))
    const confirm = screen.getByText('确认无效') as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    fireEvent.click(screen.getByText('重复咨询'))
    fireEvent.click(screen.getByText('确认无效'))
    await waitFor(() =>
      expect(calls('leads.update')[0].payload).toEqual({
        id: 'lead1',
        version: 3,
        stage: 'invalid',
        invalidReason: '重复咨询',
      }),
    )
    expect(await screen.findByText('重新打开')).toBeTruthy()
  })

  it('a conflict shows 已被他人更新 and 刷新 loads the lead again', async () => {
    let gets = 0
    serve({
      'leads.get': () => {
        gets++
        return {
          ok: true,
          data: gets === 1 ? detail() : detail({ lead: full({ stage: 'contacted', version: 4 }) }),
        }
      },
      'leads.update': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: '已被他人更新，请刷新后再试' },
      }),
    })
    render(<LeadPageView />)
    await screen.findByText('135 2467 8515')
    fireEvent.click(screen.getByText('改为已联系'))
    expect(await screen.findByText('已被他人更新，请刷新后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('刷新'))
    expect(await screen.findByText('改为已约看')).toBeTruthy()
    expect(screen.queryByText('已被他人更新，请刷新后再试')).toBeNull()
    expect(gets).toBe(2)
  })

  it('adds a note to the timeline', async () => {
    serve({
      'leads.get': () => ({ ok: true, data: detail() }),
      'leads.addNote': (p) => ({
        ok: true,
        data: {
          id: 'n2',
          leadId: 'lead1',
          authorId: 's-agent',
          authorName: '李顾问',
          body: p.body,
          createdAt: '2026-05-01T04:00:00.000Z',
        },
      }),
    })
    render(<LeadPageView />)
    await screen.findByText('135 2467 8515')
    const box = document.querySelector('textarea') as HTMLTextAreaElement
    fireEvent.input(box, { target: { value: '约了周五看厂' } })
    fireEvent.click(screen.getByText('添加记录'))
    expect(await screen.findByText('约了周五看厂')).toBeTruthy()
    expect(calls('leads.addNote')[0].payload).toEqual({ id: 'lead1', body: '约了周五看厂' })
  })

  it('an unknown id is 内容不存在 without a retry', async () => {
    router.params = { id: 'bad id!' }
    render(<LeadPageView />)
    expect(await screen.findByText('线索不存在或已删除')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
  })
})
