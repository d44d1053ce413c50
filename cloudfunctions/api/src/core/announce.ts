import type { AlertChannel } from '@/domain/alerts'
import type { StaffMember } from '@/domain/staff'
import type {
  DeliveryRecord,
  DeliveryStore,
  RobotPort,
  SubscribeMessagePort,
  SubscriptionStore,
} from '../ports/alerts'
import type { LeadNotice, NotifierPort } from '../ports/notifier'
import type { StaffStore } from '../ports/staff-store'
import { DeliveryError, isRetryable } from './delivery-error'
import { formatNoticeMarkdown } from './lead-notice'

/*
 * Announcing a new lead through every configured channel (issue 8 item 9). The deliveries are
 * recorded before the first attempt, in the same call that stored the lead, so a send that fails,
 * hangs or is cut off by the cloud freezing the function after it answered is never lost: it
 * stays 'pending' and a later runner (a local timer, the next lead's announcement, the scheduled
 * job) retries it with back-off. The lead itself is already stored; the inbox is the truth.
 */

/** The slice of the logger this needs (core stays below the logger module: the entries pass theirs). */
export interface AnnounceLogger {
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}
const quiet: AnnounceLogger = { warn: () => {}, error: () => {} }

/** Wait before attempt n + 1 after attempt n failed (n = 1 …): 1 s, 1 min, 10 min, 1 h, 6 h. */
export const RETRY_BACKOFF_MS: readonly number[] = [1_000, 60_000, 600_000, 3_600_000, 21_600_000]
/** A delivery being attempted is left alone by other runners this long (then it is due again). */
export const LEASE_MS = 60_000
/** One attempt's bound (the robot adapter has its own, shorter one). */
export const ATTEMPT_TIMEOUT_MS = 5_000
/** Deliveries one retry run takes on. */
export const RETRY_BATCH = 20
/** At most this many attempts are kept on a delivery. */
const HISTORY_KEPT = 10

export interface AnnouncerDeps {
  deliveries: DeliveryStore
  /** The group robot (LEADS_WEBHOOK_URL); absent: not configured. */
  robot?: RobotPort
  /** Subscribe messages (LEAD_TEMPLATE_ID, cloud only); needs staff and subscriptions too. */
  subscribe?: SubscribeMessagePort
  subscriptions?: SubscriptionStore
  staff?: StaffStore
  now?: () => Date
  logger?: AnnounceLogger
  /**
   * Schedules a retry run `ms` from now. Local runtime: an unref'd setTimeout. Cloud: absent
   * (the function may freeze once it answered), leftovers wait for a later runner.
   */
  later?: (run: () => void, ms: number) => void
  backoffMs?: readonly number[]
  attemptTimeoutMs?: number
}

export interface RetrySummary {
  due: number
  sent: number
  failed: number
  pending: number
}

export interface Announcer extends NotifierPort {
  /** Records the lead's deliveries, then makes each first attempt; never rejects. */
  notify(notice: LeadNotice): Promise<void>
  /** Attempts the deliveries that are due (pending, nextAttemptAt ≤ now); never rejects. */
  retryDue(limit?: number): Promise<RetrySummary>
  /** The channels configured, for alerts.status. */
  readonly channels: { robot: boolean; subscribe: boolean }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    timer.unref?.()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const deliveryId = (inquiryId: string, channel: AlertChannel, recipient: string) =>
  `${inquiryId}:${channel}:${recipient}`

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300)

