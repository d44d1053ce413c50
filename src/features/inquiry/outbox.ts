import Taro from '@tarojs/taro'
// Types only: this module runs at app launch (main package) and must not pull in valibot.
import type { InquiryInput } from '@/domain/inquiry'
import type { ErrorCode } from '@/domain/result'
import { callApi } from '@/lib/api'
import { writeJson } from '@/lib/storage'

/**
 * Inquiries that could not be sent (no network) wait here, on the device, with the idempotency
 * key of their form fill, and are sent again on app launch and when the network comes back.
 * The server stores one lead per key, so a resend of something that did arrive is harmless.
 */
export const OUTBOX_KEY = 'inquiry.outbox.v1'
/** More than this many unsent inquiries is not a real visitor: the oldest are dropped. */
export const OUTBOX_LIMIT = 20

export interface OutboxItem {
  /** The idempotency key (also payload.idempotencyKey). */
  key: string
  payload: InquiryInput
  /** For 我的咨询: the park's name as the form showed it. */
  parkName?: string
  queuedAt: string
  attempts: number
  /** queued: waiting to be sent. rejected: the server refused it; kept so the visitor sees why. */
  state: 'queued' | 'rejected'
  lastError?: string
}

/** Answers that a later resend cannot change: the item is taken out of the queue. */
const FINAL_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION',
  'BAD_REQUEST',
  'UNKNOWN_ACTION',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
])

// -- storage, with a snapshot that stays the same object until the stored text changes ----------

let lastRaw: unknown = Symbol('unread')
let lastItems: OutboxItem[] = []
const listeners = new Set<() => void>()

function isItem(value: unknown): value is OutboxItem {
  if (!value || typeof value !== 'object') return false
  const item = value as Partial<OutboxItem>
  return (
    typeof item.key === 'string' &&
    !!item.payload &&
    typeof item.payload === 'object' &&
    (item.state === 'queued' || item.state === 'rejected')
  )
}

/** Every item, oldest first. Never throws; a damaged store reads as empty. */
export function readOutbox(): OutboxItem[] {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(OUTBOX_KEY)
  } catch {
    raw = ''
  }
  if (raw === lastRaw) return lastItems
  lastRaw = raw
  let parsed: unknown = []
  try {
    parsed = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : []
  } catch {
    parsed = []
  }
  lastItems = Array.isArray(parsed) ? parsed.filter(isItem) : []
  return lastItems
}

function writeOutbox(items: OutboxItem[]): void {
  writeJson(OUTBOX_KEY, items.slice(-OUTBOX_LIMIT))
  listeners.forEach((l) => l())
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export const queuedItems = (items: OutboxItem[] = readOutbox()) => items.filter((i) => i.state === 'queued')

/** Queues (or re-queues, by key) an inquiry that could not be sent. */
export function enqueueInquiry(
  payload: InquiryInput,
  options: { parkName?: string; now?: Date } = {},
): OutboxItem {
  const item: OutboxItem = {
    key: payload.idempotencyKey,
    payload,
    queuedAt: (options.now ?? new Date()).toISOString(),
    attempts: 1,
    state: 'queued',
  }
  if (options.parkName) item.parkName = options.parkName
  writeOutbox([...readOutbox().filter((i) => i.key !== item.key), item])
  // A flush running now read the queue before this item: it goes round once more.
  if (inflight) rerun = true
  return item
}

function update(key: string, change: (item: OutboxItem) => OutboxItem | null): void {
  const items = readOutbox()
  if (!items.some((i) => i.key === key)) return
  const next: OutboxItem[] = []
  for (const item of items) {
    if (item.key !== key) next.push(item)
    else {
      const changed = change(item)
      if (changed) next.push(changed)
    }
  }
  writeOutbox(next)
}

/** Removes one item (a rejected one the visitor has read). */
export function dismissOutboxItem(key: string): void {
  update(key, () => null)
}

/**
 * Empties the outbox (删除我的数据). Waits for a flush in flight first, so nothing queued
 * before the deletion reaches the server after it.
 */
export async function clearOutbox(): Promise<void> {
  writeOutbox([])
  if (inflight) await inflight.catch(() => undefined)
  writeOutbox([])
}

// -- flushing ---------------------------------------------------------------------------------

export interface FlushResult {
  sent: number
  rejected: number
  /** Still queued afterwards. */
  remaining: number
}

let inflight: Promise<FlushResult> | null = null
let rerun = false

async function flushOnce(total: FlushResult): Promise<void> {
  for (const { key } of queuedItems()) {
    // Read again: it may have been sent, dismissed or deleted meanwhile.
    const item = readOutbox().find((i) => i.key === key && i.state === 'queued')
    if (!item) continue
    const result = await callApi('inquiries.submit', item.payload)
    if (result.ok) {
      update(key, () => null)
      total.sent++
      continue
    }
    const { code, message, fields } = result.error
    if (FINAL_ERRORS.has(code)) {
      const detail = fields ? Object.values(fields)[0] : undefined
      update(key, (i) => ({
        ...i,
        state: 'rejected',
        attempts: i.attempts + 1,
        lastError: detail ?? message,
      }))
      total.rejected++
      continue
    }
    // NETWORK, RATE_LIMITED, INTERNAL: later. The next items would fare no better now.
    update(key, (i) => ({ ...i, attempts: i.attempts + 1, lastError: message }))
    break
  }
}

/**
 * Sends every queued inquiry with its own key. Concurrent calls share the flush in flight
 * (one request per item), so launch, a network change and a retry button cannot double-send.
 */
export function flushOutbox(): Promise<FlushResult> {
  if (inflight) return inflight
  if (queuedItems().length === 0) return Promise.resolve({ sent: 0, rejected: 0, remaining: 0 })
  const run = async (): Promise<FlushResult> => {
    const total: FlushResult = { sent: 0, rejected: 0, remaining: 0 }
    try {
      do {
        rerun = false
        await flushOnce(total)
      } while (rerun)
    } finally {
      inflight = null
    }
    total.remaining = queuedItems().length
    return total
  }
  inflight = run()
  return inflight
}

// -- triggers ---------------------------------------------------------------------------------

let started = false
let onlineListener: (() => void) | null = null

/**
 * Flushes now and whenever the network comes back; registers its listeners once however often
 * it is called. weapp: Taro.onNetworkStatusChange. H5: Taro maps that API only to
 * navigator.connection's `change` (absent in Safari and Firefox, and not fired for going
 * offline/online in Chrome), so the window's `online` event is listened to as well.
 */
export function startOutboxSync(): void {
  if (started) return
  started = true
  const flushWhenOnline = () => void flushOutbox()
  try {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) flushWhenOnline()
    })
  } catch {
    // Not available on this platform: launch and the H5 listener below still flush.
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    onlineListener = flushWhenOnline
    window.addEventListener('online', onlineListener)
  }
  flushWhenOnline()
}

/** For tests: forget registrations and the flush in flight, as a fresh app would. */
export function resetOutboxForTests(): void {
  started = false
  if (onlineListener && typeof window !== 'undefined') window.removeEventListener('online', onlineListener)
  onlineListener = null
  inflight = null
  rerun = false
  lastRaw = Symbol('unread')
  lastItems = []
  listeners.clear()
}
