import type Database from 'better-sqlite3'
import type { InquiryStatus, NeedType, TaxBracket } from '@/domain/inquiry'
import type { District } from '@/domain/park'
import type {
  Caller,
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  InsertEventsOutcome,
  InsertInquiryOutcome,
  LeadStore,
  RateLimit,
} from '../../ports/lead-store'
import { rateWindow } from './rate-window'

export interface InquiryRow {
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
  client_key: string | null
  created_at: string
  updated_at: string
}

/** Shared with the desk (sqlite/desk.ts), which reads the same rows. */
export function rowToInquiry(row: InquiryRow): InquiryRecord {
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
  if (row.client_key !== null) r.clientKey = row.client_key
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
    clientKey: r.clientKey ?? null,
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
  // Counts over (openid, created_at) or the partial (client_key, created_at); see rate-window.ts.
  const windows = { inquiries: rateWindow(db, 'inquiries'), contact_events: rateWindow(db, 'contact_events') }
  const insertInquiryRow = db.prepare(
    `INSERT INTO inquiries (id, openid, idempotency_key, need_type, area_min, area_max, industry, district,
       tax_bracket, company, contact_name, phone, remark, consent, source, park_id, park_name, article_id,
       status, flagged, client_key, created_at, updated_at)
     VALUES (@id, @openid, @idempotencyKey, @needType, @areaMin, @areaMax, @industry, @district,
       @taxBracket, @company, @contactName, @phone, @remark, @consent, @source, @parkId, @parkName, @articleId,
       @status, @flagged, @clientKey, @createdAt, @updatedAt)`,
  )
  const inquiriesOf = db.prepare<{ openid: string; limit: number }, InquiryRow>(
    'SELECT * FROM inquiries WHERE openid = @openid ORDER BY created_at DESC, id DESC LIMIT @limit',
  )
  const deleteInquiriesOf = db.prepare('DELETE FROM inquiries WHERE openid = ?')
  const deleteEventsOf = db.prepare('DELETE FROM contact_events WHERE openid = ?')
  const insertEvent = db.prepare(
    `INSERT INTO contact_events (openid, kind, page, park_id, article_id, source, at, created_at, client_key)
     VALUES (@openid, @kind, @page, @parkId, @articleId, @source, @at, @createdAt, @clientKey)`,
  )

  const firstReached = (table: 'inquiries' | 'contact_events', caller: Caller, limits: RateLimit[]) =>
    windows[table].allowances(caller, limits).find((a) => a.left <= 0)?.limit ?? null

  // Check and insert in one transaction. better-sqlite3 is synchronous, so within this process
  // nothing interleaves; IMMEDIATE takes the write lock up front, so another process on the same
  // file cannot slip a row in between the check and the insert either.
  const insertInquiryTx = db.transaction(
    (record: InquiryRecord, limits: RateLimit[]): InsertInquiryOutcome => {
      const existing = inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
      if (existing) return { kind: 'duplicate', inquiry: rowToInquiry(existing) }
      const reached = firstReached('inquiries', record, limits)
      if (reached) return { kind: 'rate-limited', limit: reached }
      try {
        insertInquiryRow.run(inquiryParams(record))
      } catch (err) {
        const raced = isUniqueViolation(err)
          ? inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
          : undefined
        if (raced) return { kind: 'duplicate', inquiry: rowToInquiry(raced) }
        throw err
      }
      windows.inquiries.forgetOldKeys(limits)
      return { kind: 'inserted', inquiry: record }
    },
  )

  const deleteVisitorTx = db.transaction((openid: string) => ({
    inquiries: deleteInquiriesOf.run(openid).changes,
    events: deleteEventsOf.run(openid).changes,
  }))

  // Count and insert in one IMMEDIATE transaction, as for leads: the allowance cannot be spent twice.
  const insertEventsTx = db.transaction(
    (events: ContactEventRecord[], limits: RateLimit[]): InsertEventsOutcome => {
      return windows.contact_events.insertWithin(
        events,
        limits,
        (e) =>
          insertEvent.run({
            openid: e.openid,
            kind: e.kind,
            page: e.page,
            parkId: e.parkId ?? null,
            articleId: e.articleId ?? null,
            source: e.source ?? null,
            at: e.at,
            createdAt: e.createdAt,
            clientKey: e.clientKey ?? null,
          }).changes,
      )
    },
  )

  return {
    async findInquiry(openid: string, idempotencyKey: string): Promise<InquiryRecord | null> {
      const row = inquiryByKey.get({ openid, key: idempotencyKey })
      return row ? rowToInquiry(row) : null
    },

    async rateLimited(caller: Caller, limits: RateLimit[]): Promise<RateLimit | null> {
      return firstReached('inquiries', caller, limits)
    },

    async insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome> {
      return insertInquiryTx.immediate(record, limits)
    },

    async listInquiries(openid: string, limit: number): Promise<InquiryRecord[]> {
      return inquiriesOf.all({ openid, limit }).map(rowToInquiry)
    },

    async deleteVisitorData(openid: string): Promise<{ inquiries: number; events: number }> {
      return deleteVisitorTx.immediate(openid)
    },

    async insertContactEvents(
      events: ContactEventRecord[],
      limits: RateLimit[],
    ): Promise<InsertEventsOutcome> {
      return events.length ? insertEventsTx.immediate(events, limits) : { kind: 'inserted', stored: 0 }
    },
  }
}
