/**
 * 我的 (pages/mine/index) and its subpackage pages: favourites, history, about & privacy.
 * Favourites and history are device-local stores; the contact card comes from the cached
 * home answer, or from one home.get call when there is none.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, storage } from '../doubles/taro'
import MinePage from '@/pages/mine/index'
import FavouritesPage from '@/packages/mine/favourites/index'
import HistoryPage from '@/packages/mine/history/index'
import AboutPage from '@/packages/mine/about/index'
import { favouritesStore, toggleFavourite } from '@/features/favourites/store'
import { historyStore, recordView } from '@/features/history/store'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { setStaffMe } from '@/features/staff/me'
import { httpAnswer } from './fixtures'
import { makeHome, makePark } from './home-fixtures'

// U+2060 WORD JOINER: the formatters glue a quantity so it never wraps inside.
const J = '\u2060'

const request = Taro.request as unknown as jest.Mock

/** The api calls made, by action, other than staff.me (the 员工工作台 entry asks it on every 我的). */
const nonStaffActions = () =>
  request.mock.calls.map((c) => c[0].data.action as string).filter((a) => a !== 'staff.me')

/** home.get answers from `home` (a function: per call); staff.me answers "not staff". */
function serveHome(home: () => Promise<unknown>) {
  request.mockImplementation(({ data }: { data: { action: string } }) =>
    data.action === 'staff.me'
      ? Promise.resolve(httpAnswer({ ok: true, data: { member: null, unreadLeads: 0 } }))
      : home(),
  )
}

beforeEach(() => {
  resetTaroDouble()
  setStaffMe(null)
  favouritesStore.set([])
  historyStore.set([])
})

const seedHomeCache = () =>
  storage.set(HOME_CACHE_KEY, JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }))

