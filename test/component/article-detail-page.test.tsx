import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router, shareAppMessage, shareTimeline } from '../doubles/taro'
import ArticleDetailPage from '@/packages/article/detail/index'
import { historyStore } from '@/features/history/store'
import { getSessionSource, resetSessionSource } from '@/lib/attribution'
import { pendingContactEvents, resetContactEvents } from '@/features/contact/events'
import { contact, httpAnswer, makeArticle, makeSummary } from './fixtures'

// Not in the shared double: the launch scene (1154 = opened from Moments).
const getLaunchOptionsSync = jest.fn(() => ({
  scene: 1001,
  path: 'packages/article/detail/index',
  query: {},
}))
Object.assign(Taro, { getLaunchOptionsSync })

const request = Taro.request as unknown as jest.Mock
const contactBar = () => within(screen.getByLabelText('联系操作'))

const related = [
  makeSummary(21, { title: '相关：松江厂房租金行情', category: 'guide' }),
  makeSummary(22, { title: '相关：G60走廊新政', category: 'policy' }),
]

function renderDetail(
  article = makeArticle({ id: 'a-1', title: '松江厂房选址要点', views: 35 }),
  params: Record<string, string> = { id: 'a-1' },
) {
  router.params = params
  request.mockResolvedValueOnce(httpAnswer({ ok: true, data: { article, contact, related } }))
  render(<ArticleDetailPage />)
  return screen.findByText('松江厂房选址要点')
}

beforeEach(() => {
  resetTaroDouble()
  resetSessionSource()
  resetContactEvents()
  historyStore.set([])
  getLaunchOptionsSync.mockImplementation(() => ({ scene: 1001, path: '', query: {} }))
})

