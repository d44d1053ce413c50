import { DIRECT_SOURCE } from '@/domain/channels'
import type { RecordVisitsInput } from '@/domain/visits'
import { ActionError, MESSAGES } from '../errors'
import type { ActionContext } from '../context'
import type { ClientKeyer } from '../core/client-key'
import type { RateLimit } from '../ports/lead-store'
import type { VisitRecord, VisitStore } from '../ports/visits'

/**
 * Visits (visits.record): an entry is one per visit and a view one per detail page opened, so a
 * person makes a few an hour; 20 a call at most. Per address higher, as for contact taps (an
 * office shares one address). Past these a batch is cut, then refused (RATE_LIMITED).
 */
export const VISIT_LIMITS = {
  visitor: { hour: 120, day: 500 },
  address: { hour: 600, day: 3000 },
} as const

export interface VisitDeps {
  visits?: VisitStore
  clientKeyOf: ClientKeyer
}

/** The windows of VISIT_LIMITS ending now: visitor limits first, as for leads. */
export function visitLimits(now: Date): RateLimit[] {
  const t = now.getTime()
  const hour = new Date(t - 3600_000).toISOString()
  const day = new Date(t - 24 * 3600_000).toISOString()
  return [
    { by: 'visitor', window: 'hour', since: hour, max: VISIT_LIMITS.visitor.hour },
    { by: 'visitor', window: 'day', since: day, max: VISIT_LIMITS.visitor.day },
    { by: 'address', window: 'hour', since: hour, max: VISIT_LIMITS.address.hour },
    { by: 'address', window: 'day', since: day, max: VISIT_LIMITS.address.day },
  ]
}

/** `visits.record` (public): the channel funnel's entries and detail views, batched by the app. */
export function createVisitHandlers(deps: VisitDeps) {
  return {
    async record(input: RecordVisitsInput, ctx: ActionContext): Promise<{ accepted: number }> {
      // A deployment fault, not the caller's: the router answers INTERNAL.
      if (!deps.visits) throw new Error('no visit store configured (ApiDeps.visits)')
      if (!ctx.openid) throw new ActionError('BAD_REQUEST', MESSAGES.noIdentity)
      const now = ctx.now()
      const createdAt = now.toISOString()
      const clientKey = deps.clientKeyOf(ctx.clientAddress)
      const records = input.visits.map((e) => {
        // Every visit has a source: none sent is a direct visit.
        const r: VisitRecord = {
          openid: ctx.openid,
          kind: e.kind,
          source: e.source ?? DIRECT_SOURCE,
          at: e.at,
          createdAt,
        }
        if (e.page) r.page = e.page
        if (e.parkId) r.parkId = e.parkId
        if (e.articleId) r.articleId = e.articleId
        if (clientKey) r.clientKey = clientKey
        return r
      })
      const outcome = await deps.visits.insertVisits(records, visitLimits(now))
      if (outcome.kind === 'rate-limited') {
        ctx.logger.info('visits rate limited', { by: outcome.limit.by, window: outcome.limit.window })
        throw new ActionError('RATE_LIMITED', MESSAGES.eventsRateLimited)
      }
      if (outcome.stored < records.length) {
        ctx.logger.info('visits cut by rate limit', { sent: records.length, stored: outcome.stored })
      }
      return { accepted: outcome.stored }
    },
  }
}
