/**
 * 内容管理 (packages/staff/content, issue 9 item 5): the parks and articles tabs, the park edit
 * sheet (status, price in the deal's unit, featured + order), server field errors on the fields,
 * the saving state and a double tap that saves once, article switches, loading / empty / error
 * states and pull-to-refresh; the visitor's park page for a withdrawn park (已下架 with similar
 * parks) and for a let one (已租出 notice).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ContentPage from '@/packages/staff/content/index'
import ParkDetailPage from '@/packages/park/detail/index'
import ArticleDetailPage from '@/packages/article/detail/index'
import type { WithdrawnArticleDetail, WithdrawnParkDetail } from '@/domain/actions'
import type { ContentArticleRow, ContentList, ContentParkRow } from '@/domain/content-edit'
import { firePullDownRefresh, resetTaroDouble, router } from '../doubles/taro'
import { contact, httpAnswer, makeSummary } from './fixtures'
import { makeParkDetail, makePark, makeParkSummary } from './park-fixtures'

const request = Taro.request as unknown as jest.Mock
Object.assign(Taro, {
  getLaunchOptionsSync: jest.fn(() => ({ scene: 1001, path: '', query: {} })),
})

const parkRow = (over: Partial<ContentParkRow> = {}): ContentParkRow => ({
  id: 'p012',
  name: '松江新桥独栋厂房',
  district: 'songjiang',
  type: 'factory',
  deal: 'rent',
  status: 'available',
  price: { value: 1.2, unit: 'yuan_m2_day' },
  featured: false,
  featuredOrder: null,
  updatedAt: '2026-05-01T10:00:00+08:00',
  ...over,
})
const articleRow = (over: Partial<ContentArticleRow> = {}): ContentArticleRow => ({
  id: 'policy-01',
  title: '松江区税收返还新政解读',
  category: 'policy',
  publishedAt: '2026-04-20T10:00:00+08:00',
  featured: false,
  hidden: false,
  ...over,
})
const listOf = (over: Partial<ContentList> = {}): ContentList => ({
  parks: [
    parkRow(),
    parkRow({
      id: 'p020',
      name: '临港工业用地',
      deal: 'sale',
      price: { value: 1500, unit: 'yuan_m2' },
      status: 'let',
    }),
  ],
  articles: [articleRow()],
  ...over,
})

type Handler = (payload: any) => unknown
function serve(handlers: Record<string, Handler>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: unknown } }) => {
    const h = handlers[opts.data.action]
    if (!h) throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer(await h(opts.data.payload))
  })
}
const calls = (action: string) =>
  request.mock.calls.map((c) => c[0].data).filter((d: { action: string }) => d.action === action)

beforeEach(() => {
  resetTaroDouble()
  request.mockReset()
})

describe('内容管理 page', () => {
  it('lists parks with status, price and featured; the articles tab with its switches', async () => {
    serve({
      'content.list': () => ({
        ok: true,
        data: listOf({ parks: [parkRow({ featured: true, featuredOrder: 2 })] }),
      }),
    })
    render(<ContentPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    const row = await screen.findByLabelText('编辑松江新桥独栋厂房')
    expect(within(row).getByText('在租')).toBeTruthy()
    expect(within(row).getByText('推荐 #2')).toBeTruthy()
    expect(row.textContent).toContain('1.2')
    fireEvent.click(screen.getByText('文章'))
    expect(screen.getByText('松江区税收返还新政解读')).toBeTruthy()
    expect(screen.getByRole('switch', { name: '隐藏' }).getAttribute('aria-checked')).toBe('false')
  })

  it('edits a park: withdraws it, changes the price in the deal unit and saves only what changed, once', async () => {
    let answer: (v: unknown) => void = () => {}
    serve({
      'content.list': () => ({ ok: true, data: listOf() }),
      'content.updatePark': () => new Promise((resolve) => (answer = resolve)),
    })
    render(<ContentPage />)
    fireEvent.click(await screen.findByLabelText('编辑松江新桥独栋厂房'))
    const sheet = within(screen.getByRole('dialog'))
    expect(sheet.getByText('出租价格（元/m²/天）')).toBeTruthy()
    fireEvent.click(sheet.getByText('下架'))
    expect(sheet.getByText(/下架后立即从列表、搜索和首页消失/)).toBeTruthy()
    fireEvent.change(sheet.getByLabelText('价格，单位元/m²/天'), { target: { value: '1.35' } })
    const save = sheet.getByText('保存')
    fireEvent.click(save)
    fireEvent.click(save) // a double tap
    await waitFor(() => expect(sheet.getByText('正在保存…')).toBeTruthy())
    expect(calls('content.updatePark')).toEqual([
      {
        action: 'content.updatePark',
        payload: { id: 'p012', status: 'withdrawn', price: { value: 1.35, unit: 'yuan_m2_day' } },
      },
    ])
    await act(async () =>
      answer({
        ok: true,
        data: { park: parkRow({ status: 'withdrawn', price: { value: 1.35, unit: 'yuan_m2_day' } }) },
      }),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
    const row = screen.getByLabelText('编辑松江新桥独栋厂房')
    expect(within(row).getByText('下架')).toBeTruthy()
    expect(row.textContent).toContain('1.35')
    expect(calls('content.updatePark')).toHaveLength(1)
  })

  it("shows the server's field errors on the fields and keeps the sheet open", async () => {
    serve({
      'content.list': () => ({ ok: true, data: listOf() }),
      'content.updatePark': () => ({
        ok: false,
        error: { code: 'VALIDATION', message: '请求参数有误', fields: { price: '出售价格的单位应为元/m²' } },
      }),
    })
    render(<ContentPage />)
    fireEvent.click(await screen.findByLabelText('编辑临港工业用地'))
    const sheet = within(screen.getByRole('dialog'))
    expect(sheet.getByText('出售价格（元/m²）')).toBeTruthy()
    expect(sheet.getByText('已租出').getAttribute('aria-pressed')).toBe('true')
    fireEvent.change(sheet.getByLabelText('价格，单位元/m²'), { target: { value: '1600' } })
    fireEvent.click(sheet.getByText('保存'))
    expect(await sheet.findByText('出售价格的单位应为元/m²')).toBeTruthy()
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('checks the price and the order before asking; featured with an order is sent as such', async () => {
    serve({
      'content.list': () => ({ ok: true, data: listOf() }),
      'content.updatePark': (p) => ({
        ok: true,
        data: { park: parkRow({ featured: true, featuredOrder: p.featuredOrder }) },
      }),
    })
    render(<ContentPage />)
    fireEvent.click(await screen.findByLabelText('编辑松江新桥独栋厂房'))
    const sheet = within(screen.getByRole('dialog'))
    fireEvent.change(sheet.getByLabelText('价格，单位元/m²/天'), { target: { value: '一块二' } })
    fireEvent.click(sheet.getByRole('switch', { name: '首页推荐' }))
    fireEvent.change(sheet.getByLabelText('推荐排序'), { target: { value: '1000' } })
    fireEvent.click(sheet.getByText('保存'))
    expect(sheet.getByText('请输入数字，留空表示面议')).toBeTruthy()
    expect(sheet.getByText('请输入 0–999 的整数，留空表示不排序')).toBeTruthy()
    expect(calls('content.updatePark')).toHaveLength(0)
    fireEvent.change(sheet.getByLabelText('价格，单位元/m²/天'), { target: { value: '1.2' } })
    fireEvent.change(sheet.getByLabelText('推荐排序'), { target: { value: '3' } })
    fireEvent.click(sheet.getByText('保存'))
    await waitFor(() => expect(calls('content.updatePark')).toHaveLength(1))
    expect(calls('content.updatePark')[0].payload).toEqual({ id: 'p012', featured: true, featuredOrder: 3 })
    expect(await screen.findByText('推荐 #3')).toBeTruthy()
  })

  it('an article switch saves at once, is busy while saving, and says what happened', async () => {
    serve({
      'content.list': () => ({ ok: true, data: listOf() }),
      'content.updateArticle': (p) => ({ ok: true, data: { article: articleRow({ hidden: p.hidden }) } }),
    })
    render(<ContentPage />)
    await screen.findByLabelText('编辑松江新桥独栋厂房')
    fireEvent.click(screen.getByText('文章'))
    const hide = screen.getByRole('switch', { name: '隐藏' })
    fireEvent.click(hide)
    fireEvent.click(hide)
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: '隐藏' }).getAttribute('aria-checked')).toBe('true'),
    )
    expect(calls('content.updateArticle')).toEqual([
      { action: 'content.updateArticle', payload: { id: 'policy-01', hidden: true } },
    ])
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已隐藏', icon: 'success' })
    expect(screen.getByText(/· 已隐藏/)).toBeTruthy()
  })

  it('empty, forbidden and failed loads; pull-to-refresh reloads', async () => {
    serve({ 'content.list': () => ({ ok: true, data: listOf({ parks: [], articles: [] }) }) })
    const { unmount } = render(<ContentPage />)
    expect(await screen.findByText('还没有园区')).toBeTruthy()
    fireEvent.click(screen.getByText('文章'))
    expect(screen.getByText('还没有文章')).toBeTruthy()
    serve({ 'content.list': () => ({ ok: true, data: listOf() }) })
    await act(async () => firePullDownRefresh())
    expect(await screen.findByText('松江区税收返还新政解读')).toBeTruthy()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
    unmount()

    serve({
      'content.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }),
    })
    const forbidden = render(<ContentPage />)
    expect(await screen.findByText('此页面仅对员工开放')).toBeTruthy()
    forbidden.unmount()

    serve({
      'content.list': () => ({
        ok: false,
        error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
      }),
    })
    render(<ContentPage />)
    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy()
    serve({ 'content.list': () => ({ ok: true, data: listOf() }) })
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByLabelText('编辑松江新桥独栋厂房')).toBeTruthy()
  })
})

describe('park detail for visitors', () => {
  it('a withdrawn park says 已下架 with similar parks and the contact, never the generic not-found', async () => {
    const withdrawn: WithdrawnParkDetail = {
      withdrawn: true,
      id: 'p012',
      name: '松江新桥独栋厂房',
      contact,
      similar: [makeParkSummary(1, { id: 'p101', name: '九亭双层厂房' })],
    }
    serve({ 'parks.get': () => ({ ok: true, data: withdrawn }) })
    router.params = { id: 'p012' }
    render(<ParkDetailPage />)
    expect(await screen.findByText('该园区已下架')).toBeTruthy()
    expect(screen.getByText(/「松江新桥独栋厂房」已下架/)).toBeTruthy()
    expect(screen.getByText('相似园区')).toBeTruthy()
    expect(screen.getByText('九亭双层厂房')).toBeTruthy()
    expect(screen.queryByText('内容不存在')).toBeNull()
    expect(screen.getByText('返回首页')).toBeTruthy()
  })

  it('a let park shows the 已租出 notice', async () => {
    const detail = makeParkDetail({ park: makePark({ status: 'let' }) })
    serve({ 'parks.get': () => ({ ok: true, data: detail }) })
    router.params = { id: 'p012' }
    render(<ParkDetailPage />)
    expect(await screen.findByText(/该房源已租出/)).toBeTruthy()
  })
})

describe('article detail for visitors', () => {
  it('a hidden article says 已下架 with the latest articles, never its body', async () => {
    const hidden: WithdrawnArticleDetail = {
      withdrawn: true,
      id: 'policy-01',
      title: '松江区税收返还新政解读',
      contact,
      latest: [makeSummary(1, { id: 'guide-02', title: '企业注册落户流程' })],
    }
    serve({ 'articles.get': () => ({ ok: true, data: hidden }) })
    router.params = { id: 'policy-01' }
    render(<ArticleDetailPage />)
    expect(await screen.findByText('该文章已下架')).toBeTruthy()
    expect(screen.getByText(/「松江区税收返还新政解读」已下架/)).toBeTruthy()
    expect(screen.getByText('最新资讯')).toBeTruthy()
    expect(screen.getByText('企业注册落户流程')).toBeTruthy()
    expect(screen.queryByText('内容不存在')).toBeNull()
  })
})