export function createAnnouncer(deps: AnnouncerDeps): Announcer {
  const logger = deps.logger ?? quiet
  const now = deps.now ?? (() => new Date())
  const backoff = deps.backoffMs ?? RETRY_BACKOFF_MS
  const maxAttempts = backoff.length + 1
  const attemptMs = deps.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS
  const subscribeReady = Boolean(deps.subscribe && deps.subscriptions && deps.staff)
  let retryScheduledFor = Number.POSITIVE_INFINITY

  /** Asks `later` for one retry run at `at` (ms), unless one is already due by then. */
  function scheduleRetry(at: number): void {
    if (!deps.later || at >= retryScheduledFor) return
    retryScheduledFor = at
    deps.later(
      () => {
        retryScheduledFor = Number.POSITIVE_INFINITY
        void announcer.retryDue()
      },
      Math.max(0, at - now().getTime()),
    )
  }

  async function activeStaff(): Promise<Map<string, StaffMember>> {
    const members = deps.staff ? await deps.staff.listStaff() : []
    return new Map(members.filter((m) => m.active).map((m) => [m.id, m]))
  }

  async function send(record: DeliveryRecord, staff: () => Promise<Map<string, StaffMember>>) {
    if (record.channel === 'robot') {
      if (!deps.robot) throw new DeliveryError('robot no longer configured', false)
      return deps.robot.sendMarkdown(formatNoticeMarkdown(record.notice))
    }
    if (!deps.subscribe) throw new DeliveryError('subscribe messages no longer configured', false)
    const member = (await staff()).get(record.recipient)
    // A member deactivated since the lead arrived hears nothing more about it.
    if (!member) throw new DeliveryError('recipient is no longer active staff', false)
    return deps.subscribe.sendLeadAlert(member.openid, record.notice)
  }

  /** One attempt on a delivery this runner holds; saves the outcome. Never rejects. */
  async function attempt(
    record: DeliveryRecord,
    staff: () => Promise<Map<string, StaffMember>>,
  ): Promise<DeliveryRecord['status']> {
    const started = now()
    const t0 = Date.now()
    let error: unknown
    try {
      await within(send(record, staff), attemptMs)
    } catch (err) {
      error = err
    }
    const at = now()
    const attempts = record.attempts + 1
    const next: DeliveryRecord = {
      ...record,
      attempts,
      updatedAt: at.toISOString(),
      history: [
        ...record.history,
        {
          at: started.toISOString(),
          ok: !error,
          ms: Date.now() - t0,
          ...(error ? { error: message(error) } : {}),
        },
      ].slice(-HISTORY_KEPT),
    }
    if (!error) {
      next.status = 'sent'
      delete next.nextAttemptAt
      delete next.lastError
    } else {
      next.lastError = message(error)
      const again = isRetryable(error) && attempts < maxAttempts
      if (again) {
        next.status = 'pending'
        next.nextAttemptAt = new Date(at.getTime() + backoff[attempts - 1]).toISOString()
      } else {
        next.status = 'failed'
        delete next.nextAttemptAt
      }
      // 43101: WeChat holds no subscription of this member's, whatever we counted.
      if (error instanceof DeliveryError && error.code === 43101 && deps.subscriptions) {
        await deps.subscriptions.clearSubscriptions(record.recipient, at.toISOString()).catch((err) => {
          logger.warn('subscriptions not cleared', { staffId: record.recipient, err })
        })
      }
      logger.warn('lead alert attempt failed', {
        inquiryId: record.inquiryId,
        channel: record.channel,
        recipient: record.recipient || undefined,
        attempts,
        retry: again ? next.nextAttemptAt : false,
        error: next.lastError,
      })
    }
    try {
      await deps.deliveries.saveDelivery(next)
    } catch (err) {
      // The lease runs out and the delivery is due again: at worst one message twice.
      logger.error('delivery outcome not saved', { id: record.id, err })
    }
    if (next.status === 'pending' && next.nextAttemptAt) scheduleRetry(Date.parse(next.nextAttemptAt))
    return next.status
  }

  /** One loader per run: the staff list is read at most once, and only when needed. */
  function staffLoader() {
    let loaded: Promise<Map<string, StaffMember>> | undefined
    return () => (loaded ??= activeStaff())
  }

  /** Members who get this lead's subscribe message, each with one subscription taken. */
  async function subscribeRecipients(at: string): Promise<StaffMember[]> {
    if (!subscribeReady) return []
    const members = [...(await activeStaff()).values()]
    const taken = await Promise.all(
      members.map((m) =>
        deps.subscriptions!.takeSubscription(m.id, at).catch((err) => {
          logger.warn('subscription not taken', { staffId: m.id, err })
          return false
        }),
      ),
    )
    return members.filter((_, i) => taken[i])
  }

  const announcer: Announcer = {
    channels: { robot: Boolean(deps.robot), subscribe: subscribeReady },

    async notify(notice) {
      try {
        const at = now()
        const iso = at.toISOString()
        // Stored already leased to this call, so no other runner attempts it meanwhile.
        const lease = new Date(at.getTime() + LEASE_MS).toISOString()
        const base = { inquiryId: notice.inquiryId, status: 'pending' as const, attempts: 0, history: [] }
        const records: DeliveryRecord[] = []
        if (deps.robot) {
          records.push({
            ...base,
            id: deliveryId(notice.inquiryId, 'robot', ''),
            channel: 'robot',
            recipient: '',
            nextAttemptAt: lease,
            notice,
            createdAt: iso,
            updatedAt: iso,
          })
        }
        for (const m of await subscribeRecipients(iso)) {
          records.push({
            ...base,
            id: deliveryId(notice.inquiryId, 'subscribe', m.id),
            channel: 'subscribe',
            recipient: m.id,
            nextAttemptAt: lease,
            notice,
            createdAt: iso,
            updatedAt: iso,
          })
        }
        if (records.length === 0) return
        let stored: DeliveryRecord[]
        try {
          stored = await deps.deliveries.addDeliveries(records)
        } catch (err) {
          // Cannot record: still try each channel once, unrecorded (no retry is possible then).
          logger.error('deliveries not recorded; attempting once', { inquiryId: notice.inquiryId, err })
          stored = records
        }
        const staff = staffLoader()
        await Promise.all(stored.map((r) => attempt(r, staff)))
      } catch (err) {
        logger.error('lead announcement failed', { inquiryId: notice.inquiryId, err })
      }
    },

    async retryDue(limit = RETRY_BATCH) {
      const summary: RetrySummary = { due: 0, sent: 0, failed: 0, pending: 0 }
      try {
        const at = now()
        const due = await deps.deliveries.dueDeliveries(at.toISOString(), limit)
        summary.due = due.length
        const lease = new Date(at.getTime() + LEASE_MS).toISOString()
        const staff = staffLoader()
        const outcomes = await Promise.all(
          due.map(async (r) => {
            if (!(await deps.deliveries.claimDelivery(r.id, at.toISOString(), lease))) return 'taken' as const
            return attempt({ ...r, nextAttemptAt: lease }, staff)
          }),
        )
        for (const o of outcomes) if (o !== 'taken') summary[o === 'sent' ? 'sent' : o]++
      } catch (err) {
        logger.error('delivery retry run failed', { err })
      }
      return summary
    },
  }
  return announcer
}
