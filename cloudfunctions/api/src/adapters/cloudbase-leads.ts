import type { InquiryStatus, NeedType, TaxBracket } from '@/domain/inquiry'
import type { District } from '@/domain/park'
import { inquiryIdFor } from '../core/inquiry-id'
import type {
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  InsertInquiryOutcome,
  LeadStore,
  RateLimit,
} from '../ports/lead-store'
import { COLLECTIONS, type CloudDatabase, type CloudDoc } from './cloudbase-storage'

/** A query returns at most 1,000 documents in a cloud function; we never ask for more than 100. */
const MAX_LIMIT = 100

/** Fields of a lead document besides `_id`: the InquiryRecord's, camelCase, absent when unset. */
function toDoc(record: InquiryRecord): CloudDoc {
  const { id, ...rest } = record
  const doc: CloudDoc = { _id: id }
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) doc[key] = value
  return doc
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

function toInquiry(doc: CloudDoc): InquiryRecord {
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
  if (typeof doc.flagged === 'string') r.flagged = doc.flagged as FlagReason
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
 * Indexes to create in the console: inquiries (openid asc, createdAt desc), (createdAt desc);
 * contact_events (openid asc), (createdAt desc). Set both collections' permission to "仅管理端
 * 可读写" (only cloud functions): the mini program never reads them directly.
 *
 * The rate limit counts documents, then adds: two instances racing for the same visitor can
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

  async function rateLimited(openid: string, limits: RateLimit[]): Promise<RateLimit['window'] | null> {
    const totals = await Promise.all(
      limits.map((l) =>
        inquiries()
          .where({ openid, createdAt: _.gte(l.since) })
          .count(),
      ),
    )
    const reached = limits.find((l, i) => totals[i].total >= l.max)
    return reached ? reached.window : null
  }

  return {
    findInquiry: (openid, key) => byId(inquiryIdFor(openid, key), openid),

    rateLimited,

    async insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome> {
      const existing = await byId(record.id, record.openid)
      if (existing) return { kind: 'duplicate', inquiry: existing }
      const reached = await rateLimited(record.openid, limits)
      if (reached) return { kind: 'rate-limited', window: reached }
      try {
        await inquiries().add({ data: toDoc(record) })
      } catch (err) {
        // Most likely the `_id` is taken: a concurrent twin won. Anything else is rethrown.
        const raced = await byId(record.id, record.openid)
        if (raced) return { kind: 'duplicate', inquiry: raced }
        throw err
      }
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

    async insertContactEvents(records: ContactEventRecord[]): Promise<number> {
      const added = await Promise.all(
        records.map((r) => {
          const data: Record<string, unknown> = {}
          for (const [key, value] of Object.entries(r)) if (value !== undefined) data[key] = value
          return events().add({ data })
        }),
      )
      return added.length
    },
  }
}
