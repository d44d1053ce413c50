/**
 * The home page (pages/index/index): one `home.get` call, stale-while-revalidate from the
 * local cache, district shortcuts into the parks tab. The articles list that used to live
 * here moved to the 资讯 tab: see articles-tab.test.tsx. QR entry: scene-entry.test.tsx.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { firePullDownRefresh, resetTaroDouble, storage } from '../doubles/taro'
import HomePage from '@/pages/index/index'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { parkSubtitle } from '@/features/home/format'
import { resetSessionSource } from '@/lib/attribution'
import { httpAnswer } from './fixtures'
import { makeHome, makePark } from './home-fixtures'

// U+2060 WORD JOINER: the formatters glue a quantity so it never wraps inside.
const J = '\u2060'

const request = Taro.request as unknown as jest.Mock

const homeAnswer = (data = makeHome()) => httpAnswer({ ok: true, data })
const spinners = () => screen.queryAllByLabelText('加载中')

function seedCache(data = makeHome(), savedAt = '2026-11-20T08:00:00.000Z') {
  storage.set(HOME_CACHE_KEY, JSON.stringify({ data, savedAt }))
}

/** A request answered only when the test says so. */
function deferred() {
  let resolve!: (v: unknown) => void
  let reject!: (e: unknown) => void
  const promise = new Promise((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => {
  resetTaroDouble()
  resetSessionSource()
})

describe('home page', () => {
  it('renders banner, districts, featured parks, latest articles and contact from ONE home.get call', async () => {
    request.mockResolvedValueOnce(homeAnswer())
    render(<HomePage />)
    expect(spinners().length).toBeGreaterThan(0) // no cache: the skeleton
    expect(await screen.findByText('松江园区1号厂房')).toBeTruthy()

    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'home.get', payload: {} })
    expect(spinners()).toHaveLength(0)

    // Hotline banner
    expect(screen.getAllByText('中国产业园区招商网').length).toBeGreaterThan(0)
    expect(screen.getByText('厂房土地租售 · 企业注册落户')).toBeTruthy()
    expect(screen.getByText('招商热线')).toBeTruthy()
    // District chips from DISTRICT_LABELS
    for (const label of ['松江', '嘉定', '青浦', '奉贤', '金山', '闵行', '宝山', '浦东/临港', '宣城']) {
      expect(screen.getByText(label)).toBeTruthy()
    }
    // Featured parks: name, district · type, price, area
    expect(screen.getByText('松江 · 厂房')).toBeTruthy()
    expect(screen.getByText(`1.2${J}元/m²/${J}天`)).toBeTruthy()
    expect(screen.getByText(`1,000–3,000${J}㎡`)).toBeTruthy()
    expect(screen.getByText('嘉定工业用地')).toBeTruthy()
    expect(screen.getByText('嘉定 · 土地')).toBeTruthy()
    expect(screen.getByText('面议')).toBeTruthy()
    // Latest articles, with the list's card
    expect(screen.getByText('园区资讯第1篇')).toBeTruthy()
    expect(screen.getByText('园区资讯第3篇')).toBeTruthy()
    // Contact strip
    expect(screen.getByText('找园区、找厂房，联系葛毅明')).toBeTruthy()
    // The answer is cached for the next visit.
    const cached = JSON.parse(String(storage.get(HOME_CACHE_KEY)))
    expect(cached.data.featuredParks[0].id).toBe('p001')
    expect(typeof cached.savedAt).toBe('string')
  })

  it('the hotline banner and the contact strip call the 400 number', async () => {
    request.mockResolvedValueOnce(homeAnswer())
    render(<HomePage />)
    fireEvent.click((await screen.findAllByLabelText('拨打招商热线 400-012-3021'))[0])
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    fireEvent.click(screen.getByText('拨打电话'))
    expect(Taro.makePhoneCall).toHaveBeenCalledTimes(2)
    fireEvent.click(screen.getByText('复制微信'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' })
  })

  describe('stale-while-revalidate', () => {
    it('with a cache: renders it at once with zero spinners, then replaces it after the fetch', async () => {
      seedCache(makeHome({ featuredParks: [makePark(1, { name: '缓存里的园区' })] }))
      const answer = deferred()
      request.mockReturnValueOnce(answer.promise)
      render(<HomePage />)

      // First paint, before any answer: the cached content and no skeleton or spinner.
      expect(screen.getByText('缓存里的园区')).toBeTruthy()
      expect(spinners()).toHaveLength(0)
      expect(request).toHaveBeenCalledTimes(1) // …while revalidating in the background

      await act(async () => {
        answer.resolve(homeAnswer(makeHome({ featuredParks: [makePark(1, { name: '最新的园区' })] })))
      })
      expect(await screen.findByText('最新的园区')).toBeTruthy()
      expect(screen.queryByText('缓存里的园区')).toBeNull()
      expect(spinners()).toHaveLength(0)
      expect(screen.queryByText('网络异常，显示的是缓存内容')).toBeNull()
      expect(JSON.parse(String(storage.get(HOME_CACHE_KEY))).data.featuredParks[0].name).toBe('最新的园区')
    })

    it('an error with a cache keeps the content and shows a small non-blocking notice', async () => {
      seedCache()
      request.mockRejectedValueOnce(new Error('offline'))
      render(<HomePage />)
      expect(await screen.findByText('网络异常，显示的是缓存内容')).toBeTruthy()
      expect(screen.getByText('松江园区1号厂房')).toBeTruthy()
      expect(screen.getByText('园区资讯第1篇')).toBeTruthy()
      expect(screen.queryByText('网络连接失败')).toBeNull()
      expect(spinners()).toHaveLength(0)

      // Its 重试 fetches again and the notice goes away on success.
      request.mockResolvedValueOnce(homeAnswer())
      fireEvent.click(screen.getByText('重试'))
      await waitFor(() => expect(screen.queryByText('网络异常，显示的是缓存内容')).toBeNull())
      expect(request).toHaveBeenCalledTimes(2)
    })

    it('an error without a cache shows the error state, and 重新加载 recovers', async () => {
      request.mockRejectedValueOnce(new Error('offline'))
      render(<HomePage />)
      expect(await screen.findByText('网络连接失败')).toBeTruthy()
      request.mockResolvedValueOnce(homeAnswer())
      fireEvent.click(screen.getByText('重新加载'))
      expect(await screen.findByText('松江园区1号厂房')).toBeTruthy()
      expect(request).toHaveBeenCalledTimes(2)
    })

    it('ignores a cache it cannot read (wrong shape) and shows the skeleton', async () => {
      storage.set(HOME_CACHE_KEY, JSON.stringify({ data: { contact: null }, savedAt: 1 }))
      request.mockResolvedValueOnce(homeAnswer())
      render(<HomePage />)
      expect(spinners().length).toBeGreaterThan(0)
      expect(await screen.findByText('松江园区1号厂房')).toBeTruthy()
    })

    it('pull-to-refresh fetches again and stops the refresh animation', async () => {
      request.mockResolvedValueOnce(homeAnswer())
      render(<HomePage />)
      await screen.findByText('松江园区1号厂房')
      request.mockResolvedValueOnce(
        homeAnswer(makeHome({ featuredParks: [makePark(9, { name: '刷新后的园区' })] })),
      )
      act(() => firePullDownRefresh())
      expect(await screen.findByText('刷新后的园区')).toBeTruthy()
      await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    })
  })

  it('a district chip writes the pending parks filter and switches to the parks tab', async () => {
    request.mockResolvedValueOnce(homeAnswer())
    render(<HomePage />)
    await screen.findByText('松江园区1号厂房')
    fireEvent.click(screen.getByText('嘉定'))
    expect(JSON.parse(String(storage.get('parks.pendingFilter.v1')))).toEqual({ district: 'jiading' })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/parks/index' })
  })

  it('the search entry opens the parks tab without a filter', async () => {
    request.mockResolvedValueOnce(homeAnswer())
    render(<HomePage />)
    fireEvent.click(await screen.findByText('搜索园区、厂房、土地'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/parks/index' })
    expect(storage.has('parks.pendingFilter.v1')).toBe(false)
  })

  it('a featured park opens its detail page; an article opens its detail page', async () => {
    request.mockResolvedValueOnce(homeAnswer())
    render(<HomePage />)
    fireEvent.click(await screen.findByText('松江园区1号厂房'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p001' })
    fireEvent.click(screen.getByText('园区资讯第2篇'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-2' })
    fireEvent.click(screen.getByText(/更多资讯/))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/articles/index' })
  })
})

describe('home park labels (features/home/format)', () => {
  it('district · type', () => {
    expect(parkSubtitle({ district: 'pudong', type: 'registration' })).toBe('浦东/临港 · 注册落户')
  })
})
