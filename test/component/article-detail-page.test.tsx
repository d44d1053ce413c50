import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router } from '../doubles/taro'
import ArticleDetailPage from '@/packages/article/detail/index'
import { contact, httpAnswer, makeArticle } from './fixtures'

const request = Taro.request as unknown as jest.Mock

function renderDetail(article = makeArticle({ id: 'a-1', title: '松江厂房选址要点', views: 35 })) {
  router.params = { id: 'a-1' }
  request.mockResolvedValueOnce(httpAnswer({ ok: true, data: { article, contact } }))
  render(<ArticleDetailPage />)
  return screen.findByText('松江厂房选址要点')
}

beforeEach(() => resetTaroDouble())

describe('article detail page', () => {
  it('renders the article and the contact card from one api call', async () => {
    await renderDetail()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'articles.get', payload: { id: 'a-1' } })
    expect(screen.getByText('35次阅读')).toBeTruthy()
    expect(screen.getByText(/个月前 \(04-21\)$/)).toBeTruthy()
    expect(screen.getByText('正文第一段')).toBeTruthy()
    expect(screen.getByText('#松江产业园')).toBeTruthy()
    expect(screen.getByText('400-0123-021')).toBeTruthy()
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
})
