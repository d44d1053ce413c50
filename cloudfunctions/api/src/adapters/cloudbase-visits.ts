import type { InsertEventsOutcome, RateLimit } from '../ports/lead-store'
import type { VisitRecord, VisitStore } from '../ports/visits'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudDatabase } from './cloudbase-storage'

/**
 * The channel funnel's visits in CloudBase: one document per visit in `visits` (indexes in
 * cloudbase-collections.ts). The limits count, then add, as for contact taps
 * (cloudbase-leads.ts): two instances racing for one visitor may store a few past the limit.
 */
export function createCloudbaseVisitStore(db: CloudDatabase): VisitStore {
  const _ = db.command
  const visits = () => db.collection(COLLECTIONS.visits)

  async function forgetOldKeys(limits: RateLimit[]): Promise<void> {
    const oldest = limits
      .filter((l) => l.by === 'address')
      .reduce<string | null>((min, l) => (min === null || l.since < min ? l.since : min), null)
    if (oldest === null) return
    try {
      await visits()
        .where({ clientKey: _.exists(true), createdAt: _.lt(oldest) })
        .update({ data: { clientKey: _.remove() } })
    } catch {
      // Housekeeping: the next write retries it.
    }
  }

  return {
    async insertVisits(records: VisitRecord[], limits: RateLimit[]): Promise<InsertEventsOutcome> {
      if (records.length === 0) return { kind: 'inserted', stored: 0 }
      const { openid, clientKey } = records[0]
      const applicable = limits.filter((l) => (l.by === 'visitor' ? openid : clientKey))
      const totals = await Promise.all(
        applicable.map((l) =>
          visits()
            .where(
              l.by === 'visitor'
                ? { openid, createdAt: _.gte(l.since) }
                : { clientKey, createdAt: _.gte(l.since) },
            )
            .count(),
        ),
      )
      const open = applicable.map((limit, i) => ({ limit, left: limit.max - totals[i].total }))
      const spent = open.find((a) => a.left <= 0)
      if (spent) return { kind: 'rate-limited', limit: spent.limit }
      const room = Math.min(records.length, ...open.map((a) => a.left))
      const [, ...added] = await Promise.all([
        forgetOldKeys(limits),
        ...records.slice(0, room).map((r) => {
          const data: Record<string, unknown> = {}
          for (const [key, value] of Object.entries(r)) if (value !== undefined) data[key] = value
          return visits().add({ data })
        }),
      ])
      return { kind: 'inserted', stored: added.length }
    },

    async purgeOlderThan(before) {
      const res = await visits()
        .where({ createdAt: _.lt(before) })
        .remove()
      return res.stats.removed
    },

    async deleteVisitor(openid) {
      const res = await visits().where({ openid }).remove()
      return res.stats.removed
    },
  }
}
