import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router } from '../doubles/taro'
import InquiryFormPage from '@/packages/inquiry/form/index'
import { contact, httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock

function serveHome() {
  request.mockImplementation(async (opts: { data: { action: string } }) => {
    if (opts.data.action !== 'home.get') throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer({ ok: true, data: { contact, featuredParks: [], latestArticles: [] } })
  })
}

beforeEach(() => resetTaroDouble())

describe('inquiry placeholder (until issue #4)', () => {
  it('names the park, says online inquiry is coming, and offers the agency card', async () => {
    router.params = { parkId: 'p012', parkName: encodeURIComponent('松江新桥独栋厂房') }
    serveHome()
    render(<InquiryFormPage />)
    expect(screen.getByText('在线留言即将上线')).toBeTruthy()
    expect(screen.getByText('咨询园区：松江新桥独栋厂房')).toBeTruthy()
    expect(await screen.findByText('400-0123-021')).toBeTruthy()
    expect(request.mock.calls[0][0].data).toEqual({ action: 'home.get', payload: {} })
  })

  it('collects and submits nothing: no inputs, no submit button', async () => {
    serveHome()
    render(<InquiryFormPage />)
    await screen.findByText('400-0123-021')
    expect(document.querySelector('input, textarea')).toBeNull()
    expect(screen.queryByRole('button', { name: /提交|发送|留言/ })).toBeNull()
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('the hotline and WeChat copy work from the card', async () => {
    serveHome()
    render(<InquiryFormPage />)
    fireEvent.click(await screen.findByText('拨打招商热线'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    fireEvent.click(screen.getByText('复制微信号'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' }))
  })

  it('without a park it still explains and offers contact; a failed load can be retried', async () => {
    request.mockRejectedValueOnce(new Error('offline'))
    render(<InquiryFormPage />)
    expect(screen.queryByText(/^咨询园区/)).toBeNull()
    fireEvent.click(await screen.findByText('重新加载'))
    serveHome()
    expect(await screen.findByText('400-0123-021')).toBeTruthy()
  })
})
