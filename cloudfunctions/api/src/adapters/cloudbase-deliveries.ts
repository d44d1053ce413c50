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
} from '../ports/alerts'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudDatabase, CloudDoc } from './cloudbase-storage'
import { OPEN_STAGES } from '@/domain/lead-pipeline'

/**
 * Lead alerts on CloudBase: `deliveries` (`_id` = the delivery id, so recording a lead twice
 * stores it once), `staff_alerts` (`_id` = StaffMember.id, `subscribeLeft`), and the digest's
 * reads of `inquiries`. Counts change only through `_.inc` with a condition, so two calls at
 * once never lose a subscription.
 */
export type CloudbaseAlertStore = DeliveryStore & SubscriptionStore & DigestSource

const MAX_LIMIT = 100

function toDoc(r: DeliveryRecord): CloudDoc {
  return {
    _id: r.id,
    inquiryId: r.inquiryId,
    channel: r.channel,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    // null, not absent: the due query's range never matches null (sent / failed ones).
    nextAttemptAt: r.nextAttemptAt ?? null,
    lastError: r.lastError ?? null,
    history: r.history,
    notice: r.notice,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

function toRecord(doc: CloudDoc): DeliveryRecord {
  const r: DeliveryRecord = {
    id: doc._id,
    inquiryId: String(doc.inquiryId),
    channel: doc.channel as AlertChannel,
    recipient: String(doc.recipient ?? ''),
    status: doc.status as DeliveryStatus,
    attempts: typeof doc.attempts === 'number' ? doc.attempts : 0,
    history: Array.isArray(doc.history) ? (doc.history as DeliveryRecord['history']) : [],
    notice: doc.notice as DeliveryRecord['notice'],
    createdAt: String(doc.createdAt),
    updatedAt: String(doc.updatedAt),
  }
  if (typeof doc.nextAttemptAt === 'string') r.nextAttemptAt = doc.nextAttemptAt
  if (typeof doc.lastError === 'string') r.lastError = doc.lastError
  return r
}

const LEAD_FIELDS = {
  _id: true,
  needType: true,
  status: true,
  company: true,
  phone: true,
  createdAt: true,
  assigneeId: true,
  nextFollowUp: true,
}

const toDigestLead = (doc: CloudDoc): DigestLead => ({
  id: doc._id,
  needType: doc.needType as NeedType,
  status: doc.status as InquiryStatus,
  company: String(doc.company ?? ''),
  maskedPhone: maskPhone(String(doc.phone ?? '')),
  createdAt: String(doc.createdAt),
  ...(typeof doc.assigneeId === 'string' && doc.assigneeId ? { assigneeId: doc.assigneeId } : {}),
})

const clamp = (n: number) => Math.max(1, Math.min(n, MAX_LIMIT))

export function createCloudbaseAlertStore(db: CloudDatabase): CloudbaseAlertStore {
  const _ = db.command
  const deliveries = () => db.collection(COLLECTIONS.deliveries)
  const subs = () => db.collection(COLLECTIONS.staffAlerts)
  const inquiries = () => db.collection(COLLECTIONS.inquiries)

  async function left(staffId: string): Promise<number> {
    const res = await subs().where({ _id: staffId }).limit(1).get()
    const n = res.data[0]?.subscribeLeft
    return typeof n === 'number' ? n : 0
  }

  return {
    async addDeliveries(records) {
      const stored: DeliveryRecord[] = []
      for (const r of records) {
        try {
          await deliveries().add({ data: toDoc(r) })
          stored.push(r)
        } catch (err) {
          // A taken _id: this lead's delivery is recorded already. Anything else is a fault.
          const taken = await deliveries().where({ _id: r.id }).limit(1).get()
          if (taken.data.length === 0) throw err
        }
      }
      return stored
    },

    async claimDelivery(id, now, leaseUntil) {
      const res = await deliveries()
        .where({ _id: id, status: 'pending', nextAttemptAt: _.lte(now) })
        .update({ data: { nextAttemptAt: leaseUntil } })
      return res.stats.updated === 1
    },

    async saveDelivery(record) {
      const { _id, ...data } = toDoc(record)
      await deliveries().doc(_id).update({ data })
    },

    async dueDeliveries(now, limit) {
      const res = await deliveries()
        .where({ status: 'pending', nextAttemptAt: _.lte(now) })
        .orderBy('nextAttemptAt', 'asc')
        .limit(clamp(limit))
        .get()
      return res.data.map(toRecord)
    },

    async deliveriesOf(inquiryId) {
      const res = await deliveries().where({ inquiryId }).limit(MAX_LIMIT).get()
      return res.data.map(toRecord).sort((a, b) => a.id.localeCompare(b.id))
    },

    subscriptionsLeft: left,

    async addSubscriptions(staffId, count, at) {
      if (count > 0) {
        const res = await subs()
          .doc(staffId)
          .update({ data: { subscribeLeft: _.inc(count), updatedAt: at } })
        if (res.stats.updated === 0) {
          try {
            await subs().add({
              data: { _id: staffId, subscribeLeft: Math.min(count, MAX_SUBSCRIPTIONS_KEPT), updatedAt: at },
            })
          } catch {
            // Added meanwhile by a concurrent call: add to it.
            await subs()
              .doc(staffId)
              .update({ data: { subscribeLeft: _.inc(count), updatedAt: at } })
          }
        }
        await subs()
          .where({ _id: staffId, subscribeLeft: _.gt(MAX_SUBSCRIPTIONS_KEPT) })
          .update({ data: { subscribeLeft: MAX_SUBSCRIPTIONS_KEPT } })
      }
      return left(staffId)
    },

    async takeSubscription(staffId, at) {
      const res = await subs()
        .where({ _id: staffId, subscribeLeft: _.gt(0) })
        .update({ data: { subscribeLeft: _.inc(-1), updatedAt: at } })
      return res.stats.updated === 1
    },

    async clearSubscriptions(staffId, at) {
      await subs()
        .where({ _id: staffId })
        .update({ data: { subscribeLeft: 0, updatedAt: at } })
    },

    async leadsBetween(from, to, limit) {
      const res = await inquiries()
        .where(_.and([{ createdAt: _.gte(from) }, { createdAt: _.lt(to) }]))
        .orderBy('createdAt', 'asc')
        .field(LEAD_FIELDS)
        .limit(clamp(limit))
        .get()
      return res.data.map(toDigestLead)
    },

    async staleNewLeads(before, limit) {
      const res = await inquiries()
        .where({ status: 'new', createdAt: _.lt(before) })
        .orderBy('createdAt', 'asc')
        .field(LEAD_FIELDS)
        .limit(clamp(limit))
        .get()
      return res.data.map(toDigestLead)
    },

    // Open leads whose follow-up date (the desk's, Beijing YYYY-MM-DD) is today or earlier.
    async followUpsDue(day, limit) {
      const res = await inquiries()
        .where({ nextFollowUp: _.lte(day), stage: _.in([...OPEN_STAGES]) })
        .orderBy('nextFollowUp', 'asc')
        .field(LEAD_FIELDS)
        .limit(clamp(limit))
        .get()
      return res.data.map((doc) => ({ ...toDigestLead(doc), followUpOn: String(doc.nextFollowUp ?? day) }))
    },
  }
}
