/**
 * 我的咨询 (packages/mine/inquiries): the visitor's inquiries from 'inquiries.mine', those still
 * waiting in the outbox, pull-to-refresh, and 删除我的数据 (PIPL Art. 47) — server, draft and
 * outbox. Plus its entry on 我的.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { InquirySummary } from '@/domain/inquiry'
import MyInquiriesPage from '@/packages/mine/inquiries/index'
import MinePage from '@/pages/mine/index'
import { DRAFT_KEY } from '@/features/inquiry/draft'
import {
  enqueueInquiry,
  flushOutbox,
  OUTBOX_KEY,
  readOutbox,
  resetOutboxForTests,
} from '@/features/inquiry/outbox'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { firePullDownRefresh, resetTaroDouble, storage } from '../doubles/taro'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'

const request = Taro.request as unknown as jest.Mock
const showModal = Taro.showModal as unknown as jest.Mock

const summary = (i: number, over: Partial<InquirySummary> = {}): InquirySummary => ({
  id: `q${i}`,
  needType: 'rent-factory',
  parkId: 'p012',
  parkName: '松江新桥独栋厂房',
  status: 'new',
  createdAt: '2026-11-20T10:30:00+08:00',
  ...over,
})

type Handler = (payload: any) => unknown
function serve(handlers: Record<string, Handler>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: unknown } }) => {
    const handler = handlers[opts.data.action]
    if (!handler) throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer(await handler(opts.data.payload))
  })
}

const actions = () => request.mock.calls.map((c) => c[0].data.action)

const queue = (key: string, parkName?: string) =>
  enqueueInquiry(
    {
      needType: 'buy-land',
      contactName: '王先生',
      phone: '13524678515',
      consent: true,
      idempotencyKey: key,
      context: {},
    },
    { parkName, now: new Date('2026-11-21T09:00:00+08:00') },
  )

beforeEach(() => {
  resetTaroDouble()
  resetOutboxForTests()
  // Implementations outlive a test (clearMocks clears calls only): start from a known server.
  serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [] } }) })
})

describe('我的咨询', () => {
  it('lists the inquiries: need, park, status, date', async () => {
    serve({
      'inquiries.mine': () => ({
        ok: true,
        data: {
          items: [
            summary(1),
            summary(2, {
              needType: 'office',
              parkId: undefined,
              parkName: undefined,
              status: 'contacted',
              createdAt: '2026-11-18T16:05:00+08:00',
            }),
          ],
        },
      }),
    })
    render(<MyInquiriesPage />)
    expect(await screen.findByText('租厂房')).toBeTruthy()
    expect(screen.getByText('咨询园区：松江新桥独栋厂房')).toBeTruthy()
    expect(screen.getByText('已提交，待联系')).toBeTruthy()
    expect(screen.getByText('2026-11-20 10:30 提交')).toBeTruthy()
    expect(screen.getByText('办公研发')).toBeTruthy()
    expect(screen.getByText('未指定园区')).toBeTruthy()
    expect(screen.getByText('已联系')).toBeTruthy()
    expect(request.mock.calls[0][0].data).toEqual({ action: 'inquiries.mine', payload: {} })
  })

  it('queued inquiries show as 待发送 above the sent ones', async () => {
    queue('KKKKKKKKKKKKKKKKKKKKKKKK', '嘉定工业用地')
    // The flush on this page's outbox subscription is not what is under test: the network is down.
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [summary(1)] } }) })
    render(<MyInquiriesPage />)
    expect(await screen.findByText('待发送')).toBeTruthy()
    await screen.findByText('租厂房')
    expect(screen.getByText('买地')).toBeTruthy()
    expect(screen.getByText('咨询园区：嘉定工业用地')).toBeTruthy()
    expect(screen.getByText('网络恢复后会自动发送')).toBeTruthy()
    const needs = screen.getAllByText(/^(买地|租厂房)$/).map((n) => n.textContent)
    expect(needs).toEqual(['买地', '租厂房'])
  })

  it('a rejected outbox item says why and can be removed', async () => {
    storage.set(
      OUTBOX_KEY,
      JSON.stringify([
        {
          key: 'RRRRRRRRRRRRRRRRRRRRRRRR',
          payload: { needType: 'office', idempotencyKey: 'RRRRRRRRRRRRRRRRRRRRRRRR' },
          queuedAt: '2026-11-21T09:00:00+08:00',
          attempts: 2,
          state: 'rejected',
          lastError: '请填写正确的 11 位手机号',
        },
      ]),
    )
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [] } }) })
    render(<MyInquiriesPage />)
    expect(await screen.findByText('未能发送')).toBeTruthy()
    expect(screen.getByText('请填写正确的 11 位手机号，请重新填写提交')).toBeTruthy()
    fireEvent.click(screen.getByText('移除'))
    expect(await screen.findByText('还没有咨询记录')).toBeTruthy()
    expect(readOutbox()).toEqual([])
  })

  it('empty: says so and offers the form', async () => {
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [] } }) })
    render(<MyInquiriesPage />)
    expect(await screen.findByText('还没有咨询记录')).toBeTruthy()
    fireEvent.click(screen.getByText('去咨询'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/inquiry/form/index' })
    // Deletion stays available: contact taps may be stored even without an inquiry.
    expect(screen.getByText('删除我的数据')).toBeTruthy()
  })

  it('a failed load offers a retry', async () => {
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [summary(1)] } }) })
    request.mockRejectedValueOnce(new Error('offline'))
    render(<MyInquiriesPage />)
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('租厂房')).toBeTruthy()
    expect(screen.queryByText('网络连接失败')).toBeNull()
  })

  it('pull-to-refresh reloads, keeps the rows meanwhile, and stops the indicator', async () => {
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [summary(1)] } }) })
    render(<MyInquiriesPage />)
    await screen.findByText('租厂房')
    serve({
      'inquiries.mine': () => ({ ok: true, data: { items: [summary(2, { status: 'review' }), summary(1)] } }),
    })
    act(() => firePullDownRefresh())
    expect(screen.getByText('租厂房')).toBeTruthy()
    expect(await screen.findByText('已提交，审核中')).toBeTruthy()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(actions()).toEqual(['inquiries.mine', 'inquiries.mine'])
  })
})

describe('删除我的数据', () => {
  const seedEverything = () => {
    storage.set(DRAFT_KEY, JSON.stringify({ values: { contactName: '王' }, idempotencyKey: 'D'.repeat(24) }))
    storage.set(
      OUTBOX_KEY,
      JSON.stringify([
        {
          key: 'Q'.repeat(24),
          payload: { needType: 'office', idempotencyKey: 'Q'.repeat(24) },
          queuedAt: '2026-11-21T09:00:00+08:00',
          attempts: 1,
          state: 'rejected',
          lastError: 'x',
        },
      ]),
    )
  }

  it('confirm explains what goes; then the server, the draft and the outbox are emptied', async () => {
    seedEverything()
    serve({
      'inquiries.mine': () => ({ ok: true, data: { items: [summary(1), summary(2)] } }),
      'inquiries.deleteMine': () => ({ ok: true, data: { deletedInquiries: 2, deletedEvents: 5 } }),
    })
    render(<MyInquiriesPage />)
    await screen.findAllByText('租厂房')
    fireEvent.click(screen.getByText('删除我的数据'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    const modal = showModal.mock.calls[0][0]
    expect(modal.title).toBe('删除我的数据')
    for (const what of ['咨询', '手机号', '联系记录', '草稿', '待发送', '无法恢复'])
      expect(modal.content).toContain(what)
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已删除 2 条咨询、5 条联系记录' }),
    )
    expect(request.mock.calls.map((c) => c[0].data)).toContainEqual({
      action: 'inquiries.deleteMine',
      payload: {},
    })
    expect(screen.queryByText('租厂房')).toBeNull()
    expect(screen.getByText('还没有咨询记录')).toBeTruthy()
    expect(storage.has(DRAFT_KEY)).toBe(false)
    expect(readOutbox()).toEqual([])
    expect(Taro.hideLoading).toHaveBeenCalled()
  })

  it('cancelled: nothing is deleted', async () => {
    seedEverything()
    serve({ 'inquiries.mine': () => ({ ok: true, data: { items: [summary(1)] } }) })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<MyInquiriesPage />)
    await screen.findByText('租厂房')
    fireEvent.click(screen.getByText('删除我的数据'))
    await waitFor(() => expect(showModal).toHaveBeenCalled())
    await act(async () => undefined)
    expect(actions()).not.toContain('inquiries.deleteMine')
    expect(storage.has(DRAFT_KEY)).toBe(true)
    expect(screen.getByText('租厂房')).toBeTruthy()
  })

  it('server deletion failed: says so and how else to ask; local data is gone anyway', async () => {
    seedEverything()
    serve({
      'inquiries.mine': () => ({ ok: true, data: { items: [summary(1)] } }),
      'inquiries.deleteMine': () => {
        throw new Error('offline')
      },
    })
    render(<MyInquiriesPage />)
    await screen.findByText('租厂房')
    fireEvent.click(screen.getByText('删除我的数据'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(2))
    expect(showModal.mock.calls[1][0].title).toBe('删除未完成')
    expect(showModal.mock.calls[1][0].content).toContain('招商热线')
    expect(storage.has(DRAFT_KEY)).toBe(false)
    expect(readOutbox()).toEqual([])
  })
})

describe('我的 → 我的咨询', () => {
  it('the entry opens the page', () => {
    storage.set(HOME_CACHE_KEY, JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }))
    render(<MinePage />)
    fireEvent.click(screen.getByText('我的咨询'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/mine/inquiries/index' })
  })
})

describe('我的咨询 follows the outbox', () => {
  it('an inquiry sent from the outbox moves from 待发送 to the server list; a failed resend asks nothing', async () => {
    queue('FFFFFFFFFFFFFFFFFFFFFFFF', '嘉定工业用地')
    let stored: InquirySummary[] = []
    serve({
      'inquiries.mine': () => ({ ok: true, data: { items: stored } }),
      'inquiries.submit': () => {
        throw new Error('offline')
      },
    })
    render(<MyInquiriesPage />)
    expect(await screen.findByText('待发送')).toBeTruthy()
    await act(async () => void (await flushOutbox()))
    expect(actions()).toEqual(['inquiries.mine', 'inquiries.submit'])
    expect(screen.getByText('待发送')).toBeTruthy()

    serve({
      'inquiries.mine': () => ({ ok: true, data: { items: stored } }),
      'inquiries.submit': () => {
        stored = [summary(9, { needType: 'buy-land', parkName: '嘉定工业用地' })]
        return { ok: true, data: { inquiryId: 'q9', status: 'new', duplicate: false } }
      },
    })
    await act(async () => void (await flushOutbox()))
    await waitFor(() => expect(screen.queryByText('待发送')).toBeNull())
    expect(await screen.findByText('已提交，待联系')).toBeTruthy()
    expect(actions()).toEqual(['inquiries.mine', 'inquiries.submit', 'inquiries.submit', 'inquiries.mine'])
  })
})
