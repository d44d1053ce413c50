import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import {
  fireDidShow,
  firePullDownRefresh,
  fireReachBottom,
  resetTaroDouble,
  router,
  storage,
} from '../doubles/taro'
import ParksPage from '@/pages/parks/index'
import { LAST_QUERY_KEY, PENDING_FILTER_KEY, setPendingParkFilter } from '@/features/parks/filterStore'
import type { ParkSummary } from '@/domain/park'
import { httpAnswer } from './fixtures'
import { makeParkSummary } from './park-fixtures'

// U+2060 WORD JOINER: the formatters glue a quantity so it never wraps inside.
const J = '\u2060'

const request = Taro.request as unknown as jest.Mock

type Payload = Record<string, unknown>
type Answer = { items: ParkSummary[]; nextCursor: string | null } | Error | Promise<unknown>

/** Routes the transport's POST /api by action; `parks.list` answers come from `answer`. */
function serve(answer: (payload: Payload) => Answer) {
  request.mockImplementation(async (opts: { data: { action: string; payload: Payload } }) => {
    const { action, payload } = opts.data
    if (action !== 'parks.list') throw new Error(`unexpected action ${action}`)
    const result = answer(payload)
    if (result instanceof Error) throw result
    if (result instanceof Promise) return result
    return httpAnswer({ ok: true, data: result })
  })
}

const rows = (from: number, count: number, over: Partial<ParkSummary> = {}) =>
  Array.from({ length: count }, (_, k) => makeParkSummary(from + k, over))

/** The payload of every parks.list request so far. */
const payloads = () => request.mock.calls.map((c) => c[0].data.payload as Payload)
const lastPayload = () => payloads()[payloads().length - 1]

async function renderPage(
  answer: (payload: Payload) => Answer = () => ({ items: rows(1, 3), nextCursor: null }),
) {
  serve(answer)
  const view = render(<ParksPage />)
  await waitFor(() => expect(screen.queryByLabelText('加载中')).toBeNull())
  return view
}

const panel = () => within(screen.getByRole('dialog'))

beforeEach(() => resetTaroDouble())

