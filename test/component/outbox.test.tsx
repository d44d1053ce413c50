/**
 * The inquiry outbox: what could not be sent waits on the device with its idempotency key and
 * is sent again (same key) on launch and when the network comes back — once, however many
 * triggers fire together.
 */
import { act, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { InquiryInput } from '@/domain/inquiry'
import App from '@/app'
import {
  clearOutbox,
  enqueueInquiry,
  flushOutbox,
  OUTBOX_KEY,
  readOutbox,
  resetOutboxForTests,
  startOutboxSync,
} from '@/features/inquiry/outbox'
import { resetTaroDouble, storage } from '../doubles/taro'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const onNetworkStatusChange = Taro.onNetworkStatusChange as unknown as jest.Mock

const payload = (key: string, over: Partial<InquiryInput> = {}): InquiryInput => ({
  needType: 'rent-factory',
  contactName: '王先生',
  phone: '13524678515',
  consent: true,
  idempotencyKey: key,
  context: { parkId: 'p012' },
  ...over,
})

const KEY_A = 'AAAAAAAAAAAAAAAAAAAAAAAA'
const KEY_B = 'BBBBBBBBBBBBBBBBBBBBBBBB'

const ok = { ok: true, data: { inquiryId: 'q1', status: 'new', duplicate: false } }

/** Every inquiries.submit request's idempotency key, in order. */
const sentKeys = () =>
  request.mock.calls
    .map((c) => c[0].data)
    .filter((d: { action: string }) => d.action === 'inquiries.submit')
    .map((d: { payload: InquiryInput }) => d.payload.idempotencyKey)

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const originalEnv = process.env.TARO_ENV

beforeEach(() => {
  resetTaroDouble()
  resetOutboxForTests()
  request.mockResolvedValue(httpAnswer(ok))
})

afterEach(() => {
  process.env.TARO_ENV = originalEnv
  resetOutboxForTests()
})

describe('flushOutbox', () => {
  it('sends each queued inquiry with its own key and empties the outbox', async () => {
    enqueueInquiry(payload(KEY_A), { parkName: '松江新桥独栋厂房' })
    enqueueInquiry(payload(KEY_B))
    expect(JSON.parse(String(storage.get(OUTBOX_KEY)))).toHaveLength(2)
    const result = await flushOutbox()
    expect(result).toEqual({ sent: 2, rejected: 0, remaining: 0 })
    expect(sentKeys()).toEqual([KEY_A, KEY_B])
    expect(request.mock.calls[0][0].data.payload).toEqual(payload(KEY_A))
    expect(readOutbox()).toEqual([])
  })

  it('nothing queued: no request at all', async () => {
    expect(await flushOutbox()).toEqual({ sent: 0, rejected: 0, remaining: 0 })
    expect(request).not.toHaveBeenCalled()
  })

  it('concurrent flushes share one run: each item is sent once', async () => {
    enqueueInquiry(payload(KEY_A))
    const answer = deferred<unknown>()
    request.mockReturnValueOnce(answer.promise)
    const first = flushOutbox()
    const second = flushOutbox()
    const third = flushOutbox()
    answer.resolve(httpAnswer(ok))
    const results = await Promise.all([first, second, third])
    expect(sentKeys()).toEqual([KEY_A])
    expect(results.every((r) => r.sent === 1)).toBe(true)
    await flushOutbox()
    expect(sentKeys()).toEqual([KEY_A])
  })

  it('still offline: the item stays (attempts counted) and the rest wait for the next trigger', async () => {
    enqueueInquiry(payload(KEY_A))
    enqueueInquiry(payload(KEY_B))
    request.mockRejectedValue(new Error('request:fail'))
    const result = await flushOutbox()
    expect(result).toEqual({ sent: 0, rejected: 0, remaining: 2 })
    expect(sentKeys()).toEqual([KEY_A])
    expect(readOutbox().map((i) => [i.key, i.state, i.attempts])).toEqual([
      [KEY_A, 'queued', 2],
      [KEY_B, 'queued', 1],
    ])
    request.mockResolvedValue(httpAnswer(ok))
    await flushOutbox()
    expect(sentKeys()).toEqual([KEY_A, KEY_A, KEY_B])
    expect(readOutbox()).toEqual([])
  })

  it('RATE_LIMITED or INTERNAL: kept for later', async () => {
    enqueueInquiry(payload(KEY_A))
    request.mockResolvedValueOnce(
      httpAnswer({ ok: false, error: { code: 'RATE_LIMITED', message: '太频繁' } }),
    )
    expect((await flushOutbox()).remaining).toBe(1)
    request.mockResolvedValueOnce(httpAnswer({ ok: false, error: { code: 'INTERNAL', message: '服务异常' } }))
    expect((await flushOutbox()).remaining).toBe(1)
    expect(readOutbox()[0]).toMatchObject({ state: 'queued', attempts: 3, lastError: '服务异常' })
  })

  it('VALIDATION: taken out of the queue, kept as a record with the reason, never resent', async () => {
    enqueueInquiry(payload(KEY_A))
    enqueueInquiry(payload(KEY_B))
    request.mockResolvedValueOnce(
      httpAnswer({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '请检查填写的内容',
          fields: { phone: '请填写正确的 11 位手机号' },
        },
      }),
    )
    const result = await flushOutbox()
    expect(result).toEqual({ sent: 1, rejected: 1, remaining: 0 })
    expect(readOutbox()).toEqual([
      expect.objectContaining({ key: KEY_A, state: 'rejected', lastError: '请填写正确的 11 位手机号' }),
    ])
    await flushOutbox()
    expect(sentKeys()).toEqual([KEY_A, KEY_B])
  })

  it('an inquiry queued while a flush runs is sent by that flush', async () => {
    enqueueInquiry(payload(KEY_A))
    const answer = deferred<unknown>()
    request.mockReturnValueOnce(answer.promise)
    const running = flushOutbox()
    await act(async () => undefined)
    enqueueInquiry(payload(KEY_B))
    answer.resolve(httpAnswer(ok))
    expect((await running).sent).toBe(2)
    expect(sentKeys()).toEqual([KEY_A, KEY_B])
  })

  it('re-queuing the same key replaces the item (one per form fill)', () => {
    enqueueInquiry(payload(KEY_A, { contactName: '旧' }))
    enqueueInquiry(payload(KEY_A, { contactName: '新' }))
    expect(readOutbox()).toHaveLength(1)
    expect(readOutbox()[0].payload.contactName).toBe('新')
  })

  it('clearOutbox waits for a send in flight, so nothing goes out after it returns', async () => {
    enqueueInquiry(payload(KEY_A))
    enqueueInquiry(payload(KEY_B))
    const answer = deferred<unknown>()
    request.mockReturnValueOnce(answer.promise)
    void flushOutbox()
    await act(async () => undefined)
    let cleared = false
    const clearing = clearOutbox().then(() => (cleared = true))
    await act(async () => undefined)
    expect(cleared).toBe(false)
    answer.resolve(httpAnswer(ok))
    await clearing
    expect(sentKeys()).toEqual([KEY_A]) // B was removed before its turn
    expect(readOutbox()).toEqual([])
  })

  it('a damaged store reads as empty', () => {
    storage.set(OUTBOX_KEY, '{not json')
    expect(readOutbox()).toEqual([])
    storage.set(OUTBOX_KEY, JSON.stringify([{ key: 1 }, null, 'x']))
    expect(readOutbox()).toEqual([])
  })
})

