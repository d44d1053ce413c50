import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router, shareAppMessage, shareTimeline, storage } from '../doubles/taro'
import ParkDetailPage from '@/packages/park/detail/index'
import { favouritesStore } from '@/features/favourites/store'
import { historyStore } from '@/features/history/store'
import { resetSessionSource } from '@/lib/attribution'
import { flushContactEvents, pendingContactEvents, resetContactEvents } from '@/features/contact/events'
import type { ParkDetail } from '@/domain/actions'
import { httpAnswer } from './fixtures'
import { makePark, makeParkDetail } from './park-fixtures'

// U+2060 WORD JOINER: the formatters glue a quantity so it never wraps inside.
const J = '\u2060'

// Not in the shared double: the launch scene (1154 = opened from Moments).
const getLaunchOptionsSync = jest.fn(() => ({ scene: 1001, path: 'packages/park/detail/index', query: {} }))
Object.assign(Taro, { getLaunchOptionsSync })

const request = Taro.request as unknown as jest.Mock
const mock = (fn: unknown) => fn as jest.Mock

function serveDetail(detail: ParkDetail = makeParkDetail()) {
  request.mockImplementation(async (opts: { data: { action: string } }) => {
    if (opts.data.action !== 'parks.get') throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer({ ok: true, data: detail })
  })
}

async function renderDetail(detail?: ParkDetail, params: Record<string, string> = { id: 'p012' }) {
  router.params = params
  serveDetail(detail)
  const view = render(<ParkDetailPage />)
  await screen.findByText((detail ?? makeParkDetail()).park.name)
  return view
}

const actionBar = () => within(screen.getByLabelText('园区操作'))
const facts = () => within(screen.getByLabelText('核心信息'))
const factValue = (label: string) =>
  facts().getByText(label).closest('.park-view__fact')?.querySelector('.park-view__fact-value')?.textContent

beforeEach(() => {
  resetTaroDouble()
  favouritesStore.reload()
  historyStore.reload()
  resetSessionSource()
  resetContactEvents()
  getLaunchOptionsSync.mockImplementation(() => ({ scene: 1001, path: '', query: {} }))
})

