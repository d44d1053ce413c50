/**
 * Contact events (features/contact/events.ts): queued in memory and storage, sent through
 * `events.record` in batches after a quiet period, fire-and-forget. Fake timers drive the
 * quiet period; the api is the H5 transport (Taro.request) of the test double.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro, { useDidHide } from '@tarojs/taro'
import { resetTaroDouble, storage } from '../doubles/taro'
import { ContactBar } from '@/features/contact/components/ContactBar'
import { ContactCard } from '@/features/contact/components/ContactCard'
import {
  BATCH_SIZE,
  CONTACT_EVENTS_KEY,
  MAX_ATTEMPTS,
  MAX_QUEUED,
  QUIET_MS,
  flushContactEvents,
  makeContactEvent,
  pendingContactEvents,
  recordContactEvent,
  resetContactEvents,
} from '@/features/contact/events'
import { rememberSource, resetSessionSource } from '@/lib/attribution'
import { contact, httpAnswer } from './fixtures'

const mock = (fn: unknown) => fn as jest.Mock
const request = Taro.request as unknown as jest.Mock
const place = { page: '/packages/park/detail/index', parkId: 'p012' }

/** The events of each events.record request, in order. */
const sentBatches = () =>
  request.mock.calls
    .map(([opts]) => opts.data)
    .filter((d) => d.action === 'events.record')
    .map((d) => d.payload.events as Array<{ kind: string }>)

const accept = () =>
  request.mockImplementation(async (opts: { data: { payload: { events: unknown[] } } }) =>
    httpAnswer({ ok: true, data: { accepted: opts.data.payload.events.length } }),
  )
const offline = () => request.mockRejectedValue(new Error('offline'))

/** Advances the fake clock and lets the promises that were waiting on it run. */
const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms))
const stored = () => JSON.parse(String(storage.get(CONTACT_EVENTS_KEY) ?? '[]')) as unknown[]

function renderCard() {
  render(<ContactCard contact={contact} place={place} />)
}

beforeEach(() => {
  jest.useFakeTimers()
  resetTaroDouble()
  resetSessionSource()
  resetContactEvents()
  accept()
})
afterEach(() => {
  jest.useRealTimers()
})

describe('contact events: batching', () => {
  it('several taps → one events.record request with every event, after 2 s of quiet', async () => {
    renderCard()
    fireEvent.click(screen.getByText('拨打招商热线'))
    fireEvent.click(screen.getByText('复制微信号'))
    fireEvent.click(screen.getByText('查看大图'))
    await advance(QUIET_MS - 1)
    expect(request).not.toHaveBeenCalled()
    await advance(1)
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'events.record',
      payload: {
        events: [
          { kind: 'call', page: '/packages/park/detail/index', parkId: 'p012', at: expect.any(String) },
          {
            kind: 'copy-wechat',
            page: '/packages/park/detail/index',
            parkId: 'p012',
            at: expect.any(String),
          },
          { kind: 'view-qr', page: '/packages/park/detail/index', parkId: 'p012', at: expect.any(String) },
        ],
      },
    })
    expect(pendingContactEvents()).toEqual([])
    expect(stored()).toEqual([])
    // Nothing more goes out later.
    await advance(60_000)
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('every tap restarts the quiet period', async () => {
    renderCard()
    fireEvent.click(screen.getByText('拨打招商热线'))
    await advance(1_500)
    fireEvent.click(screen.getByText('拨打'))
    await advance(1_500)
    expect(request).not.toHaveBeenCalled()
    await advance(500)
    expect(sentBatches()).toEqual([
      [expect.objectContaining({ kind: 'call' }), expect.objectContaining({ kind: 'call' })],
    ])
  })

  it('10 queued events go out at once, without waiting for quiet', async () => {
    for (let i = 0; i < 9; i++) recordContactEvent('view-qr', place)
    expect(request).not.toHaveBeenCalled()
    recordContactEvent('call', place)
    await advance(0)
    expect(sentBatches()).toHaveLength(1)
    expect(sentBatches()[0]).toHaveLength(10)
  })

  it('sends batches of at most 20', async () => {
    const queued = Array.from({ length: 45 }, () => ({ event: makeContactEvent('view-qr', place), tries: 0 }))
    storage.set(CONTACT_EVENTS_KEY, JSON.stringify(queued))
    await act(() => flushContactEvents())
    expect(sentBatches().map((b) => b.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 5])
    expect(sentBatches().flat()).toEqual(queued.map((q) => q.event))
    expect(pendingContactEvents()).toEqual([])
  })

  it('hiding the page sends what is queued at once', async () => {
    renderCard()
    fireEvent.click(screen.getByText('复制微信号'))
    await advance(0)
    expect(request).not.toHaveBeenCalled()
    // The page's onHide, as the runtime would call it.
    const onHide = mock(useDidHide).mock.calls.at(-1)?.[0] as () => void
    act(() => onHide())
    await advance(0)
    expect(sentBatches()).toEqual([[expect.objectContaining({ kind: 'copy-wechat' })]])
  })

  it('the event carries the page, the park or article, the session source and the time', () => {
    jest.setSystemTime(new Date('2026-11-26T08:30:00.000Z'))
    rememberSource('expo')
    expect(makeContactEvent('call', { page: '/packages/article/detail/index', articleId: 'a-1' })).toEqual({
      kind: 'call',
      page: '/packages/article/detail/index',
      articleId: 'a-1',
      source: 'expo',
      at: '2026-11-26T08:30:00.000Z',
    })
    // What the server's schema would refuse is left out rather than losing the whole batch.
    expect(makeContactEvent('call', { page: '/x', parkId: 'BAD ID', articleId: '<a>' })).toEqual({
      kind: 'call',
      page: '/x',
      source: 'expo',
      at: '2026-11-26T08:30:00.000Z',
    })
  })
})

