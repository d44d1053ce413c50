import type * as v from 'valibot'
import type {
  EmptySchema,
  InquiryPayload,
  InquirySummary,
  RecordEventsSchema,
  SubmitResult,
} from '@/domain/inquiry'
import { DIRECT_SOURCE } from '@/domain/channels'
import { maskPhone } from '@/domain/phone'
import { formatPhone } from '@/domain/format-quantity'
import { ActionError, MESSAGES } from '../errors'
import type { ContentCheckPort, ContentVerdict } from '../ports/content-check'
import type { ActionContext } from '../context'
import type { ClientKeyer } from '../core/client-key'
import { inquiryIdFor } from '../core/inquiry-id'
import type {
  Caller,
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  LeadStore,
  RateLimit,
} from '../ports/lead-store'
import type { LeadNotice, NotifierPort } from '../ports/notifier'
import type { StoragePort } from '../ports/storage'
import type { VisitStore } from '../ports/visits'

type EmptyInput = v.InferOutput<typeof EmptySchema>
type EventsInput = v.InferOutput<typeof RecordEventsSchema>

/** Per visitor (openid): at most this many stored leads in the last hour / 24 hours. */
export const RATE_LIMITS = { hour: 5, day: 20 } as const
/**
 * Per client address: a visitor who drops the cookie (or opens a fresh browser) is a new
 * visitor but the same address. Higher than per visitor, since an office or a campus shares
 * one address.
 */
export const ADDRESS_RATE_LIMITS = { hour: 20, day: 60 } as const
/**
 * Contact taps (events.record). A person taps call / copy / QR a handful of times an hour; the
 * client sends at most 20 a call. Past these the batch is cut or refused (RATE_LIMITED).
 */
export const EVENT_LIMITS = {
  visitor: { hour: 60, day: 300 },
  address: { hour: 300, day: 1500 },
} as const
export const MINE_LIMIT = 50
/** msgSecCheck gets this long; past it the lead is kept and flagged. */
export const CONTENT_CHECK_TIMEOUT_MS = 1500
/** Naming the risky fields (one more check per field) gets this long; past it all are named. */
export const LOCATE_TIMEOUT_MS = 800
/** The notifier gets this long before the answer goes back (the cloud freezes after returning). */
export const NOTIFY_TIMEOUT_MS = 1500

/** The free-text fields, in the order they are joined for the content check. */
export const FREE_TEXT_FIELDS = ['industry', 'company', 'contactName', 'remark'] as const
type FreeTextField = (typeof FREE_TEXT_FIELDS)[number]

export interface InquiryDeps {
  storage: StoragePort
  leads?: LeadStore
  contentCheck: ContentCheckPort
  notifier: NotifierPort
  contentCheckTimeoutMs?: number
  notifyTimeoutMs?: number
  /** The caller's address → the key stored for per-address limits (core/client-key.ts). */
  clientKeyOf: ClientKeyer
  /** The channel funnel's visits: the deletion right removes the visitor's too. */
  visits?: VisitStore
}

type Timed<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'error'; err?: unknown }

/**
 * Runs `start` and settles within `ms`: the value, a throw (sync or async), or a timeout. The
 * timer never holds the process; the abandoned call is left to finish on its own.
 */