describe('park detail page: content', () => {
  it('renders the whole page from one parks.get call with the id', async () => {
    await renderDetail()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'parks.get', payload: { id: 'p012' } })
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '松江新桥独栋厂房' })
    const head = screen.getByText('松江新桥独栋厂房').closest('.park-view__card') as HTMLElement
    expect(within(head).getByText('松江')).toBeTruthy()
    expect(within(head).getByText('厂房')).toBeTruthy()
    expect(within(head).getByText('出租')).toBeTruthy()
    expect(within(head).getByText(`1.2${J}元/m²/${J}天`)).toBeTruthy()
    expect(within(head).getByText('上海市松江区新桥镇新茸路 88 号')).toBeTruthy()
    expect(screen.getByText('智能制造')).toBeTruthy()
    expect(screen.getByText('新材料')).toBeTruthy()
    expect(screen.getByText('年税收不低于50万元/亩')).toBeTruthy()
    expect(screen.getByText('近地铁')).toBeTruthy() // every highlight on the page
    expect(screen.getByText('园区位于松江新桥，交通便利。')).toBeTruthy()
    // The agency's card closes the page.
    expect(screen.getByText('400-012-3021')).toBeTruthy()
  })

  it('shows the key facts', async () => {
    await renderDetail()
    expect(factValue('面积（可分割）')).toBe(`2,000–5,000${J}㎡`)
    expect(factValue('价格')).toBe(`1.2${J}元/m²/${J}天`)
    expect(factValue('层高')).toBe(`8${J}米`)
    expect(factValue('承重')).toBe(`1,500kg/${J}㎡`)
    expect(factValue('配电')).toBe('630kVA')
    expect(factValue('独门独院')).toBe('是')
    expect(factValue('产证')).toBe('有')
    expect(factValue('环评')).toBe('否')
    expect(factValue('区域')).toBe('松江')
  })

  it('hides facts and sections the record does not have', async () => {
    const park = makePark({
      name: '金山工业用地',
      type: 'land',
      deal: 'sale',
      price: null,
      floorHeight: undefined,
      floorLoad: undefined,
      power: undefined,
      taxRequirement: undefined,
      industries: [],
    })
    await renderDetail(makeParkDetail({ park }))
    expect(facts().queryByText('层高')).toBeNull()
    expect(facts().queryByText('承重')).toBeNull()
    expect(facts().queryByText('配电')).toBeNull()
    expect(factValue('价格')).toBe('面议')
    expect(screen.queryByText('税收要求')).toBeNull()
    expect(screen.queryByText('准入行业')).toBeNull()
  })

  it('a sale lot shows its 元/m² price with the lot total apart; rent shows no total', async () => {
    const lot = makePark({
      type: 'land',
      deal: 'sale',
      areaMin: 20000,
      areaMax: 20000,
      divisible: false,
      price: { value: 1500, unit: 'yuan_m2' },
    })
    await renderDetail(makeParkDetail({ park: lot }))
    const head = screen.getByText(lot.name).closest('.park-view__card') as HTMLElement
    expect(within(head).getByText(`1,500${J}元/m²`)).toBeTruthy()
    expect(within(head).getByText(`总价约3,000${J}万${J}元`)).toBeTruthy()
    expect(factValue('价格')).toBe(`1,500${J}元/m²`)
  })

  it('a rent listing has no lot total', async () => {
    await renderDetail()
    expect(screen.queryByText(/总价/)).toBeNull()
  })

  it('a photo tap previews every photo full-screen at the one tapped', async () => {
    await renderDetail()
    expect(document.querySelector('[data-swiper]')?.getAttribute('data-indicator-dots')).toBe('true')
    fireEvent.click(screen.getByAltText('松江新桥独栋厂房 第2张照片'))
    expect(Taro.previewImage).toHaveBeenCalledWith({
      urls: ['/media/parks/p012-1.jpg', '/media/parks/p012-2.jpg', '/media/parks/p012-3.jpg'],
      current: '/media/parks/p012-2.jpg',
    })
  })

  it('shows a fixed map at the park and hands navigation to openLocation', async () => {
    await renderDetail()
    const map = document.querySelector('[data-map]') as HTMLElement
    expect(map.getAttribute('data-latitude')).toBe('31.0567')
    expect(map.getAttribute('data-longitude')).toBe('121.3301')
    expect(map.getAttribute('data-scale')).toBe('14')
    expect(map.getAttribute('data-enable-scroll')).toBe('false')
    expect(JSON.parse(map.getAttribute('data-markers') ?? '[]')).toEqual([
      expect.objectContaining({ latitude: 31.0567, longitude: 121.3301 }),
    ])
    fireEvent.click(screen.getByText('导航'))
    expect(Taro.openLocation).toHaveBeenCalledWith({
      latitude: 31.0567,
      longitude: 121.3301,
      name: '松江新桥独栋厂房',
      address: '上海市松江区新桥镇新茸路 88 号',
      scale: 16,
    })
  })

  it('a refused openLocation is swallowed', async () => {
    mock(Taro.openLocation).mockRejectedValueOnce({ errMsg: 'openLocation:fail cancel' })
    await renderDetail()
    fireEvent.click(screen.getByText('导航'))
    await waitFor(() => expect(Taro.openLocation).toHaveBeenCalled())
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('similar parks open their own detail page', async () => {
    await renderDetail()
    expect(screen.getByText('相似园区')).toBeTruthy()
    fireEvent.click(screen.getByText('新桥标准厂房'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p021' })
  })

  it('records the view in history', async () => {
    await renderDetail()
    await waitFor(() => expect(historyStore.get()).toHaveLength(1))
    expect(historyStore.get()[0]).toMatchObject({
      kind: 'park',
      id: 'p012',
      title: '松江新桥独栋厂房',
      cover: '/media/parks/p012-1.jpg',
      subtitle: '松江 · 厂房 · 出租',
    })
    expect(storage.get('history.viewed.v1')).toContain('p012')
  })
})

describe('park detail page: actions', () => {
  it('电话 offers the hotline and the callable mobiles, and dials the chosen one', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 1 })
    await renderDetail()
    fireEvent.click(actionBar().getByText('电话'))
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13524678515' }))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['招商热线 400-012-3021', '葛毅明 135 2467 8515'],
    })
  })

  it('closing the call sheet is not an error: nothing happens', async () => {
    mock(Taro.showActionSheet).mockRejectedValueOnce({ errMsg: 'showActionSheet:fail cancel' })
    await renderDetail()
    fireEvent.click(actionBar().getByText('电话'))
    await waitFor(() => expect(Taro.showActionSheet).toHaveBeenCalled())
    await act(async () => undefined)
    expect(Taro.makePhoneCall).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('微信 → 复制微信号 copies the WeChat ID', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 0 })
    await renderDetail()
    fireEvent.click(actionBar().getByText('微信'))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['复制微信号', '查看二维码', '存入通讯录'],
    })
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' }))
  })

  it('微信 → 存入通讯录 saves the agent as a phone contact', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 2 })
    await renderDetail()
    fireEvent.click(actionBar().getByText('微信'))
    await waitFor(() =>
      expect(Taro.addPhoneContact).toHaveBeenCalledWith({
        firstName: '葛毅明',
        mobilePhoneNumber: '13524678515',
        weChatNumber: '13524678515',
        organization: '中国产业园区招商网',
        title: '招商顾问',
        hostNumber: '4000123021',
      }),
    )
  })

  it('taps are recorded with the page and the park, and sent in one events.record call', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 0 }).mockResolvedValueOnce({ tapIndex: 0 })
    await renderDetail(undefined, { id: 'p012', src: 'expo' })
    fireEvent.click(actionBar().getByText('电话'))
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' }))
    fireEvent.click(actionBar().getByText('微信'))
    await waitFor(() => expect(pendingContactEvents()).toHaveLength(2))
    fireEvent.click(actionBar().getByText('留言咨询'))
    expect(pendingContactEvents().map((e) => e.kind)).toEqual(['call', 'copy-wechat', 'open-inquiry'])
    expect(pendingContactEvents()[0]).toEqual({
      kind: 'call',
      page: '/packages/park/detail/index',
      parkId: 'p012',
      source: 'expo',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })

    request.mockClear()
    request.mockImplementation(async () => httpAnswer({ ok: true, data: { accepted: 3 } }))
    await act(() => flushContactEvents())
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'events.record',
      payload: { events: [expect.objectContaining({ kind: 'call' }), expect.anything(), expect.anything()] },
    })
    expect(pendingContactEvents()).toEqual([])
  })

  it('微信 → 查看二维码 opens the QR code full-screen', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 1 })
    await renderDetail()
    fireEvent.click(actionBar().getByText('微信'))
    await waitFor(() =>
      expect(Taro.previewImage).toHaveBeenCalledWith(
        expect.objectContaining({
          urls: ['/media/agent-wechat-qr.png'],
          current: '/media/agent-wechat-qr.png',
        }),
      ),
    )
    expect(Taro.setClipboardData).not.toHaveBeenCalled()
  })

  it('收藏 toggles the favourite, says so, and keeps it on the device', async () => {
    await renderDetail()
    fireEvent.click(actionBar().getByText('收藏'))
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已收藏', icon: 'none' })
    expect(actionBar().getByText('已收藏')).toBeTruthy()
    const saved = JSON.parse(String(storage.get('favourites.parks.v1')))
    expect(saved).toHaveLength(1)
    expect(saved[0].park).toMatchObject({ id: 'p012', name: '松江新桥独栋厂房' })
    expect(saved[0].park).not.toHaveProperty('description') // the summary only

    fireEvent.click(actionBar().getByText('已收藏'))
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已取消收藏', icon: 'none' })
    expect(actionBar().getByText('收藏')).toBeTruthy()
    expect(JSON.parse(String(storage.get('favourites.parks.v1')))).toEqual([])
  })

  it('shows a park saved earlier as a favourite', async () => {
    storage.set(
      'favourites.parks.v1',
      JSON.stringify([{ park: { id: 'p012' }, savedAt: '2026-04-01T00:00:00Z' }]),
    )
    favouritesStore.reload()
    await renderDetail()
    expect(actionBar().getByText('已收藏')).toBeTruthy()
  })

  it('留言咨询 opens the inquiry page with the park and what preselects the form', async () => {
    await renderDetail()
    fireEvent.click(actionBar().getByText('留言咨询'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/inquiry/form/index?parkId=p012&parkName=${encodeURIComponent('松江新桥独栋厂房')}&district=songjiang&type=factory&deal=rent`,
    })
  })
})

describe('park detail page: sharing and entry', () => {
  it('share card and Moments carry the id and src=share by default', async () => {
    await renderDetail()
    expect(shareAppMessage()).toEqual({
      title: '松江新桥独栋厂房 1.2元/m²/天',
      path: '/packages/park/detail/index?id=p012&src=share',
      imageUrl: '/media/parks/p012-1.jpg',
    })
    expect(shareTimeline()).toEqual({
      title: '松江新桥独栋厂房 1.2元/m²/天',
      query: 'id=p012&src=share',
      imageUrl: '/media/parks/p012-1.jpg',
    })
  })

  it('a visit from a shared link passes its source on', async () => {
    await renderDetail(undefined, { id: 'p012', src: 'pst01' })
    expect(shareAppMessage().path).toBe('/packages/park/detail/index?id=p012&src=pst01')
    expect(shareTimeline().query).toBe('id=p012&src=pst01')
  })

  it('opens from a QR code scene', async () => {
    await renderDetail(undefined, { scene: encodeURIComponent('p=p012&s=expo') })
    expect(request.mock.calls[0][0].data.payload).toEqual({ id: 'p012' })
    expect(shareAppMessage().path).toBe('/packages/park/detail/index?id=p012&src=expo')
  })

  it('Moments single-page mode: read-only, no 留言, no similar-park navigation, a hint', async () => {
    getLaunchOptionsSync.mockImplementation(() => ({ scene: 1154, path: '', query: {} }))
    await renderDetail()
    expect(screen.getByText('打开小程序查看更多')).toBeTruthy()
    expect(actionBar().queryByText('留言咨询')).toBeNull()
    expect(screen.queryByText('在线咨询')).toBeNull()
    expect(screen.queryByText('新桥标准厂房')).toBeNull()
    // Calling and WeChat still work.
    expect(actionBar().getByText('电话')).toBeTruthy()
    expect(actionBar().getByText('微信')).toBeTruthy()
    // Content still renders.
    expect(factValue('层高')).toBe(`8${J}米`)
    expect(screen.getByText('园区位于松江新桥，交通便利。')).toBeTruthy()
  })
})

describe('park detail page: states', () => {
  it('shows a skeleton while loading', async () => {
    router.params = { id: 'p012' }
    serveDetail()
    render(<ParkDetailPage />)
    expect(screen.getByLabelText('加载中')).toBeTruthy()
    await screen.findByText('松江新桥独栋厂房')
  })

  it('a missing park says so, with no retry and a way home', async () => {
    router.params = { id: 'p404' }
    request.mockResolvedValueOnce(
      httpAnswer({ ok: false, error: { code: 'NOT_FOUND', message: '园区不存在或已下架' } }, 404),
    )
    render(<ParkDetailPage />)
    expect(await screen.findByText('内容不存在')).toBeTruthy()
    expect(screen.getByText('园区不存在或已下架')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('a link without a usable id is not found, without a request', async () => {
    router.params = {}
    render(<ParkDetailPage />)
    expect(await screen.findByText('内容不存在')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('a malformed id reads as not found without asking the server', async () => {
    router.params = { id: 'BAD' }
    render(<ParkDetailPage />)
    expect(await screen.findByText('内容不存在')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
    expect(request).not.toHaveBeenCalled()
  })

  it("the server's validation error reads as not found", async () => {
    router.params = { id: 'p999' }
    request.mockResolvedValueOnce(
      httpAnswer(
        {
          ok: false,
          error: { code: 'VALIDATION', message: '参数错误', fields: { id: '园区编号格式不正确' } },
        },
        400,
      ),
    )
    render(<ParkDetailPage />)
    expect(await screen.findByText('内容不存在')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
  })

  it('a network failure offers a retry that loads the park', async () => {
    router.params = { id: 'p012' }
    request.mockRejectedValueOnce(new Error('offline'))
    render(<ParkDetailPage />)
    const retry = await screen.findByText('重新加载')
    expect(screen.getByText('返回首页')).toBeTruthy()
    serveDetail()
    fireEvent.click(retry)
    expect(await screen.findByText('松江新桥独栋厂房')).toBeTruthy()
  })
})
