import Taro from '@tarojs/taro'
// Types only: the schemas of '@/domain/inquiry' would pull valibot into the main package.
import type { ContactEvent, ContactEventKind } from '@/domain/inquiry'
import type { ErrorCode } from '@/domain/result'
import { ARTICLE_ID_RE } from '@/domain/article'
import { PARK_ID_RE } from '@/domain/park'
import { SOURCE_RE } from '@/domain/scene'
import { callApi } from '@/lib/api'
import { getSessionSource } from '@/lib/attribution'
import { readJson, writeJson } from '@/lib/storage'

/**
 * Contact taps (call, copy WeChat ID, QR, …) for the agency, batched and fire-and-forget.
 *
 * - `recordContactEvent` only queues: it never awaits, never throws and never shows anything,
 *   so the action itself (dialer, clipboard) has already happened synchronously from the tap.
 * - The queue lives in memory and in local storage (a killed app keeps its events), newest
 *   `MAX_QUEUED` only.
 * - A flush runs after `QUIET_MS` without a new event, at once when `FLUSH_AT` are queued, and
 *   on page hide (`flushContactEvents`). It sends batches of `BATCH_SIZE` through `events.record`.
 * - A failed batch stays queued for the next flush; after `MAX_ATTEMPTS` failures, or at once
 *   when the server refuses it as malformed, it is dropped.
 */
export const CONTACT_EVENTS_KEY = 'contact.events.v1'
export const QUIET_MS = 2_000
export const FLUSH_AT = 10
export const BATCH_SIZE = 20
export const MAX_QUEUED = 100
export const MAX_ATTEMPTS = 5

/** Where a tap happened: the page and what it shows. */
export interface ContactPlace {
  /** Route of the page, e.g. '/packages/park/detail/index'; defaults to the current page. */
  page?: string
  parkId?: string
  articleId?: string
}

interface Queued {
  event: ContactEvent
  /** Failed deliveries so far. */
  tries: number
}

/** Answers that will not change on a retry: the batch is dropped. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_REQUEST',
  'UNKNOWN_ACTION',
  'VALIDATION',
  'PAYLOAD_TOO_LARGE',
])

let queue: Queued[] | null = null
let timer: ReturnType<typeof setTimeout> | null = null
let flushing: Promise<void> | null = null

function load(): Queued[] {
  if (queue === null) {
    const stored = readJson<unknown>(CONTACT_EVENTS_KEY, [])
    queue = Array.isArray(stored)
      ? (stored as Queued[])
          .filter((q) => q && typeof q === 'object' && q.event && typeof q.event.kind === 'string')
          .map((q) => ({ event: q.event, tries: Number(q.tries) || 0 }))
          .slice(-MAX_QUEUED)
      : []
  }
  return queue
}

function save(next: Queued[]): void {
  queue = next.slice(-MAX_QUEUED)
  writeJson(CONTACT_EVENTS_KEY, queue)
}

/** The current page's route with a leading '/', or '' when there is none. */
function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages?.() ?? []
    const route = (pages[pages.length - 1] as { route?: string } | undefined)?.route
    if (route) return `/${route.replace(/^\/+/, '')}`
    return (Taro.getCurrentInstance?.()?.router?.path ?? '').split('?')[0]
  } catch {
    return ''
  }
}

/** The event as the server will accept it: fields that would fail its schema are left out. */
export function makeContactEvent(kind: ContactEventKind, place: ContactPlace = {}, now = new Date()) {
  const event: ContactEvent = {
    kind,
    page: (place.page ?? currentRoute()).slice(0, 80),
    at: now.toISOString(),
  }
  if (place.parkId && PARK_ID_RE.test(place.parkId)) event.parkId = place.parkId
  if (place.articleId && ARTICLE_ID_RE.test(place.articleId)) event.articleId = place.articleId
  const source = getSessionSource()
  if (source && SOURCE_RE.test(source)) event.source = source
  return event
}

function cancelTimer(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
}

function schedule(): void {
  cancelTimer()
  timer = setTimeout(() => {
    timer = null
    void flushContactEvents()
  }, QUIET_MS)
}

/** Queues one tap; sends later. Fire-and-forget: never throws, never waits. */
export function recordContactEvent(kind: ContactEventKind, place?: ContactPlace): void {
  try {
    save([...load(), { event: makeContactEvent(kind, place), tries: 0 }])
    if (load().length >= FLUSH_AT) void flushContactEvents()
    else schedule()
  } catch {
    // Recording must never get in the way of the contact action.
  }
}

async function sendBatches(): Promise<void> {
  // Oldest first; events queued while a batch is on its way go in a later batch of this flush.
  const sent = new Set<Queued>()
  for (;;) {
    const batch = load()
      .filter((q) => !sent.has(q))
      .slice(0, BATCH_SIZE)
    if (!batch.length) return
    batch.forEach((q) => sent.add(q))
    const result = await callApi('events.record', { events: batch.map((q) => q.event) })
    if (result.ok || PERMANENT.has(result.error.code)) {
      save(load().filter((q) => !batch.includes(q)))
      continue
    }
    // Kept for the next flush, up to MAX_ATTEMPTS deliveries each.
    save(
      load()
        .map((q) => (batch.includes(q) ? { ...q, tries: q.tries + 1 } : q))
        .filter((q) => q.tries < MAX_ATTEMPTS),
    )
    return
  }
}

/**
 * Sends what is queued (page hide, a full queue, the quiet timer). Resolves when done; never
 * rejects. Asked for while a flush runs, it joins that flush (which also sends late arrivals).
 */
export function flushContactEvents(): Promise<void> {
  cancelTimer()
  if (flushing) return flushing
  let queued = 0
  try {
    queued = load().length
  } catch {
    queued = 0
  }
  if (!queued) return Promise.resolve()
  flushing = sendBatches()
    .catch(() => undefined)
    .then(() => {
      flushing = null
    })
  return flushing
}

/** Events left from an earlier visit (or a failed flush) go out after a quiet period. */
export function resumeContactEvents(): void {
  try {
    if (load().length && timer === null && !flushing) schedule()
  } catch {
    // nothing to resume
  }
}

/** What is waiting to be sent (for tests and diagnostics). */
export function pendingContactEvents(): ContactEvent[] {
  return load().map((q) => q.event)
}

/** For tests: an empty queue read afresh from storage, no timer, no flush running. */
export function resetContactEvents(): void {
  cancelTimer()
  queue = null
  flushing = null
}