async function within<T>(start: () => Promise<T>, ms: number): Promise<Timed<T>> {
  const promise = Promise.resolve().then(start)
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), ms)
    timer.unref?.()
  })
  try {
    return await Promise.race([
      promise.then(
        (value): Timed<T> => ({ ok: true, value }),
        (err: unknown): Timed<T> => ({ ok: false, reason: 'error', err }),
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Lone UTF-16 surrogates (legal in a JSON string, not in UTF-8) become U+FFFD, one for one. The
 * schema lets them through; SQLite would store each as three replacement characters on the way
 * to UTF-8, past the length caps. (String#toWellFormed, ES2024, once the targets have it.)
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd')
}

/** The hotline as every page shows it (4000123021 → "400-012-3021"): the domain's one formatter. */
export const formatHotline = formatPhone

function toSummary(r: InquiryRecord): InquirySummary {
  const out: InquirySummary = { id: r.id, needType: r.needType, status: r.status, createdAt: r.createdAt }
  if (r.parkId) out.parkId = r.parkId
  if (r.parkName) out.parkName = r.parkName
  return out
}

function noticeOf(r: InquiryRecord): LeadNotice {
  return {
    inquiryId: r.id,
    status: r.status,
    flagged: r.flagged,
    needType: r.needType,
    district: r.district,
    areaMin: r.areaMin,
    areaMax: r.areaMax,
    parkId: r.parkId,
    parkName: r.parkName,
    articleId: r.articleId,
    source: r.source,
    company: r.company || undefined,
    maskedPhone: maskPhone(r.phone),
    createdAt: r.createdAt,
  }
}

const submitted = (r: InquiryRecord, duplicate: boolean): SubmitResult => ({
  inquiryId: r.id,
  status: r.status,
  duplicate,
})

export function createInquiryHandlers(deps: InquiryDeps) {
  const checkMs = deps.contentCheckTimeoutMs ?? CONTENT_CHECK_TIMEOUT_MS
  const notifyMs = deps.notifyTimeoutMs ?? NOTIFY_TIMEOUT_MS

  function store(): LeadStore {
    // A deployment fault, not the caller's: the router answers INTERNAL.
    if (!deps.leads) throw new Error('no lead store configured (ApiDeps.leads)')
    return deps.leads
  }

  /** Identity comes from the platform (getWXContext / the cookie) only; without it nothing is stored or read. */
  function visitor(ctx: ActionContext): string {
    if (!ctx.openid) throw new ActionError('BAD_REQUEST', MESSAGES.noIdentity)
    return ctx.openid
  }

  /** Who the limits count: the visitor, and the keyed hash of their address when the host gave one. */
  function callerOf(ctx: ActionContext): Caller {
    const caller: Caller = { openid: visitor(ctx) }
    const clientKey = deps.clientKeyOf(ctx.clientAddress)
    if (clientKey) caller.clientKey = clientKey
    return caller
  }

  /** Visitor limits first, so a visitor over their own limit hears the visitor message. */
  function limitsAt(
    now: Date,
    perVisitor: { hour: number; day: number },
    perAddress: { hour: number; day: number },
  ): RateLimit[] {
    const t = now.getTime()
    const hour = new Date(t - 3600_000).toISOString()
    const day = new Date(t - 24 * 3600_000).toISOString()
    return [
      { by: 'visitor', window: 'hour', since: hour, max: perVisitor.hour },
      { by: 'visitor', window: 'day', since: day, max: perVisitor.day },
      { by: 'address', window: 'hour', since: hour, max: perAddress.hour },
      { by: 'address', window: 'day', since: day, max: perAddress.day },
    ]
  }
  const leadLimits = (now: Date) => limitsAt(now, RATE_LIMITS, ADDRESS_RATE_LIMITS)
  const eventLimits = (now: Date) => limitsAt(now, EVENT_LIMITS.visitor, EVENT_LIMITS.address)

  function limitMessage(limit: RateLimit, what: 'lead' | 'event'): string {
    if (what === 'event') return MESSAGES.eventsRateLimited
    if (limit.by === 'address') {
      return limit.window === 'hour' ? MESSAGES.rateLimitedAddressHour : MESSAGES.rateLimitedAddressDay
    }
    return limit.window === 'hour' ? MESSAGES.rateLimitedHour : MESSAGES.rateLimitedDay
  }

  async function rateLimitedError(
    limit: RateLimit,
    ctx: ActionContext,
    what: 'lead' | 'event' = 'lead',
  ): Promise<ActionError> {
    const base = limitMessage(limit, what)
    let hotline: string | undefined
    try {
      hotline = (await deps.storage.getAgencyContact())?.hotline
    } catch (err) {
      ctx.logger.warn('agency contact unavailable for the rate-limit message', { err })
    }
    return new ActionError(
      'RATE_LIMITED',
      hotline ? `${base}；急需可直接拨打招商热线 ${formatHotline(hotline)}` : base,
    )
  }

  /** One bounded check; a throw or a timeout is an undecided verdict with its reason. */
  async function screen(
    text: string,
    ctx: ActionContext,
    ms: number,
  ): Promise<{ verdict: ContentVerdict; flag?: FlagReason }> {
    const res = await within(() => deps.contentCheck.check(text, ctx.openid), ms)
    if (res.ok) {
      if (res.value === 'review') return { verdict: 'review', flag: 'content-review' }
      if (res.value === 'error') return { verdict: 'error', flag: 'content-check-failed' }
      return { verdict: res.value }
    }
    ctx.logger.warn('content check undecided', { reason: res.reason, ms, err: res.err })
    return {
      verdict: 'error',
      flag: res.reason === 'timeout' ? 'content-check-timeout' : 'content-check-failed',
    }
  }

  /**
   * Which fields made the joined text risky: each non-empty field checked on its own, in
   * parallel and bounded. When none is risky alone (the combination was, or the checks failed),
   * every non-empty free-text field is named.
   */
  async function riskyFields(input: InquiryPayload, ctx: ActionContext): Promise<Record<string, string>> {
    const filled = FREE_TEXT_FIELDS.filter((f) => input[f] !== '')
    if (filled.length === 1) return { [filled[0]]: MESSAGES.contentRiskyField }
    const verdicts = await Promise.all(filled.map((f) => screen(input[f], ctx, LOCATE_TIMEOUT_MS)))
    const risky: FreeTextField[] = filled.filter((_, i) => verdicts[i].verdict === 'risky')
    const named = risky.length > 0 ? risky : filled
    return Object.fromEntries(named.map((f) => [f, MESSAGES.contentRiskyField]))
  }

  async function parkNameOf(parkId: string | undefined, ctx: ActionContext): Promise<string | undefined> {
    if (!parkId) return undefined
    try {
      return (await deps.storage.getPark(parkId))?.name || undefined
    } catch (err) {
      // Attribution is a nicety: a failed lookup never costs the lead.
      ctx.logger.warn('park lookup failed', { parkId, err })
      return undefined
    }
  }

  async function notify(record: InquiryRecord, ctx: ActionContext): Promise<void> {
    const res = await within(() => deps.notifier.notify(noticeOf(record)), notifyMs)
    if (!res.ok) {
      ctx.logger.warn('lead notification failed', {
        inquiryId: record.id,
        reason: res.reason,
        err: res.err,
      })
    }
  }

  return {
    async submit(payload: InquiryPayload, ctx: ActionContext): Promise<SubmitResult> {
      const caller = callerOf(ctx)
      const { openid } = caller
      const input: InquiryPayload = {
        ...payload,
        industry: wellFormed(payload.industry),
        company: wellFormed(payload.company),
        contactName: wellFormed(payload.contactName),
        remark: wellFormed(payload.remark),
      }
      const leads = store()
      const key = input.idempotencyKey

      // A retry or a double tap: the first answer again, before any limit or check.
      const existing = await leads.findInquiry(openid, key)
      if (existing) {
        ctx.logger.info('inquiry duplicate', { inquiryId: existing.id })
        return submitted(existing, true)
      }

      // Advisory (insertInquiry decides), but it spares msgSecCheck quota for refused calls.
      const early = await leads.rateLimited(caller, leadLimits(ctx.now()))
      if (early) {
        ctx.logger.info('inquiry rate limited', { by: early.by, window: early.window })
        throw await rateLimitedError(early, ctx)
      }

      const text = FREE_TEXT_FIELDS.map((f) => input[f])
        .filter((s) => s !== '')
        .join('\n')
      const [screened, parkName] = await Promise.all([
        screen(text, ctx, checkMs),
        parkNameOf(input.context.parkId, ctx),
      ])
      if (screened.verdict === 'risky') {
        const fields = await riskyFields(input, ctx)
        ctx.logger.info('inquiry refused by content check', { fields: Object.keys(fields) })
        throw new ActionError('VALIDATION', MESSAGES.contentRisky, fields)
      }

      const now = ctx.now()
      const at = now.toISOString()
      const record: InquiryRecord = {
        id: inquiryIdFor(openid, key),
        openid,
        idempotencyKey: key,
        needType: input.needType,
        industry: input.industry,
        company: input.company,
        contactName: input.contactName,
        phone: input.phone,
        remark: input.remark,
        consent: true,
        status: screened.flag ? 'review' : 'new',
        createdAt: at,
        updatedAt: at,
      }
      if (input.areaMin !== undefined) record.areaMin = input.areaMin
      if (input.areaMax !== undefined) record.areaMax = input.areaMax
      if (input.district) record.district = input.district
      if (input.taxBracket) record.taxBracket = input.taxBracket
      // Every lead carries a source (the channel funnel counts them all): none is a direct visit.
      record.source = input.context.source ?? DIRECT_SOURCE
      if (input.context.parkId) record.parkId = input.context.parkId
      if (parkName) record.parkName = parkName
      if (input.context.articleId) record.articleId = input.context.articleId
      if (screened.flag) record.flagged = screened.flag
      if (caller.clientKey) record.clientKey = caller.clientKey

      const outcome = await leads.insertInquiry(record, leadLimits(now))
      if (outcome.kind === 'duplicate') {
        // A concurrent twin of this call stored it first.
        ctx.logger.info('inquiry duplicate', { inquiryId: outcome.inquiry.id, raced: true })
        return submitted(outcome.inquiry, true)
      }
      if (outcome.kind === 'rate-limited') {
        ctx.logger.info('inquiry rate limited', { by: outcome.limit.by, window: outcome.limit.window })
        throw await rateLimitedError(outcome.limit, ctx)
      }
      const stored = outcome.inquiry
      ctx.logger.info('inquiry stored', {
        inquiryId: stored.id,
        status: stored.status,
        flagged: stored.flagged,
        needType: stored.needType,
        parkId: stored.parkId,
        source: stored.source,
        phone: maskPhone(stored.phone),
      })
      await notify(stored, ctx)
      return submitted(stored, false)
    },

    async mine(_input: EmptyInput, ctx: ActionContext): Promise<{ items: InquirySummary[] }> {
      const rows = await store().listInquiries(visitor(ctx), MINE_LIMIT)
      return { items: rows.slice(0, MINE_LIMIT).map(toSummary) }
    },

    async deleteMine(
      _input: EmptyInput,
      ctx: ActionContext,
    ): Promise<{ deletedInquiries: number; deletedEvents: number }> {
      const openid = visitor(ctx)
      const [{ inquiries, events }, visits] = await Promise.all([
        store().deleteVisitorData(openid),
        deps.visits ? deps.visits.deleteVisitor(openid) : Promise.resolve(0),
      ])
      ctx.logger.info('visitor data deleted', { inquiries, events, visits })
      // Entries and detail views are the visitor's events too.
      return { deletedInquiries: inquiries, deletedEvents: events + visits }
    },

    async recordEvents(input: EventsInput, ctx: ActionContext): Promise<{ accepted: number }> {
      const { openid, clientKey } = callerOf(ctx)
      const now = ctx.now()
      const createdAt = now.toISOString()
      const records: ContactEventRecord[] = input.events.map((e) => {
        const r: ContactEventRecord = { openid, kind: e.kind, page: wellFormed(e.page), at: e.at, createdAt }
        if (e.parkId) r.parkId = e.parkId
        if (e.articleId) r.articleId = e.articleId
        if (e.source) r.source = e.source
        if (clientKey) r.clientKey = clientKey
        return r
      })
      const outcome = await store().insertContactEvents(records, eventLimits(now))
      if (outcome.kind === 'rate-limited') {
        ctx.logger.info('events rate limited', { by: outcome.limit.by, window: outcome.limit.window })
        throw await rateLimitedError(outcome.limit, ctx, 'event')
      }
      if (outcome.stored < records.length) {
        ctx.logger.info('events cut by rate limit', { sent: records.length, stored: outcome.stored })
      }
      return { accepted: outcome.stored }
    },
  }
}