describe('parks tab: list', () => {
  it('shows skeletons, then park cards from one request', async () => {
    serve(() => ({
      items: [makeParkSummary(1, { featured: true }), makeParkSummary(2, { price: null, divisible: true })],
      nextCursor: null,
    }))
    render(<ParksPage />)
    expect(screen.getByLabelText('加载中')).toBeTruthy()
    expect(await screen.findByText('园区房源1号')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'parks.list',
      payload: { sort: 'newest', limit: 10 },
    })
    const card = screen.getByText('园区房源1号').closest('.park-card') as HTMLElement
    expect(within(card).getByText('松江 · 厂房 · 出租')).toBeTruthy()
    expect(within(card).getByText(`1,000–3,000${J}㎡`)).toBeTruthy()
    expect(within(card).getByText(`1.1${J}元/m²/${J}天`)).toBeTruthy()
    expect(within(card).getByText('精选')).toBeTruthy()
    // Up to 3 highlights on a card.
    expect(within(card).getByText('双层')).toBeTruthy()
    expect(within(card).queryByText('近地铁')).toBeNull()
    const second = screen.getByText('园区房源2号').closest('.park-card') as HTMLElement
    expect(within(second).getByText('面议')).toBeTruthy()
    expect(within(second).getByText(`1,000–3,000${J}㎡ · 可分割`)).toBeTruthy()
    expect(within(second).queryByText('精选')).toBeNull()
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('opens a park in its subpackage', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('园区房源2号'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p002' })
  })

  it('reaching the bottom loads the next page with the cursor, once, and appends it', async () => {
    await renderPage((p) =>
      p.cursor === 'c2' ? { items: rows(11, 2), nextCursor: null } : { items: rows(1, 10), nextCursor: 'c2' },
    )
    expect(screen.getByText('园区房源10号')).toBeTruthy()
    act(() => {
      fireReachBottom()
      fireReachBottom() // a second scroll event while loading must not ask again
    })
    expect(await screen.findByText('园区房源12号')).toBeTruthy()
    expect(screen.getByText('园区房源1号')).toBeTruthy()
    expect(payloads()).toEqual([
      { sort: 'newest', limit: 10 },
      { sort: 'newest', limit: 10, cursor: 'c2' },
    ])
    expect(screen.getByText('没有更多了')).toBeTruthy()
    act(() => fireReachBottom())
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('a failed load-more keeps the rows and offers a retry at the foot', async () => {
    let failNext = true
    await renderPage((p) => {
      if (!p.cursor) return { items: rows(1, 10), nextCursor: 'c2' }
      if (failNext) {
        failNext = false
        return new Error('offline')
      }
      return { items: rows(11, 1), nextCursor: null }
    })
    act(() => fireReachBottom())
    const retry = await screen.findByText('加载失败，点击重试')
    expect(screen.getByText('园区房源1号')).toBeTruthy()
    fireEvent.click(retry)
    expect(await screen.findByText('园区房源11号')).toBeTruthy()
    expect(lastPayload()).toEqual({ sort: 'newest', limit: 10, cursor: 'c2' })
  })

  it('an error on the first load offers a retry that recovers', async () => {
    let fail = true
    serve(() => {
      if (fail) {
        fail = false
        return new Error('offline')
      }
      return { items: rows(1, 1), nextCursor: null }
    })
    render(<ParksPage />)
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    // The search and filters stay usable above the error.
    expect(screen.getByLabelText('搜索园区')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('园区房源1号')).toBeTruthy()
  })

  it('pull-to-refresh reloads page one silently and stops the animation', async () => {
    let round = 0
    await renderPage(() => ({ items: rows(++round === 1 ? 1 : 5, 1), nextCursor: null }))
    act(() => firePullDownRefresh())
    // The old rows stay until the new page arrives: no skeleton in between.
    expect(screen.queryByLabelText('加载中')).toBeNull()
    expect(await screen.findByText('园区房源5号')).toBeTruthy()
    expect(screen.queryByText('园区房源1号')).toBeNull()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('with no filters, an empty list says so and offers a refresh', async () => {
    await renderPage(() => ({ items: [], nextCursor: null }))
    expect(screen.getByText('暂无园区房源')).toBeTruthy()
    expect(screen.queryByText('清空筛选')).toBeNull()
  })
})

describe('parks tab: filters', () => {
  it('a district chip reloads with the district and shows it as an active filter', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('嘉定'))
    await waitFor(() => expect(lastPayload()).toEqual({ district: 'jiading', sort: 'newest', limit: 10 }))
    expect(screen.getByLabelText('移除条件 嘉定')).toBeTruthy()
    const districts = within(screen.getByLabelText('区域'))
    expect(districts.getByText('嘉定').closest('.park-chip')?.className).toContain('park-chip--active')
    expect(districts.getByText('全部').closest('.park-chip')?.className).not.toContain('park-chip--active')
    // 全部 clears it again.
    fireEvent.click(screen.getByText('全部'))
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 }))
  })

  it('deal and type chips toggle', async () => {
    await renderPage()
    const quick = within(screen.getByLabelText('租售与类型'))
    fireEvent.click(quick.getByText('出售'))
    await waitFor(() => expect(lastPayload()).toMatchObject({ deal: 'sale' }))
    fireEvent.click(quick.getByText('仓库'))
    await waitFor(() => expect(lastPayload()).toMatchObject({ deal: 'sale', type: 'warehouse' }))
    fireEvent.click(quick.getByText('出售'))
    await waitFor(() => expect(lastPayload()).toEqual({ type: 'warehouse', sort: 'newest', limit: 10 }))
  })

  it('the 筛选 panel applies type, deal, area and price together on 确定', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('筛选'))
    // No price band before a deal is chosen.
    expect(panel().getByText('请先选择出租或出售，再选价格区间')).toBeTruthy()
    fireEvent.click(panel().getByText('1元以下'))
    expect(panel().getByText('1元以下').closest('.park-chip')?.className).toContain('park-chip--disabled')

    fireEvent.click(panel().getByText('厂房'))
    fireEvent.click(panel().getByText('出租'))
    fireEvent.click(panel().getByText(`2,000–5,000${J}㎡`))
    fireEvent.click(panel().getByText('1–1.5元'))
    expect(request).toHaveBeenCalledTimes(1) // nothing applies before 确定
    fireEvent.click(panel().getByText('确定'))

    await waitFor(() =>
      expect(lastPayload()).toEqual({
        type: 'factory',
        deal: 'rent',
        areaMin: 2000,
        areaMax: 5000,
        priceMin: 1,
        priceMax: 1.5,
        sort: 'newest',
        limit: 10,
      }),
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByLabelText(`移除条件 2,000–5,000${J}㎡`)).toBeTruthy()
    expect(screen.getByLabelText(`移除条件 1–1.5${J}元/m²/${J}天`)).toBeTruthy()
  })

  it('sale shows its own price bands; changing the deal drops the band', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('筛选'))
    fireEvent.click(panel().getByText('出租'))
    fireEvent.click(panel().getByText('2.5元以上'))
    fireEvent.click(panel().getByText('出售'))
    expect(panel().queryByText('2.5元以上')).toBeNull()
    fireEvent.click(panel().getByText('8000元以上'))
    fireEvent.click(panel().getByText('确定'))
    await waitFor(() =>
      expect(lastPayload()).toEqual({ deal: 'sale', priceMin: 8000, sort: 'newest', limit: 10 }),
    )
  })

  it('custom area bounds are checked before they apply', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('筛选'))
    fireEvent.change(panel().getByLabelText('最小面积'), { target: { value: '3000' } })
    fireEvent.change(panel().getByLabelText('最大面积'), { target: { value: '800' } })
    fireEvent.click(panel().getByText('确定'))
    expect(panel().getByText('最小面积不能大于最大面积')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    fireEvent.change(panel().getByLabelText('最大面积'), { target: { value: '' } })
    fireEvent.click(panel().getByText('确定'))
    await waitFor(() => expect(lastPayload()).toEqual({ areaMin: 3000, sort: 'newest', limit: 10 }))
    expect(screen.getByLabelText(`移除条件 3,000${J}㎡${J}以${J}上`)).toBeTruthy()
  })

  it('重置 clears the draft; closing the panel applies nothing', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('筛选'))
    fireEvent.click(panel().getByText('土地'))
    fireEvent.click(panel().getByLabelText('关闭筛选'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(request).toHaveBeenCalledTimes(1)

    fireEvent.click(screen.getByText('出租')) // a quick chip
    await waitFor(() => expect(request).toHaveBeenCalledTimes(2))
    fireEvent.click(screen.getByText('筛选'))
    expect(panel().getByText('出租').closest('.park-chip')?.className).toContain('park-chip--active')
    fireEvent.click(panel().getByText('重置'))
    expect(panel().getByText('出租').closest('.park-chip')?.className).not.toContain('park-chip--active')
    fireEvent.click(panel().getByText('确定'))
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 }))
  })

  it('removing one active chip drops that field and reloads; 清空 drops them all', async () => {
    storage.set(
      LAST_QUERY_KEY,
      JSON.stringify({
        district: 'songjiang',
        deal: 'rent',
        priceMax: 1,
        areaMin: 500,
        areaMax: 2000,
        sort: 'newest',
      }),
    )
    await renderPage()
    expect(payloads()[0]).toEqual({
      district: 'songjiang',
      deal: 'rent',
      areaMin: 500,
      areaMax: 2000,
      priceMax: 1,
      sort: 'newest',
      limit: 10,
    })
    fireEvent.click(screen.getByLabelText(`移除条件 500–2,000${J}㎡`))
    await waitFor(() =>
      expect(lastPayload()).toEqual({
        district: 'songjiang',
        deal: 'rent',
        priceMax: 1,
        sort: 'newest',
        limit: 10,
      }),
    )
    // The deal goes with its price band.
    fireEvent.click(screen.getByLabelText('移除条件 出租'))
    await waitFor(() => expect(lastPayload()).toEqual({ district: 'songjiang', sort: 'newest', limit: 10 }))
    expect(screen.queryByLabelText(`移除条件 1${J}元/m²/${J}天${J}以${J}下`)).toBeNull()
    fireEvent.click(screen.getByText('清空'))
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 }))
    expect(screen.queryByLabelText(/^移除条件/)).toBeNull()
  })

  it('sort order comes from an action sheet of the sort labels', async () => {
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 2 })
    await renderPage()
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['最新发布', '面积从小到大', '面积从大到小', '价格从低到高', '价格从高到低'],
    })
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'area_desc', limit: 10 }))
    expect(screen.getByText('面积从大到小')).toBeTruthy()
    // Closing the sheet changes nothing.
    ;(Taro.showActionSheet as jest.Mock).mockRejectedValueOnce({ errMsg: 'showActionSheet:fail cancel' })
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    await waitFor(() => expect(Taro.showActionSheet).toHaveBeenCalledTimes(2))
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('a price sort without a deal first asks whose prices to rank: rent and sale never mix', async () => {
    ;(Taro.showActionSheet as jest.Mock)
      .mockResolvedValueOnce({ tapIndex: 3 }) // 价格从低到高
      .mockResolvedValueOnce({ tapIndex: 1 }) // 出售价格
    await renderPage()
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    await waitFor(() =>
      expect(Taro.showActionSheet).toHaveBeenLastCalledWith({
        itemList: ['出租价格（元/m²/天）', '出售价格（元/m²）'],
      }),
    )
    await waitFor(() => expect(lastPayload()).toEqual({ deal: 'sale', sort: 'price_asc', limit: 10 }))
    expect(screen.getByText('售价从低到高')).toBeTruthy()
    expect(screen.getByLabelText('移除条件 出售')).toBeTruthy()
    // Every request this page made had a deal whenever it sorted by price.
    for (const p of payloads()) if (String(p.sort).startsWith('price')) expect(p.deal).toBeDefined()

    // With a deal chosen, the price sort applies at once: no second sheet.
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 4 })
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    await waitFor(() => expect(lastPayload()).toEqual({ deal: 'sale', sort: 'price_desc', limit: 10 }))
    expect(Taro.showActionSheet).toHaveBeenCalledTimes(3)
    expect(screen.getByText('售价从高到低')).toBeTruthy()

    // Removing the deal ends the price sort (it would compare two units).
    fireEvent.click(screen.getByLabelText('移除条件 出售'))
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 }))
    expect(screen.getByText('最新发布')).toBeTruthy()
  })

  it('closing the deal sheet of a price sort changes nothing', async () => {
    ;(Taro.showActionSheet as jest.Mock)
      .mockResolvedValueOnce({ tapIndex: 4 })
      .mockRejectedValueOnce({ errMsg: 'showActionSheet:fail cancel' })
    await renderPage()
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    await waitFor(() => expect(Taro.showActionSheet).toHaveBeenCalledTimes(2))
    await Promise.resolve()
    expect(payloads()).toEqual([{ sort: 'newest', limit: 10 }])
  })

  it('a keyword searches on confirm; × clears it', async () => {
    await renderPage()
    const box = screen.getByLabelText('搜索园区')
    fireEvent.change(box, { target: { value: ' 新桥 ' } })
    expect(request).toHaveBeenCalledTimes(1) // typing alone does not search
    fireEvent.keyDown(box, { key: 'Enter' })
    await waitFor(() => expect(lastPayload()).toEqual({ keyword: '新桥', sort: 'newest', limit: 10 }))
    expect(screen.getByLabelText('移除条件 “新桥”')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('清除搜索'))
    await waitFor(() => expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 }))
    expect((screen.getByLabelText('搜索园区') as HTMLInputElement).value).toBe('')
  })

  it('an empty filtered result offers 清空筛选, which reloads everything', async () => {
    storage.set(LAST_QUERY_KEY, JSON.stringify({ type: 'land', district: 'jinshan', sort: 'newest' }))
    await renderPage((p) =>
      p.type ? { items: [], nextCursor: null } : { items: rows(1, 2), nextCursor: null },
    )
    expect(screen.getByText('没有符合条件的园区')).toBeTruthy()
    fireEvent.click(screen.getByText('清空筛选'))
    expect(await screen.findByText('园区房源1号')).toBeTruthy()
    expect(lastPayload()).toEqual({ sort: 'newest', limit: 10 })
  })

  it('a newer query supersedes one still in flight', async () => {
    let releaseFirst: (v: unknown) => void = () => undefined
    await renderPage()
    serve((p) => {
      if (p.district === 'qingpu')
        return new Promise((resolve) => {
          releaseFirst = resolve
        })
      return { items: [makeParkSummary(7, { name: '奉贤园区', district: 'fengxian' })], nextCursor: null }
    })
    fireEvent.click(screen.getByText('青浦'))
    await waitFor(() => expect(lastPayload()).toMatchObject({ district: 'qingpu' }))
    fireEvent.click(screen.getByText('奉贤'))
    expect(await screen.findByText('奉贤园区')).toBeTruthy()
    // The slow answer for 青浦 arrives last and is dropped.
    await act(async () => {
      releaseFirst(
        httpAnswer({
          ok: true,
          data: { items: [makeParkSummary(8, { name: '青浦园区' })], nextCursor: null },
        }),
      )
    })
    expect(screen.queryByText('青浦园区')).toBeNull()
    expect(screen.getByText('奉贤园区')).toBeTruthy()
  })
})