describe('contact events: never in the way', () => {
  it('the action happens first: makePhoneCall from the tap, the request only later', async () => {
    const order: string[] = []
    mock(Taro.makePhoneCall).mockImplementation(async () => void order.push('makePhoneCall'))
    request.mockImplementation(async () => {
      order.push('request')
      return httpAnswer({ ok: true, data: { accepted: 1 } })
    })
    render(<ContactBar contact={{ ...contact, mobiles: [] }} place={place} />)
    fireEvent.click(within(screen.getByLabelText('联系操作')).getByText('电话'))
    expect(order).toEqual(['makePhoneCall'])
    await advance(QUIET_MS)
    expect(order).toEqual(['makePhoneCall', 'request'])
  })

  it('a slow flush does not hold up the next tap', async () => {
    request.mockImplementation(() => new Promise(() => undefined)) // never answers
    for (let i = 0; i < 10; i++) recordContactEvent('view-qr', place)
    await advance(0)
    expect(request).toHaveBeenCalledTimes(1)
    renderCard()
    fireEvent.click(screen.getByText('拨打招商热线'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    fireEvent.click(screen.getByText('复制微信号'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' })
  })

  it('a failing flush keeps the events (memory and storage); the next flush sends them', async () => {
    offline()
    renderCard()
    fireEvent.click(screen.getByText('拨打招商热线'))
    fireEvent.click(screen.getByText('复制微信号'))
    await advance(QUIET_MS)
    expect(sentBatches()).toHaveLength(1)
    expect(pendingContactEvents().map((e) => e.kind)).toEqual(['call', 'copy-wechat'])
    expect(stored()).toHaveLength(2)
    // No UI about it.
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledTimes(1) // the copy's own "微信号已复制"

    accept()
    fireEvent.click(screen.getByText('查看大图'))
    await advance(QUIET_MS)
    expect(sentBatches()).toHaveLength(2)
    expect(sentBatches()[1].map((e) => e.kind)).toEqual(['call', 'copy-wechat', 'view-qr'])
    expect(pendingContactEvents()).toEqual([])
    expect(stored()).toEqual([])
  })

  it('retries are bounded: after 5 failed deliveries an event is dropped', async () => {
    offline()
    recordContactEvent('call', place)
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(pendingContactEvents()).toHaveLength(1)
      await act(() => flushContactEvents())
    }
    expect(sentBatches()).toHaveLength(MAX_ATTEMPTS)
    expect(pendingContactEvents()).toEqual([])
    await act(() => flushContactEvents())
    expect(sentBatches()).toHaveLength(MAX_ATTEMPTS)
  })

  it('a batch the server refuses as malformed is dropped, not retried', async () => {
    request.mockResolvedValue(
      httpAnswer({ ok: false, error: { code: 'VALIDATION', message: '请求参数格式不正确' } }, 400),
    )
    recordContactEvent('call', place)
    await act(() => flushContactEvents())
    expect(pendingContactEvents()).toEqual([])
    expect(stored()).toEqual([])
  })

  it('a broken storage does not stop the action, and nothing throws', async () => {
    const setStorageSync = mock(Taro.setStorageSync)
    const original = setStorageSync.getMockImplementation()
    setStorageSync.mockImplementation(() => {
      throw new Error('quota')
    })
    try {
      renderCard()
      expect(() => fireEvent.click(screen.getByText('拨打招商热线'))).not.toThrow()
      expect(Taro.makePhoneCall).toHaveBeenCalled()
      await advance(QUIET_MS)
      // Still sent from memory.
      expect(sentBatches()).toEqual([[expect.objectContaining({ kind: 'call' })]])
    } finally {
      setStorageSync.mockImplementation(original)
    }
  })
})

describe('contact events: a killed app loses nothing', () => {
  it('queued events are kept in storage, newest 100', () => {
    offline()
    for (let i = 0; i < MAX_QUEUED + 5; i++)
      recordContactEvent(i === MAX_QUEUED + 4 ? 'kefu' : 'view-qr', place)
    expect(stored()).toHaveLength(MAX_QUEUED)
    expect(pendingContactEvents()).toHaveLength(MAX_QUEUED)
    expect(pendingContactEvents().at(-1)?.kind).toBe('kefu')
  })

  it('events left in storage by an earlier run go out once a contact component is shown', async () => {
    const left = Array.from({ length: 3 }, () => ({ event: makeContactEvent('call', place), tries: 1 }))
    storage.set(CONTACT_EVENTS_KEY, JSON.stringify(left))
    resetContactEvents() // a new app run: memory is empty, storage is not
    renderCard()
    expect(request).not.toHaveBeenCalled()
    await advance(QUIET_MS)
    expect(sentBatches()).toEqual([left.map((l) => l.event)])
    expect(stored()).toEqual([])
  })
})