describe('article detail page', () => {
  it('renders the article and the contact card from one api call', async () => {
    await renderDetail()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'articles.get', payload: { id: 'a-1' } })
    expect(screen.getByText('35次阅读')).toBeTruthy()
    expect(screen.getByText(/个月前 \(04-21\)$/)).toBeTruthy()
    expect(screen.getByText('正文第一段')).toBeTruthy()
    expect(screen.getByText('#松江产业园')).toBeTruthy()
    expect(screen.getByText('400-012-3021')).toBeTruthy()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '松江厂房选址要点' })
  })

  it('tapping the hotline reaches makePhoneCall with the 400 number', async () => {
    await renderDetail()
    fireEvent.click(screen.getByText('拨打招商热线'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
  })

  it('offers calls only to numbers that take calls (not the WeChat-only one)', async () => {
    await renderDetail()
    expect(screen.getByText('135 2467 8515')).toBeTruthy()
    expect(screen.queryByText('133 9121 9793')).toBeNull()
    fireEvent.click(screen.getByText('拨打'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13524678515' })
  })

  it('a cancelled call is not an error: nothing is shown', async () => {
    ;(Taro.makePhoneCall as jest.Mock).mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail cancel' })
    await renderDetail()
    fireEvent.click(screen.getByText('拨打招商热线'))
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalled())
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('copy reaches setClipboardData with the WeChat ID and confirms with a toast', async () => {
    await renderDetail()
    fireEvent.click(screen.getByText('复制微信号'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' })
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: expect.stringContaining('微信号已复制') }),
      ),
    )
  })

  it('when copying is refused, shows the ID so it can be typed', async () => {
    ;(Taro.setClipboardData as jest.Mock).mockRejectedValueOnce({ errMsg: 'setClipboardData:fail privacy' })
    await renderDetail()
    fireEvent.click(screen.getByText('复制微信号'))
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringContaining('13524678515') }),
      ),
    )
  })

  it('shows the QR code for long-press and opens it full-screen from its own button', async () => {
    await renderDetail()
    const qr = screen.getByAltText('葛毅明的微信二维码')
    expect(qr.getAttribute('data-show-menu-by-longpress')).toBe('true')
    fireEvent.click(screen.getByText('查看大图'))
    expect(Taro.previewImage).toHaveBeenCalledWith(
      expect.objectContaining({
        urls: ['/media/agent-wechat-qr.png'],
        current: '/media/agent-wechat-qr.png',
      }),
    )
  })

  it('the contact bar: 电话 offers the hotline and the mobile, 留言咨询 opens the form with the article', async () => {
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 0 })
    await renderDetail()
    fireEvent.click(contactBar().getByText('电话'))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['招商热线 400-012-3021', '葛毅明 135 2467 8515'],
    })
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' }))
    fireEvent.click(contactBar().getByText('留言咨询'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/inquiry/form/index?articleId=a-1' })
    await waitFor(() => expect(pendingContactEvents()).toHaveLength(2))
    expect(pendingContactEvents()).toEqual([
      expect.objectContaining({ kind: 'call', page: '/packages/article/detail/index', articleId: 'a-1' }),
      expect.objectContaining({
        kind: 'open-inquiry',
        page: '/packages/article/detail/index',
        articleId: 'a-1',
      }),
    ])
  })

  it('Moments single-page mode: no 留言, no 在线咨询, no related or tag navigation; calling still works', async () => {
    getLaunchOptionsSync.mockImplementation(() => ({ scene: 1154, path: '', query: {} }))
    await renderDetail()
    expect(contactBar().queryByText('留言咨询')).toBeNull()
    expect(screen.queryByText('在线咨询')).toBeNull()
    expect(screen.queryByText('相关阅读')).toBeNull()
    fireEvent.click(screen.getByText('#松江产业园'))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('拨打招商热线'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    expect(screen.getByText('正文第一段')).toBeTruthy()
  })

  it('a missing article shows "内容不存在" with no retry', async () => {
    router.params = { id: 'a-404' }
    request.mockResolvedValueOnce(
      httpAnswer({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } }, 404),
    )
    render(<ArticleDetailPage />)
    expect(await screen.findByText('内容不存在')).toBeTruthy()
    expect(screen.getByText('文章不存在或已下线')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('a network failure offers a retry that loads the article', async () => {
    router.params = { id: 'a-1' }
    request.mockRejectedValueOnce(new Error('offline'))
    render(<ArticleDetailPage />)
    const retry = await screen.findByText('重新加载')
    request.mockResolvedValueOnce(
      httpAnswer({ ok: true, data: { article: makeArticle({ title: '重试成功' }), contact } }),
    )
    fireEvent.click(retry)
    expect(await screen.findByText('重试成功')).toBeTruthy()
  })

  it('tags are tappable and open the tag page', async () => {
    await renderDetail()
    fireEvent.click(screen.getByText('#松江产业园'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/article/tag/index?tag=${encodeURIComponent('松江产业园')}`,
    })
  })

  it('renders the related articles at the end; tapping one replaces this page with it', async () => {
    await renderDetail()
    expect(screen.getByText('相关阅读')).toBeTruthy()
    expect(screen.getByText('相关：松江厂房租金行情')).toBeTruthy()
    expect(screen.getByText('相关：G60走廊新政')).toBeTruthy()
    fireEvent.click(screen.getByText('相关：G60走廊新政'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-22' })
  })

  it('no related articles: no 相关阅读 section', async () => {
    router.params = { id: 'a-1' }
    request.mockResolvedValueOnce(
      httpAnswer({ ok: true, data: { article: makeArticle({ title: '孤篇' }), contact, related: [] } }),
    )
    render(<ArticleDetailPage />)
    await screen.findByText('孤篇')
    expect(screen.queryByText('相关阅读')).toBeNull()
  })

  it('share to chat and to Moments carry the id and src=share for a direct visitor', async () => {
    await renderDetail()
    expect(shareAppMessage()).toEqual({
      title: '松江厂房选址要点',
      path: '/packages/article/detail/index?id=a-1&src=share',
      imageUrl: '/media/covers/c1.png',
    })
    expect(shareTimeline()).toEqual({
      title: '松江厂房选址要点',
      query: 'id=a-1&src=share',
      imageUrl: '/media/covers/c1.png',
    })
  })

  it('opened from a shared card (src=…): remembers the source and passes it on when sharing again', async () => {
    await renderDetail(undefined, { id: 'a-1', src: 'pst01' })
    expect(getSessionSource()).toBe('pst01')
    expect(shareAppMessage().path).toBe('/packages/article/detail/index?id=a-1&src=pst01')
    expect(shareTimeline().query).toBe('id=a-1&src=pst01')
  })

  it('records the view in the history (kind article, category label as subtitle)', async () => {
    await renderDetail()
    await waitFor(() => expect(historyStore.get()).toHaveLength(1))
    expect(historyStore.get()[0]).toEqual(
      expect.objectContaining({
        kind: 'article',
        id: 'a-1',
        title: '松江厂房选址要点',
        cover: '/media/covers/c1.png',
        subtitle: '园区动态',
      }),
    )
  })

  it('a failed load records no view', async () => {
    router.params = { id: 'a-1' }
    request.mockRejectedValueOnce(new Error('offline'))
    render(<ArticleDetailPage />)
    await screen.findByText('重新加载')
    expect(historyStore.get()).toEqual([])
  })
})