describe('parks tab: the query survives', () => {
  it('going to a detail and back keeps the filters and rows without reloading', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('闵行'))
    await waitFor(() => expect(lastPayload()).toMatchObject({ district: 'minhang' }))
    await screen.findByText('园区房源1号')
    fireEvent.click(screen.getByText('园区房源1号'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p001' })
    act(() => fireDidShow()) // back from the detail page: same page instance
    expect(request).toHaveBeenCalledTimes(2)
    expect(screen.getByLabelText('移除条件 闵行')).toBeTruthy()
    expect(screen.getByText('园区房源1号')).toBeTruthy()
  })

  it('is stored on the device and restored by a fresh mount (relaunch)', async () => {
    const first = await renderPage()
    fireEvent.click(screen.getByText('宝山'))
    await waitFor(() => expect(lastPayload()).toMatchObject({ district: 'baoshan' }))
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 2 })
    fireEvent.click(screen.getByLabelText(/^排序方式/))
    await waitFor(() => expect(lastPayload()).toMatchObject({ district: 'baoshan', sort: 'area_desc' }))
    expect(JSON.parse(String(storage.get(LAST_QUERY_KEY)))).toEqual({
      district: 'baoshan',
      sort: 'area_desc',
    })
    first.unmount()
    request.mockClear()

    await renderPage()
    expect(payloads()).toEqual([{ district: 'baoshan', sort: 'area_desc', limit: 10 }])
    expect(screen.getByLabelText('移除条件 宝山')).toBeTruthy()
    expect(screen.getByText('面积从大到小')).toBeTruthy()
  })

  it('a stored price sort without a deal (saved before prices were per deal) opens as 最新发布', async () => {
    storage.set(LAST_QUERY_KEY, JSON.stringify({ type: 'land', sort: 'price_desc' }))
    await renderPage()
    expect(payloads()).toEqual([{ type: 'land', sort: 'newest', limit: 10 }])
  })

  it('ignores a corrupt stored query', async () => {
    storage.set(LAST_QUERY_KEY, '{not json')
    await renderPage()
    expect(payloads()).toEqual([{ sort: 'newest', limit: 10 }])
  })

  it('a filter left by the home page before switchTab applies on show and is cleared', async () => {
    storage.set(LAST_QUERY_KEY, JSON.stringify({ type: 'land', deal: 'sale', sort: 'price_desc' }))
    await renderPage()
    expect(payloads()).toEqual([{ type: 'land', deal: 'sale', sort: 'price_desc', limit: 10 }])

    setPendingParkFilter({ district: 'songjiang' })
    expect(storage.has(PENDING_FILTER_KEY)).toBe(true)
    act(() => fireDidShow())
    // A fresh search for that district (the visitor's sort order kept, with the deal it ranks).
    await waitFor(() =>
      expect(lastPayload()).toEqual({ district: 'songjiang', deal: 'sale', sort: 'price_desc', limit: 10 }),
    )
    expect(storage.has(PENDING_FILTER_KEY)).toBe(false)
    // A later show with nothing pending changes nothing.
    act(() => fireDidShow())
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('a pending filter present at first mount is the first query (no double request)', async () => {
    setPendingParkFilter({ district: 'minhang', type: 'office' })
    await renderPage()
    act(() => fireDidShow())
    expect(payloads()).toEqual([{ district: 'minhang', type: 'office', sort: 'newest', limit: 10 }])
    expect(storage.has(PENDING_FILTER_KEY)).toBe(false)
  })

  it('a district in the route (?district=) starts the search', async () => {
    router.params = { district: 'qingpu' }
    await renderPage()
    expect(payloads()).toEqual([{ district: 'qingpu', sort: 'newest', limit: 10 }])
  })
})