describe('我的', () => {
  it('shows counts and opens favourites, history and about', async () => {
    seedHomeCache()
    toggleFavourite(makePark(1))
    toggleFavourite(makePark(2))
    recordView({ kind: 'article', id: 'a-1', title: '文章', cover: '', subtitle: '园区动态' })
    render(<MinePage />)
    expect(screen.getByText('2个园区')).toBeTruthy()
    expect(screen.getByText('1条')).toBeTruthy()
    fireEvent.click(screen.getByText('我的收藏'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/mine/favourites/index' })
    fireEvent.click(screen.getByText('最近浏览'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/mine/history/index' })
    fireEvent.click(screen.getByText('关于我们与隐私政策'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/mine/about/index' })
  })

  it('the contact card comes from the cached home answer, with no home request', async () => {
    seedHomeCache()
    serveHome(() => Promise.reject(new Error('home.get must not be called')))
    render(<MinePage />)
    expect(screen.getByText('400-012-3021')).toBeTruthy()
    expect(screen.getByText('找园区、找厂房，联系葛毅明')).toBeTruthy()
    await act(async () => {})
    expect(nonStaffActions()).toEqual([])
  })

  it('without a cache, one home.get call fills the contact card (and the cache)', async () => {
    serveHome(() => Promise.resolve(httpAnswer({ ok: true, data: makeHome() })))
    render(<MinePage />)
    expect(await screen.findByText('400-012-3021')).toBeTruthy()
    expect(nonStaffActions()).toEqual(['home.get'])
    expect(request.mock.calls.map((c) => c[0].data)).toContainEqual({ action: 'home.get', payload: {} })
    expect(storage.has(HOME_CACHE_KEY)).toBe(true)
  })

  it('a failed contact load offers a retry; the rest of the page works', async () => {
    let online = false
    serveHome(() =>
      online
        ? Promise.resolve(httpAnswer({ ok: true, data: makeHome() }))
        : Promise.reject(new Error('offline')),
    )
    render(<MinePage />)
    const retry = await screen.findByText('联系方式加载失败，点击重试')
    expect(screen.getByText('我的收藏')).toBeTruthy()
    online = true
    fireEvent.click(retry)
    expect(await screen.findByText('400-012-3021')).toBeTruthy()
  })

  it('counts follow the stores while the page is open', async () => {
    seedHomeCache()
    render(<MinePage />)
    expect(screen.getByText('0个园区')).toBeTruthy()
    act(() => void toggleFavourite(makePark(3)))
    expect(screen.getByText('1个园区')).toBeTruthy()
  })
})

describe('我的收藏', () => {
  it('lists favourite parks from the store, newest first; a row opens the park', () => {
    toggleFavourite(makePark(1))
    toggleFavourite(
      makePark(2, { name: '嘉定工业用地', district: 'jiading', type: 'land', deal: 'sale', price: null }),
    )
    render(<FavouritesPage />)
    const names = screen.getAllByText(/松江园区1号厂房|嘉定工业用地/).map((n) => n.textContent)
    expect(names).toEqual(['嘉定工业用地', '松江园区1号厂房'])
    // Rows say 出租/出售 like the history rows.
    expect(screen.getByText('嘉定 · 土地 · 出售')).toBeTruthy()
    expect(screen.getByText('松江 · 厂房 · 出租')).toBeTruthy()
    expect(screen.getByText('面议')).toBeTruthy()
    expect(screen.getByText(`1.2${J}元/m²/${J}天`)).toBeTruthy()
    expect(screen.getByText('共 2 个园区 · 仅保存在本机')).toBeTruthy()
    fireEvent.click(screen.getByText('松江园区1号厂房'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p001' })
  })

  it('取消收藏 removes the row (and from storage) without opening the park', () => {
    toggleFavourite(makePark(1))
    toggleFavourite(makePark(2, { name: '第二个园区' }))
    render(<FavouritesPage />)
    fireEvent.click(screen.getAllByText('取消收藏')[0])
    expect(screen.queryByText('第二个园区')).toBeNull()
    expect(screen.getByText('松江园区1号厂房')).toBeTruthy()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(JSON.parse(String(storage.get('favourites.parks.v1'))).map((f: any) => f.park.id)).toEqual([
      'p001',
    ])
  })

  it('empty: says so and 去找园区 switches to the parks tab', () => {
    render(<FavouritesPage />)
    expect(screen.getByText('还没有收藏的园区')).toBeTruthy()
    fireEvent.click(screen.getByText('去找园区'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/parks/index' })
  })

  it('removing the last one shows the empty state', () => {
    toggleFavourite(makePark(1))
    render(<FavouritesPage />)
    fireEvent.click(screen.getByText('取消收藏'))
    expect(screen.getByText('还没有收藏的园区')).toBeTruthy()
  })
})

describe('最近浏览', () => {
  const seed = () => {
    recordView(
      { kind: 'park', id: 'p012', title: '松江洞泾标准厂房', cover: '/media/p.png', subtitle: '松江 · 厂房' },
      new Date('2026-11-20T10:00:00+08:00'),
    )
    recordView(
      {
        kind: 'article',
        id: 'a-7',
        title: 'G60科创走廊新政解读',
        cover: '/media/a.png',
        subtitle: '政策解读',
      },
      new Date('2026-11-21T10:00:00+08:00'),
    )
  }

  it('lists parks and articles newest first; rows open the right detail page', () => {
    seed()
    render(<HistoryPage />)
    const titles = screen.getAllByText(/松江洞泾标准厂房|G60科创走廊新政解读/).map((n) => n.textContent)
    expect(titles).toEqual(['G60科创走廊新政解读', '松江洞泾标准厂房'])
    expect(screen.getByText('园区')).toBeTruthy()
    expect(screen.getByText('资讯')).toBeTruthy()
    expect(screen.getByText('政策解读')).toBeTruthy()
    fireEvent.click(screen.getByText('松江洞泾标准厂房'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/park/detail/index?id=p012' })
    fireEvent.click(screen.getByText('G60科创走廊新政解读'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/article/detail/index?id=a-7' })
  })

  it('清空 asks first; confirming clears the list and storage', async () => {
    seed()
    render(<HistoryPage />)
    fireEvent.click(screen.getByText('清空'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '清空浏览记录' }))
    expect(await screen.findByText('还没有浏览记录')).toBeTruthy()
    expect(JSON.parse(String(storage.get('history.viewed.v1')))).toEqual([])
  })

  it('cancelling the confirm keeps everything', async () => {
    seed()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<HistoryPage />)
    fireEvent.click(screen.getByText('清空'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    await act(async () => undefined)
    expect(screen.getByText('松江洞泾标准厂房')).toBeTruthy()
    expect(historyStore.get()).toHaveLength(2)
  })

  it('empty: says so and offers the home page', () => {
    render(<HistoryPage />)
    expect(screen.getByText('还没有浏览记录')).toBeTruthy()
    fireEvent.click(screen.getByText('去首页看看'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})

describe('关于我们与隐私政策', () => {
  it('says who we are and what we do', () => {
    seedHomeCache()
    render(<AboutPage />)
    const text = document.body.textContent ?? ''
    expect(text).toContain('中国产业园区招商网')
    expect(text).toContain('产业招商')
    expect(text).toContain('厂房/土地租售')
    expect(text).toContain('企业注册落户')
  })

  it('has the PIPL Art. 17 elements: who, what is collected, purpose, retention, deletion, clipboard', () => {
    seedHomeCache()
    render(<AboutPage />)
    const text = document.body.textContent ?? ''
    // Who handles the data, and how to reach them (from the agency's contact record).
    expect(text).toContain('个人信息的处理者')
    expect(text).toContain('400-012-3021')
    expect(text).toContain('13524678515')
    // What is (and is not) collected.
    expect(text).toContain('收集')
    expect(text).toMatch(/不收集您的姓名、手机号/)
    expect(text).toMatch(/收藏.*只保存在您手机上/)
    for (const field of ['联系人', '手机号', '公司', '需求']) expect(text).toContain(field)
    // Purpose, retention, deletion.
    expect(text).toContain('用途')
    expect(text).toContain('匹配合适的园区')
    expect(text).toContain('保存期限')
    // The periods the retention job purges by (src/domain/retention.ts defaults: 24 and 6 months).
    expect(text).toContain('需求线索、联系按钮的点击记录和访问记录自提交之日起保存不超过 24 个月（2 年）')
    expect(text).toContain('经核实无效的线索保存不超过 6 个月')
    expect(text).toContain('到期后由系统每日自动删除')
    expect(text).toContain('删除')
    expect(text).toContain('15 个工作日')
    // Clipboard use is declared.
    expect(text).toContain('剪贴板')
    // Version and date.
    expect(text).toMatch(/版本 1\.4 · 更新日期 2026年12月1日/)
    expect(text).toContain('网络地址（IP）经不可逆的加密摘要')
    expect(text).toContain('我们不会读取您的通讯录')
    expect(text).toContain('记录您点击了哪个联系按钮')
    // The channel funnel's visits (issue 9 item 4): what is recorded, and that it can be deleted.
    expect(text).toContain('记录您每次打开小程序是扫码、分享还是直接进入、来自哪个渠道')
    expect(text).toContain('打开了哪个园区或文章的详情页')
  })

  it('tapping the hotline calls it', () => {
    seedHomeCache()
    render(<AboutPage />)
    fireEvent.click(screen.getByText(/（点击拨打）/))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
  })
})
