import type Database from 'better-sqlite3'
import { MAX_SUBSCRIPTIONS_KEPT, type AlertChannel } from '@/domain/alerts'
import type { InquiryStatus, NeedType } from '@/domain/inquiry'
import { maskPhone } from '@/domain/phone'
import type {
  DeliveryRecord,
  DeliveryStatus,
  DeliveryStore,
  DigestLead,
  DigestSource,
  SubscriptionStore,
} from '../../ports/alerts'

/** Lead alerts on SQLite (migration step 6): deliveries, subscriptions, and the digest's reads. */
export type SqliteAlertStore = DeliveryStore & SubscriptionStore & DigestSource

interface DeliveryRow {
  id: string
  inquiry_id: string
  channel: string
  recipient: string
  status: string
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  history: string
  notice: string
  created_at: string
  updated_at: string
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  const r: DeliveryRecord = {
    id: row.id,
    inquiryId: row.inquiry_id,
    channel: row.channel as AlertChannel,
    recipient: row.recipient,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    history: JSON.parse(row.history) as DeliveryRecord['history'],
    notice: JSON.parse(row.notice) as DeliveryRecord['notice'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  if (row.next_attempt_at !== null) r.nextAttemptAt = row.next_attempt_at
  if (row.last_error !== null) r.lastError = row.last_error
  return r
}

const params = (r: DeliveryRecord) => ({
  id: r.id,
  inquiryId: r.inquiryId,
  channel: r.channel,
  recipient: r.recipient,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt ?? null,
  lastError: r.lastError ?? null,
  history: JSON.stringify(r.history),
  notice: JSON.stringify(r.notice),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

interface LeadRow {
  id: string
  need_type: string
  status: string
  company: string
  phone: string
  created_at: string
  assignee_id: string | null
  next_follow_up: string | null
}

const LEAD_COLUMNS = 'id, need_type, status, company, phone, created_at, assignee_id, next_follow_up'

const toDigestLead = (row: LeadRow): DigestLead => ({
  id: row.id,
  needType: row.need_type as NeedType,
  status: row.status as InquiryStatus,
  company: row.company,
  maskedPhone: maskPhone(row.phone),
  createdAt: row.created_at,
  ...(row.assignee_id ? { assigneeId: row.assignee_id } : {}),
})

export function createSqliteAlertStore(db: Database.Database): SqliteAlertStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO deliveries (id, inquiry_id, channel, recipient, status, attempts, next_attempt_at,
       last_error, history, notice, created_at, updated_at)
     VALUES (@id, @inquiryId, @channel, @recipient, @status, @attempts, @nextAttemptAt, @lastError, @history,
       @notice, @createdAt, @updatedAt)`,
  )
  const addAll = db.transaction((records: DeliveryRecord[]) =>
    records.filter((r) => insert.run(params(r)).changes === 1),
  )
  const claim = db.prepare(
    `UPDATE deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?`,
  )
  const save = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
       last_error = @lastError, history = @history, updated_at = @updatedAt WHERE id = @id`,
  )
  const due = db.prepare(
    `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
  )
  const ofInquiry = db.prepare(`SELECT * FROM deliveries WHERE inquiry_id = ? ORDER BY channel, recipient`)
  const left = db.prepare(`SELECT subscribe_left FROM staff_alert_subscriptions WHERE staff_id = ?`)
  const add = db.prepare(
    `INSERT INTO staff_alert_subscriptions (staff_id, subscribe_left, updated_at) VALUES (@staffId, min(@count, @max), @at)
     ON CONFLICT (staff_id) DO UPDATE SET subscribe_left = min(subscribe_left + @count, @max), updated_at = @at
     RETURNING subscribe_left`,
  )
  const take = db.prepare(
    `UPDATE staff_alert_subscriptions SET subscribe_left = subscribe_left - 1, updated_at = ?
     WHERE staff_id = ? AND subscribe_left > 0`,
  )
  const clear = db.prepare(
    `UPDATE staff_alert_subscriptions SET subscribe_left = 0, updated_at = ? WHERE staff_id = ?`,
  )
  const between = db.prepare(
    `SELECT ${LEAD_COLUMNS} FROM inquiries WHERE created_at >= ? AND created_at < ? ORDER BY created_at LIMIT ?`,
  )
  const stale = db.prepare(
    `SELECT ${LEAD_COLUMNS} FROM inquiries WHERE stage = 'new' AND created_at < ? ORDER BY created_at LIMIT ?`,
  )
  // Open leads (the desk's pipeline, step 5) whose follow-up date is today or earlier.
  const followUps = db.prepare(
    `SELECT ${LEAD_COLUMNS} FROM inquiries
     WHERE next_follow_up IS NOT NULL AND next_follow_up <= ? AND stage IN ('new', 'contacted', 'visiting')
     ORDER BY next_follow_up, created_at LIMIT ?`,
  )

  return {
    async addDeliveries(records) {
      return addAll(records)
    },
    async claimDelivery(id, now, leaseUntil) {
      return claim.run(leaseUntil, id, now).changes === 1
    },
    async saveDelivery(record) {
      save.run(params(record))
    },
    async dueDeliveries(now, limit) {
      return (due.all(now, limit) as DeliveryRow[]).map(toRecord)
    },
    async deliveriesOf(inquiryId) {
      return (ofInquiry.all(inquiryId) as DeliveryRow[]).map(toRecord)
    },
    async subscriptionsLeft(staffId) {
      return (left.get(staffId) as { subscribe_left: number } | undefined)?.subscribe_left ?? 0
    },
    async addSubscriptions(staffId, count, at) {
      const row = add.get({ staffId, count, max: MAX_SUBSCRIPTIONS_KEPT, at }) as { subscribe_left: number }
      return row.subscribe_left
    },
    async takeSubscription(staffId, at) {
      return take.run(at, staffId).changes === 1
    },
    async clearSubscriptions(staffId, at) {
      clear.run(at, staffId)
    },
    async leadsBetween(from, to, limit) {
      return (between.all(from, to, limit) as LeadRow[]).map(toDigestLead)
    },
    async staleNewLeads(before, limit) {
      return (stale.all(before, limit) as LeadRow[]).map(toDigestLead)
    },
    async followUpsDue(day, limit) {
      return (followUps.all(day, limit) as LeadRow[]).map((row) => ({
        ...toDigestLead(row),
        followUpOn: row.next_follow_up ?? day,
      }))
    },
  }
}
