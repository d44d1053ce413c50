// Types only: the schemas of '@/domain/visits' would pull valibot into the main package.
import type { EntryKind, VisitEvent } from '@/domain/visits'
import { parseScene, normaliseSource } from '@/domain/scene'
import { callApi } from '@/lib/api'
import { getSessionSource, rememberSource } from '@/lib/attribution'
import { readJson, writeJson } from '@/lib/storage'

/**
 * The channel funnel's visits (issue 9 item 4), recorded fire-and-forget: nothing here is
 * awaited by a page, throws, or shows anything.
 *
 * - An entry (scan / share / direct) is recorded once per visit. A visit starts at launch, at a
 *   show after SESSION_GAP_MS in the background, or at a show by a code or card of another
 *   source. In memory that is the session; a short local-storage guard (GUARD_MS) keeps an H5
 *   reload, which starts the app afresh, from counting the same entry again.
 * - Detail views are queued by the detail pages (useDetailView).
 * - The queue (memory only: a lost visit costs a count, never a lead) is sent in batches of
 *   BATCH_SIZE through `visits.record` when a page or the app is hidden, or once BATCH_SIZE are
 *   waiting. A failed batch stays for the next flush, MAX_ATTEMPTS times.
 */
export const SESSION_GAP_MS = 30 * 60_000
export const GUARD_MS = 10 * 60_000
export const GUARD_KEY = 'visits.entry.v1'
export const BATCH_SIZE = 20
export const MAX_QUEUED = 60
export const MAX_ATTEMPTS = 3

/** Launch scenes of a scanned mini-program code (scan, long-press, from the album). */
export const SCAN_SCENES: readonly number[] = [1047, 1048, 1049]
/** Launch scenes of a shared card: chats, shareTicket cards, chat history, Moments, app shares. */
export const SHARE_SCENES: readonly number[] = [1007, 1008, 1036, 1044, 1096, 1154, 1155]

/** What app launch / show hands over (weapp: the real scene; H5: scene 0, the URL's query). */
export interface EntryOptions {
  path?: string
  scene?: number
  query?: Record<string, unknown>
}

/** How this visit came in, and from which source (none: the session's, else the server's 'direct'). */
export function classifyEntry(o: EntryOptions): { kind: EntryKind; source?: string } {
  const q = o.query ?? {}
  const src = normaliseSource(q.src)
  if (q.scene) return { kind: 'scan', source: parseScene(q.scene).source ?? src }
  if (o.scene && SCAN_SCENES.includes(o.scene)) return { kind: 'scan', source: src }
  if (src || (o.scene && SHARE_SCENES.includes(o.scene))) return { kind: 'share', source: src }
  return { kind: 'direct' }
}

interface Queued {
  visit: VisitEvent
  tries: number
}

let queue: Queued[] = []
let flushing: Promise<void> | null = null
/** The current visit: its entry's key and, while the app is hidden, since when. */
let session: { key: string; hiddenAt?: number } | null = null

const PAGE_RE = /^\/?[\w/-]{1,79}$/

function enqueue(visit: VisitEvent): void {
  queue = queue.concat({ visit, tries: 0 }).slice(-MAX_QUEUED)
  if (queue.length >= BATCH_SIZE) void flushVisits()
}

/**
 * App launch and show (and the home page opened by a code) call this: records the entry when it
 * starts a visit, otherwise nothing.
 */
export function noteEntry(o: EntryOptions, now = Date.now()): void {
  try {
    const entry = classifyEntry(o)
    rememberSource(entry.source)
    const source = entry.source ?? getSessionSource()
    const key = `${entry.kind}:${source ?? ''}`
    if (session) {
      const resumed = session.hiddenAt !== undefined && now - session.hiddenAt >= SESSION_GAP_MS
      session.hiddenAt = undefined
      // Within a visit only a code or a card of another source starts a new one.
      if (!resumed && (entry.kind === 'direct' || key === session.key)) return
    }
    session = { key }
    const last = readJson<{ key?: string; at?: number } | null>(GUARD_KEY, null)
    if (last?.key === key && typeof last.at === 'number' && now >= last.at && now - last.at < GUARD_MS) return
    writeJson(GUARD_KEY, { key, at: now })
    const visit: VisitEvent = { kind: entry.kind, at: new Date(now).toISOString() }
    if (source) visit.source = source
    const page = o.path ? `/${o.path.replace(/^\/+/, '')}` : ''
    if (PAGE_RE.test(page)) visit.page = page
    enqueue(visit)
  } catch {
    // Counting must never get in the way of the visit.
  }
}

/** A detail page shown (once per page opened): with the session's source. */
export function recordView(target: { parkId: string } | { articleId: string }, page: string): void {
  try {
    const visit = Object.assign({ kind: 'view', page, at: new Date().toISOString() }, target) as VisitEvent
    const source = getSessionSource()
    if (source) visit.source = source
    enqueue(visit)
  } catch {
    // as above
  }
}

/** The app went to the background: a long pause starts a new visit; what is queued goes now. */
export function noteHidden(now = Date.now()): void {
  if (session) session.hiddenAt = now
  void flushVisits()
}

/** Failures worth a retry; a malformed batch (VALIDATION …) would fail the same way again. */
const RETRY = ['NETWORK', 'INTERNAL', 'RATE_LIMITED']

// Plain promise chains, not async/await: the main package would carry the regenerator runtime.
function send(): Promise<void> {
  const batch = queue.slice(0, BATCH_SIZE)
  if (!batch.length) return Promise.resolve()
  return callApi('visits.record', { visits: batch.map((q) => q.visit) }).then((result) => {
    queue = queue.filter((q) => batch.indexOf(q) < 0)
    if (result.ok || RETRY.indexOf(result.error.code) < 0) return send()
    const again = batch
      .map((q) => ({ visit: q.visit, tries: q.tries + 1 }))
      .filter((q) => q.tries < MAX_ATTEMPTS)
    queue = again.concat(queue).slice(-MAX_QUEUED)
  })
}

/** Sends what is queued; never rejects. A call while a flush runs joins it. */
export function flushVisits(): Promise<void> {
  if (flushing) return flushing
  if (!queue.length) return Promise.resolve()
  flushing = send()
    .catch(() => undefined)
    .then(() => {
      flushing = null
    })
  return flushing
}

/** What is waiting to be sent (tests, diagnostics). */
export const pendingVisits = (): VisitEvent[] => queue.map((q) => q.visit)

/** For tests: a new app run (memory only; the storage guard stays). */
export function resetVisits(): void {
  queue = []
  flushing = null
  session = null
}
