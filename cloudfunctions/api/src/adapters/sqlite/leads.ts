import type Database from 'better-sqlite3'
import type { InquiryStatus, NeedType, TaxBracket } from '@/domain/inquiry'
import type { District } from '@/domain/park'
import type {
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  InsertInquiryOutcome,
  LeadStore,
  RateLimit,
} from '../../ports/lead-store'

interface InquiryRow {
  id: string
  openid: string
  idempotency_key: string
  need_type: string
  area_min: number | null
  area_max: number | null
  industry: string
  district: string | null
  tax_bracket: string | null
  company: string
  contact_name: string
  phone: string
  remark: string
  consent: number
  source: string | null
  park_id: string | null
  park_name: string | null
  article_id: string | null
  status: string
  flagged: string | null
  created_at: string
  updated_at: string
}

function toInquiry(row: InquiryRow): InquiryRecord {
  const r: InquiryRecord = {
    id: row.id,
    openid: row.openid,
    idempotencyKey: row.idempotency_key,
    needType: row.need_type as NeedType,
    industry: row.industry,
    company: row.company,
    contactName: row.contact_name,
    phone: row.phone,
    remark: row.remark,
    consent: true,
    status: row.status as InquiryStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  // Optional fields stay absent (not null) as in the record that was stored.
  if (row.area_min !== null) r.areaMin = row.area_min
  if (row.area_max !== null) r.areaMax = row.area_max
  if (row.district !== null) r.district = row.district as District
  if (row.tax_bracket !== null) r.taxBracket = row.tax_bracket as TaxBracket
  if (row.source !== null) r.source = row.source
  if (row.park_id !== null) r.parkId = row.park_id
  if (row.park_name !== null) r.parkName = row.park_name
  if (row.article_id !== null) r.articleId = row.article_id
  if (row.flagged !== null) r.flagged = row.flagged as FlagReason
  return r
}

function inquiryParams(r: InquiryRecord) {
  return {
    id: r.id,
    openid: r.openid,
    idempotencyKey: r.idempotencyKey,
    needType: r.needType,
    areaMin: r.areaMin ?? null,
    areaMax: r.areaMax ?? null,
    industry: r.industry,
    district: r.district ?? null,
    taxBracket: r.taxBracket ?? null,
    company: r.company,
    contactName: r.contactName,
    phone: r.phone,
    remark: r.remark,
    consent: r.consent ? 1 : 0,
    source: r.source ?? null,
    parkId: r.parkId ?? null,
    parkName: r.parkName ?? null,
    articleId: r.articleId ?? null,
    status: r.status,
    flagged: r.flagged ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' &&
  /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((err as { code: string }).code)

/** Leads and contact events over an open, migrated connection (see migrations.ts for the tables). */
export function createSqliteLeadStore(db: Database.Database): LeadStore {
  const inquiryByKey = db.prepare<{ openid: string; key: string }, InquiryRow>(
    'SELECT * FROM inquiries WHERE openid = @openid AND idempotency_key = @key',
  )
  const countInquiriesSince = db.prepare<{ openid: string; since: string }, { n: number }>(
    'SELECT count(*) AS n FROM inquiries WHERE openid = @openid AND created_at >= @since',
  )
  const insertInquiryRow = db.prepare(
    `INSERT INTO inquiries (id, openid, idempotency_key, need_type, area_min, area_max, industry, district,
       tax_bracket, company, contact_name, phone, remark, consent, source, park_id, park_name, article_id,
       status, flagged, created_at, updated_at)
     VALUES (@id, @openid, @idempotencyKey, @needType, @areaMin, @areaMax, @industry, @district,
       @taxBracket, @company, @contactName, @phone, @remark, @consent, @source, @parkId, @parkName, @articleId,
       @status, @flagged, @createdAt, @updatedAt)`,
  )
  const inquiriesOf = db.prepare<{ openid: string; limit: number }, InquiryRow>(
    'SELECT * FROM inquiries WHERE openid = @openid ORDER BY created_at DESC, id DESC LIMIT @limit',
  )
  const deleteInquiriesOf = db.prepare('DELETE FROM inquiries WHERE openid = ?')
  const deleteEventsOf = db.prepare('DELETE FROM contact_events WHERE openid = ?')
  const insertEvent = db.prepare(
    `INSERT INTO contact_events (openid, kind, page, park_id, article_id, source, at, created_at)
     VALUES (@openid, @kind, @page, @parkId, @articleId, @source, @at, @createdAt)`,
  )

  function firstReachedLimit(openid: string, limits: RateLimit[]): RateLimit['window'] | null {
    for (const limit of limits) {
      if (countInquiriesSince.get({ openid, since: limit.since })!.n >= limit.max) return limit.window
    }
    return null
  }

  // Check and insert in one transaction. better-sqlite3 is synchronous, so within this process
  // nothing interleaves; IMMEDIATE takes the write lock up front, so another process on the same
  // file cannot slip a row in between the check and the insert either.
  const insertInquiryTx = db.transaction(
    (record: InquiryRecord, limits: RateLimit[]): InsertInquiryOutcome => {
      const existing = inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
      if (existing) return { kind: 'duplicate', inquiry: toInquiry(existing) }
      const reached = firstReachedLimit(record.openid, limits)
      if (reached) return { kind: 'rate-limited', window: reached }
      try {
        insertInquiryRow.run(inquiryParams(record))
      } catch (err) {
        const raced = isUniqueViolation(err)
          ? inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
          : undefined
        if (raced) return { kind: 'duplicate', inquiry: toInquiry(raced) }
        throw err
      }
      return { kind: 'inserted', inquiry: record }
    },
  )

  const deleteVisitorTx = db.transaction((openid: string) => ({
    inquiries: deleteInquiriesOf.run(openid).changes,
    events: deleteEventsOf.run(openid).changes,
  }))

  const insertEventsTx = db.transaction((events: ContactEventRecord[]) => {
    let n = 0
    for (const e of events) {
      n += insertEvent.run({
        openid: e.openid,
        kind: e.kind,
        page: e.page,
        parkId: e.parkId ?? null,
        articleId: e.articleId ?? null,
        source: e.source ?? null,
        at: e.at,
        createdAt: e.createdAt,
      }).changes
    }
    return n
  })

  return {
    async findInquiry(openid: string, idempotencyKey: string): Promise<InquiryRecord | null> {
      const row = inquiryByKey.get({ openid, key: idempotencyKey })
      return row ? toInquiry(row) : null
    },

    async rateLimited(openid: string, limits: RateLimit[]): Promise<RateLimit['window'] | null> {
      return firstReachedLimit(openid, limits)
    },

    async insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome> {
      return insertInquiryTx.immediate(record, limits)
    },

    async listInquiries(openid: string, limit: number): Promise<InquiryRecord[]> {
      return inquiriesOf.all({ openid, limit }).map(toInquiry)
    },

    async deleteVisitorData(openid: string): Promise<{ inquiries: number; events: number }> {
      return deleteVisitorTx.immediate(openid)
    },

    async insertContactEvents(events: ContactEventRecord[]): Promise<number> {
      return events.length ? insertEventsTx(events) : 0
    },
  }
}