describe('triggers', () => {
  it('startOutboxSync flushes at once and registers for network changes once', async () => {
    enqueueInquiry(payload(KEY_A))
    startOutboxSync()
    startOutboxSync()
    expect(onNetworkStatusChange).toHaveBeenCalledTimes(1)
    await act(async () => undefined)
    expect(sentKeys()).toEqual([KEY_A])
  })

  it('the network coming back flushes; going away does not', async () => {
    startOutboxSync()
    const listener = onNetworkStatusChange.mock.calls[0][0]
    enqueueInquiry(payload(KEY_B))
    listener({ isConnected: false, networkType: 'none' })
    await act(async () => undefined)
    expect(sentKeys()).toEqual([])
    listener({ isConnected: true, networkType: 'wifi' })
    await act(async () => undefined)
    expect(sentKeys()).toEqual([KEY_B])
    expect(readOutbox()).toEqual([])
  })

  it("H5: the window's online event flushes too (Taro's H5 network listener misses it)", async () => {
    process.env.TARO_ENV = 'h5'
    startOutboxSync()
    enqueueInquiry(payload(KEY_A))
    window.dispatchEvent(new Event('online'))
    await act(async () => undefined)
    expect(sentKeys()).toEqual([KEY_A])
  })

  it('network listener and online event firing together send once', async () => {
    process.env.TARO_ENV = 'h5'
    startOutboxSync()
    enqueueInquiry(payload(KEY_A))
    const listener = onNetworkStatusChange.mock.calls[0][0]
    listener({ isConnected: true, networkType: 'wifi' })
    window.dispatchEvent(new Event('online'))
    await act(async () => undefined)
    expect(sentKeys()).toEqual([KEY_A])
  })

  it('the app launch (src/app.ts) starts the sync: a queued inquiry goes out', async () => {
    enqueueInquiry(payload(KEY_A))
    render(
      <App>
        <div />
      </App>,
    )
    await act(async () => undefined)
    expect(onNetworkStatusChange).toHaveBeenCalledTimes(1)
    expect(sentKeys()).toEqual([KEY_A])
  })
})
