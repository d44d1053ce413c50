/**
 * Matching needs to parks, in the app: the form hands the need (and only the need) to the
 * success page, which shows 这些园区可能适合您 — 3 cards with their reasons, a skeleton while
 * asked, nothing on an error or no match, never in the way of the message — and the staff lead
 * page's 推荐园区 card with 复制推荐.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LeadDetail, LeadFull } from '@/domain/lead-desk'
import type { MatchResult } from '@/domain/match-need'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { resetOutboxForTests } from '@/features/inquiry/outbox'
import { matchMessage, needOfLead } from '@/features/leads/match'
import InquiryFormPage from '@/packages/inquiry/form/index'
import InquirySuccessPage from '@/packages/inquiry/success/index'
import LeadPageView from '@/packages/staff/lead/index'
import { resetTaroDouble, router, storage } from '../doubles/taro'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'
import { SONGJIANG_MATCHES } from './park-fixtures'

const request = Taro.request as unknown as jest.Mock
type Handler = (payload: any) => unknown
function serve(handlers: Record<string, Handler>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: unknown } }) => {
    const handler = handlers[opts.data.action]
    if (!handler) throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer(await handler(opts.data.payload))
  })
}
const calls = (action: string) =>
  request.mock.calls.map((c) => c[0].data).filter((d: { action: string }) => d.action === action)

const MATCHES = SONGJIANG_MATCHES
const matched = (items = MATCHES): { ok: true; data: MatchResult } => ({ ok: true, data: { items } })

beforeEach(() => {
  resetTaroDouble()
  resetOutboxForTests()
  storage.set(HOME_CACHE_KEY, JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }))
})

describe('the form hands the need to the success page', () => {
  it('every need field, encoded, and nothing personal', async () => {
    serve({
      'inquiries.submit': () => ({ ok: true, data: { inquiryId: 'q1', status: 'new', duplicate: false } }),
    })
    render(<InquiryFormPage />)
    fireEvent.click(screen.getByText('租厂房'))
    fireEvent.change(screen.getByPlaceholderText('最小'), { target: { value: '2000' } })
    fireEvent.change(screen.getByPlaceholderText('最大'), { target: { value: '3000' } })
    fireEvent.change(screen.getByPlaceholderText('如：精密机械加工、生物医药研发'), {
      target: { value: '新能源汽车零部件' },
    })
    fireEvent.click(screen.getByText('松江'))
    fireEvent.click(screen.getByText('50–200万元'))
    fireEvent.change(screen.getByPlaceholderText('公司名称（选填）'), { target: { value: '某某科技' } })
    fireEvent.change(screen.getByPlaceholderText('怎么称呼您'), { target: { value: '王先生' } })
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13524678515' } })
    fireEvent.click(screen.getByRole('checkbox'))
    fireEvent.click(screen.getByText('提交咨询'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const { url } = (Taro.redirectTo as jest.Mock).mock.calls[0][0] as { url: string }
    expect(url).toBe(
      `/packages/inquiry/success/index?status=new&need=rent-factory&district=songjiang&areaMin=2000&areaMax=3000&industry=${encodeURIComponent('新能源汽车零部件')}&tax=50-200`,
    )
    expect(url).not.toMatch(/13524678515|王先生|某某科技|%E7%8E%8B/)
  })
})

describe('这些园区可能适合您 on the success page', () => {
  const NEED = {
    status: 'new',
    need: 'rent-factory',
    district: 'songjiang',
    areaMin: '2000',
    industry: encodeURIComponent('新能源汽车零部件'),
  }

  it('asks parks.match with the need alone and shows 3 cards with their reasons; a tap opens the park', async () => {
    serve({ 'parks.match': () => matched() })
    router.params = { ...NEED }
    render(<InquirySuccessPage />)
    // The message never waits: it is there while the recommendations load.
    expect(screen.getByText('提交成功')).toBeTruthy()
    expect(screen.getByText('这些园区可能适合您')).toBeTruthy()
    expect(document.querySelector('.park-matches .skeleton')).not.toBeNull()

    await screen.findByText('新桥名企产业园')
    expect(calls('parks.match')).toEqual([
      {
        action: 'parks.match',
        payload: {
          needType: 'rent-factory',
          district: 'songjiang',
          areaMin: 2000,
          industry: '新能源汽车零部件',
        },
      },
    ])
    const items = Array.from(document.querySelectorAll('.park-matches__item'))
    expect(items.map((n) => n.getAttribute('data-id'))).toEqual(['p005', 'p001', 'p010'])
    expect(within(items[1] as HTMLElement).getByText('面积 2,400–4,800㎡ 可分割')).toBeTruthy()
    expect(within(items[1] as HTMLElement).getByText('准入 新能源')).toBeTruthy()
    expect(document.querySelector('.park-matches .skeleton')).toBeNull()

    fireEvent.click(screen.getByText('G60科创走廊·松江智造园'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p001' })
  })

  it.each([
    ['a server error', () => ({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } })],
    ['no match', () => matched([])],
    [
      'no network',
      () => {
        throw new Error('offline')
      },
    ],
  ])('hides on %s; the message and its buttons stay', async (_label, answer) => {
    serve({ 'parks.match': answer })
    router.params = { ...NEED }
    render(<InquirySuccessPage />)
    await waitFor(() => expect(calls('parks.match')).toHaveLength(1))
    await waitFor(() => expect(screen.queryByText('这些园区可能适合您')).toBeNull())
    expect(document.querySelector('.park-matches')).toBeNull()
    expect(screen.getByText('提交成功')).toBeTruthy()
    expect(screen.getByText('查看我的咨询')).toBeTruthy()
  })

  it('asks nothing without a need, with a malformed one, or for a queued inquiry', async () => {
    serve({ 'parks.match': () => matched() })
    const cases: Array<Record<string, string>> = [
      { status: 'new' },
      { status: 'new', need: '<script>' },
      { status: 'queued', need: 'office' },
    ]
    for (const params of cases) {
      router.params = params
      const view = render(<InquirySuccessPage />)
      await act(async () => undefined)
      expect(screen.queryByText('这些园区可能适合您')).toBeNull()
      view.unmount()
    }
    expect(calls('parks.match')).toHaveLength(0)
  })

  it('drops malformed fields but keeps the valid need', async () => {
    serve({ 'parks.match': () => matched() })
    router.params = { status: 'review', need: 'office', district: 'mars', areaMin: '12%', tax: '50-200' }
    render(<InquirySuccessPage />)
    await screen.findByText('新桥名企产业园')
    expect(calls('parks.match')[0].payload).toEqual({ needType: 'office', taxBracket: '50-200' })
  })
})

const lead = (over: Partial<LeadFull> = {}): LeadFull => ({
  id: 'lead1',
  contactName: '王先生',
  company: '某某科技',
  phone: '13524678515',
  needType: 'rent-factory',
  district: 'songjiang',
  areaMin: 2000,
  areaMax: 3000,
  industry: '新能源汽车零部件',
  taxBracket: '50-200',
  stage: 'new',
  status: 'new',
  unread: false,
  createdAt: '2026-05-01T02:00:00.000Z',
  openid: 'o1',
  remark: '',
  version: 1,
  updatedAt: '2026-05-01T02:00:00.000Z',
  ...over,
})

const detail = (over: Partial<LeadFull> = {}): LeadDetail => ({
  lead: lead(over),
  notes: [],
  otherInquiries: [],
  contactTaps: [],
  repeats: [],
  staff: [{ id: 's-owner', name: '张经理' }],
})

describe('推荐园区 on the staff lead page', () => {
  it('matches the lead’s need (no personal data), shows reasons, and 复制推荐 copies a message to send', async () => {
    serve({ 'leads.get': () => ({ ok: true, data: detail() }), 'parks.match': () => matched() })
    router.params = { id: 'lead1' }
    render(<LeadPageView />)
    await screen.findByText('推荐园区')
    await screen.findByText('新桥名企产业园')
    expect(calls('parks.match')[0].payload).toEqual({
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      areaMax: 3000,
      industry: '新能源汽车零部件',
      taxBracket: '50-200',
    })
    const card = document.querySelector('.lead-matches') as HTMLElement
    expect(within(card).getByText('94分')).toBeTruthy()
    expect(within(card).getByText('准入 新能源')).toBeTruthy()
    expect(within(card).getByText('松江 · 厂房出租 · 1,200–3,600㎡ · 1.1元/m²/天')).toBeTruthy()

    fireEvent.click(within(card).getByText('复制推荐'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledTimes(1))
    const text = (Taro.setClipboardData as jest.Mock).mock.calls[0][0].data as string
    expect(text).toBe(matchMessage(MATCHES, (id) => `packages/park/detail/index?id=${id}`))
    expect(text).toContain('1. 新桥名企产业园')
    expect(text).toContain('   松江 · 厂房出租 · 2,400–4,800㎡ · 1.1元/m²/天')
    expect(text).toContain('   匹配：厂房出租，位于松江，面积 2,400–4,800㎡ 可分割，准入 新能源')
    expect(text).toContain('   查看：packages/park/detail/index?id=p010')
    expect(text).not.toMatch(/\u2060/)
    expect(text).not.toContain('13524678515')
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '推荐已复制，可发给客户' }),
      ),
    )

    fireEvent.click(within(card).getByText('泗泾镇双层厂房'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p010' })
  })

  it('says so when nothing matches, and offers 重试 after an error', async () => {
    let answer: Handler = () => ({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } })
    serve({ 'leads.get': () => ({ ok: true, data: detail() }), 'parks.match': (p) => answer(p) })
    router.params = { id: 'lead1' }
    render(<LeadPageView />)
    await screen.findByText('暂时无法匹配园区')
    answer = () => matched([])
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('暂无符合这条需求的园区')
    expect(screen.queryByText('复制推荐')).toBeNull()
  })

  it('a lead of before with its area reversed is still matched (min and max swapped)', () => {
    expect(
      needOfLead(
        lead({ areaMin: 3000, areaMax: 2000, district: undefined, industry: '', taxBracket: undefined }),
      ),
    ).toEqual({
      needType: 'rent-factory',
      areaMin: 2000,
      areaMax: 3000,
    })
  })
})
