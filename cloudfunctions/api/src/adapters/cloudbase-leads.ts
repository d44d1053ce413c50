import { DIRECT_SOURCE } from '@/domain/channels'
import type { InquiryStatus, NeedType, TaxBracket } from '@/domain/inquiry'
import type { District } from '@/domain/park'
import { inquiryIdFor } from '../core/inquiry-id'
import type {
  Caller,
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  InsertEventsOutcome,
  InsertInquiryOutcome,
  LeadStore,
  RateLimit,
} from '../ports/lead-store'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudCollection, CloudDatabase, CloudDoc } from './cloudbase-storage'

/** A query returns at most 1,000 documents in a cloud function; we never ask for more than 100. */
const MAX_LIMIT = 100

/** Fields of a lead document besides `_id`: the InquiryRecord's, camelCase, absent when unset. */
function toDoc(record: InquiryRecord): CloudDoc {
  const { id, ...rest } = record
  // The desk's pipeline fields start here (cloudbase-desk.ts): a status tab queries `stage`.
  const doc: CloudDoc = { _id: id, stage: 'new', version: 1 }
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) doc[key] = value
  return doc
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** Shared with the desk (cloudbase-desk.ts) and the export (cloudbase-export.ts), which read the same documents. */
export function toInquiry(doc: CloudDoc): InquiryRecord {
  const r: InquiryRecord = {
    id: doc._id,
    openid: str(doc.openid),
    idempotencyKey: str(doc.idempotencyKey),
    needType: doc.needType as NeedType,
    industry: str(doc.industry),
    company: str(doc.company),
    contactName: str(doc.contactName),
    phone: str(doc.phone),
    remark: str(doc.remark),
    consent: true,
    status: doc.status as InquiryStatus,
    createdAt: str(doc.createdAt),
    updatedAt: str(doc.updatedAt),
  }
  if (typeof doc.areaMin === 'number') r.areaMin = doc.areaMin
  if (typeof doc.areaMax === 'number') r.areaMax = doc.areaMax
  if (typeof doc.district === 'string') r.district = doc.district as District
  if (typeof doc.taxBracket === 'string') r.taxBracket = doc.taxBracket as TaxBracket
  for (const key of ['source', 'parkId', 'parkName', 'articleId'] as const) {
    if (typeof doc[key] === 'string') r[key] = doc[key] as string
  }
  // Leads stored before every lead carried a source came in directly (SQLite backfills them).
  if (!r.source) r.source = DIRECT_SOURCE
  if (typeof doc.flagged === 'string') r.flagged = doc.flagged as FlagReason
  if (typeof doc.clientKey === 'string') r.clientKey = doc.clientKey
  return r
}

/**
 * Leads and contact events in CloudBase (production).
 *
 *   inquiries       `_id` = inquiryIdFor(openid, idempotencyKey). An `add` with a taken `_id`
 *                   fails, so a retry, a double tap or two racing instances store ONE document;
 *                   the loser reads the winner back and answers it as a duplicate.
 *   contact_events  one document per event, `openid` + server time `createdAt`.
 *
 * Collections, indexes and permissions: cloudbase-collections.ts (the one list the README and
 * `npm run cloud:setup` use). Rate limits count by `openid` or by `clientKey` (a keyed hash of the
 * caller's address, never the address) with `createdAt` in the window.
 *
 * The rate limits count documents, then add: two instances racing for the same visitor can
 * both pass the count, so a burst may store a lead or two past the limit. Exactly-once per key
 * does not depend on it. (A per-visitor counter document under a transaction would close the
 * gap at the cost of a write per submission; not worth it for 5 an hour.)
 */
