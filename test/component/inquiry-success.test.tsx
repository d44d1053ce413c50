/**
 * After 提交咨询 (packages/inquiry/success?status=new|review|queued): what happens next, the
 * hotline, and the ways on; a queued inquiry can be retried and the page follows the outbox.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import InquirySuccessPage from '@/packages/inquiry/success/index'
import { enqueueInquiry, flushOutbox, readOutbox, resetOutboxForTests } from '@/features/inquiry/outbox'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { resetTaroDouble, router, storage } from '../doubles/taro'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'

const request = Taro.request as unknown as jest.Mock
const KEY = 'SSSSSSSSSSSSSSSSSSSSSSSS'

const queue = () =>
  enqueueInquiry({
    needType: 'office',
    contactName: '王先生',
    phone: '13524678515',
    consent: true,
    idempotencyKey: KEY,
    context: {},
  })

beforeEach(() => {
  resetTaroDouble()
  resetOutboxForTests()
  storage.set(HOME_CACHE_KEY, JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }))
  request.mockRejectedValue(new Error('offline'))
})

describe('提交结果', () => {
  it('new: says who calls and when; hotline, 我的咨询 and home', () => {
    router.params = { status: 'new' }
    render(<InquirySuccessPage />)
    expect(screen.getByText('提交成功')).toBeTruthy()
    expect(document.body.textContent).toContain('招商顾问会在 1 个工作日内与您联系')
    fireEvent.click(screen.getByText('拨打 400-012-3021'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    fireEvent.click(screen.getByText('查看我的咨询'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/mine/inquiries/index' })
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
    expect(screen.queryByText('立即重试发送')).toBeNull()
  })

  it('review: received, contact after the check', () => {
    router.params = { status: 'review' }
    render(<InquirySuccessPage />)
    expect(screen.getByText('提交成功')).toBeTruthy()
    expect(document.body.textContent).toContain('内容确认后')
  })

  it('an unknown status reads as new', () => {
    router.params = { status: '<script>' }
    render(<InquirySuccessPage />)
    expect(screen.getByText('提交成功')).toBeTruthy()
  })

  it('queued: saved, sent when online; turns to 已发送 once the outbox sends it', async () => {
    queue()
    router.params = { status: 'queued' }
    render(<InquirySuccessPage />)
    expect(screen.getByText('已保存，联网后自动发送')).toBeTruthy()
    expect(document.body.textContent).toContain('联网后会自动发送')
    request.mockResolvedValue(
      httpAnswer({ ok: true, data: { inquiryId: 'q1', status: 'new', duplicate: false } }),
    )
    await act(async () => void (await flushOutbox()))
    expect(screen.getByText('已发送')).toBeTruthy()
  })

  it('queued and then refused by the server: 未能发送, with the way to 我的咨询', async () => {
    queue()
    router.params = { status: 'queued' }
    render(<InquirySuccessPage />)
    request.mockResolvedValue(
      httpAnswer({
        ok: false,
        error: { code: 'VALIDATION', message: '请检查', fields: { phone: '手机号不正确' } },
      }),
    )
    await act(async () => void (await flushOutbox()))
    expect(screen.getByText('未能发送')).toBeTruthy()
    expect(screen.queryByText('立即重试发送')).toBeNull()
  })

  it('queued with nothing waiting (nothing to follow): stays as queued, no false 已发送', () => {
    router.params = { status: 'queued' }
    render(<InquirySuccessPage />)
    expect(screen.getByText('已保存，联网后自动发送')).toBeTruthy()
  })

  it('queued: 立即重试发送 resends with the same key; still offline says so', async () => {
    queue()
    router.params = { status: 'queued' }
    render(<InquirySuccessPage />)
    fireEvent.click(screen.getByText('立即重试发送'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '网络仍不可用，稍后会自动发送' }),
      ),
    )
    expect(screen.getByText('已保存，联网后自动发送')).toBeTruthy()
    request.mockResolvedValue(
      httpAnswer({ ok: true, data: { inquiryId: 'q1', status: 'new', duplicate: true } }),
    )
    fireEvent.click(screen.getByText('立即重试发送'))
    expect(await screen.findByText('已发送')).toBeTruthy()
    const keys = request.mock.calls.map((c) => c[0].data.payload.idempotencyKey)
    expect(keys).toEqual([KEY, KEY])
    expect(readOutbox()).toEqual([])
  })
})