export function createCloudbaseLeadStore(db: CloudDatabase): LeadStore {
  const _ = db.command
  const inquiries = () => db.collection(COLLECTIONS.inquiries)
  const events = () => db.collection(COLLECTIONS.contactEvents)

  async function byId(id: string, openid: string): Promise<InquiryRecord | null> {
    const res = await inquiries().where({ _id: id, openid }).limit(1).get()
    return res.data[0] ? toInquiry(res.data[0]) : null
  }

  /** How many more documents each applicable limit allows the caller, counted in parallel. */
  async function allowances(
    collection: () => CloudCollection,
    caller: Caller,
    limits: RateLimit[],
  ): Promise<Array<{ limit: RateLimit; left: number }>> {
    const applicable = limits.filter((l) => (l.by === 'visitor' ? caller.openid : caller.clientKey))
    const totals = await Promise.all(
      applicable.map((l) =>
        collection()
          .where(
            l.by === 'visitor'
              ? { openid: caller.openid, createdAt: _.gte(l.since) }
              : { clientKey: caller.clientKey, createdAt: _.gte(l.since) },
          )
          .count(),
      ),
    )
    return applicable.map((limit, i) => ({ limit, left: limit.max - totals[i].total }))
  }

  /**
   * Address keys are kept only while a limit can still count them: keys older than the longest
   * window are removed from the collection's documents (an indexed range on createdAt).
   */
  async function forgetOldKeys(collection: () => CloudCollection, limits: RateLimit[]): Promise<void> {
    const oldest = limits
      .filter((l) => l.by === 'address')
      .reduce<string | null>((min, l) => (min === null || l.since < min ? l.since : min), null)
    if (oldest === null) return
    try {
      await collection()
        .where({ clientKey: _.exists(true), createdAt: _.lt(oldest) })
        .update({ data: { clientKey: _.remove() } })
    } catch {
      // Housekeeping: a failure never costs the lead or the events; the next write retries it.
    }
  }

  async function rateLimited(caller: Caller, limits: RateLimit[]): Promise<RateLimit | null> {
    return (await allowances(inquiries, caller, limits)).find((a) => a.left <= 0)?.limit ?? null
  }

  return {
    findInquiry: (openid, key) => byId(inquiryIdFor(openid, key), openid),

    rateLimited,

    async insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome> {
      const existing = await byId(record.id, record.openid)
      if (existing) return { kind: 'duplicate', inquiry: existing }
      const reached = await rateLimited(record, limits)
      if (reached) return { kind: 'rate-limited', limit: reached }
      try {
        await inquiries().add({ data: toDoc(record) })
      } catch (err) {
        // Most likely the `_id` is taken: a concurrent twin won. Anything else is rethrown.
        const raced = await byId(record.id, record.openid)
        if (raced) return { kind: 'duplicate', inquiry: raced }
        throw err
      }
      await forgetOldKeys(inquiries, limits)
      return { kind: 'inserted', inquiry: record }
    },

    async listInquiries(openid: string, limit: number): Promise<InquiryRecord[]> {
      const res = await inquiries()
        .where({ openid })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))
        .get()
      return res.data.map(toInquiry)
    },

    async deleteVisitorData(openid: string): Promise<{ inquiries: number; events: number }> {
      const [a, b] = await Promise.all([
        inquiries().where({ openid }).remove(),
        events().where({ openid }).remove(),
      ])
      return { inquiries: a.stats.removed, events: b.stats.removed }
    },

    async insertContactEvents(
      records: ContactEventRecord[],
      limits: RateLimit[],
    ): Promise<InsertEventsOutcome> {
      if (records.length === 0) return { kind: 'inserted', stored: 0 }
      const open = await allowances(events, records[0], limits)
      const spent = open.find((a) => a.left <= 0)
      if (spent) return { kind: 'rate-limited', limit: spent.limit }
      const room = Math.min(records.length, ...open.map((a) => a.left))
      const [, ...added] = await Promise.all([
        forgetOldKeys(events, limits),
        ...records.slice(0, room).map((r) => {
          const data: Record<string, unknown> = {}
          for (const [key, value] of Object.entries(r)) if (value !== undefined) data[key] = value
          return events().add({ data })
        }),
      ])
      return { kind: 'inserted', stored: added.length }
    },
  }
}
