/**
 * @jest-environment node
 *
 * Lead alerts (issue 8 items 9 and 11): each new lead is announced through every configured
 * channel with its deliveries recorded before the first attempt and retried with back-off; a
 * failure never blocks or loses the lead; subscriptions are granted and used one per message;
 * the 09:00 digest and the timer trigger that runs it.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { AlertsStatus } from '@/domain/alerts'
import type { SubmitResult } from '@/domain/inquiry'
import type { StaffMember } from '@/domain/staff'
import { createCloudbaseAlertStore } from '../../cloudfunctions/api/src/adapters/cloudbase-deliveries'
import { createCloudbaseLeadStore } from '../../cloudfunctions/api/src/adapters/cloudbase-leads'
import {
  createCloudbaseStorage,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import type { SqliteAlertStore } from '../../cloudfunctions/api/src/adapters/sqlite/deliveries'
import {
  createWxSubscribeMessage,
  type WxSubscribeOpenApi,
} from '../../cloudfunctions/api/src/adapters/wx-subscribe-message'
import {
  createAnnouncer,
  RETRY_BACKOFF_MS,
  type AnnouncerDeps,
} from '../../cloudfunctions/api/src/core/announce'
import { DeliveryError } from '../../cloudfunctions/api/src/core/delivery-error'
import { formatDigest, yesterdayRange } from '../../cloudfunctions/api/src/core/digest'
import { MARKDOWN_MAX_BYTES } from '../../cloudfunctions/api/src/core/lead-notice'
import { createCloudMain, isTimerEvent } from '../../cloudfunctions/api/src/index'
import { dailyDigestJob } from '../../cloudfunctions/api/src/jobs/alerts'
import { nextDailyRun, startDailyScheduler } from '../../cloudfunctions/api/src/jobs/schedule'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import type { AuditEntry } from '../../cloudfunctions/api/src/ports/audit-log'
import type { DeliveryStore, RobotPort } from '../../cloudfunctions/api/src/ports/alerts'
import type { StaffStore } from '../../cloudfunctions/api/src/ports/staff-store'
import { createApi } from '../../cloudfunctions/api/src/router'
import * as double from '../doubles/wx-server-sdk'
import { agency, staffDirectory } from './fixtures'
import { clock, data, errorOf, inquiry, leadEnv, leadParks, PHONE, type LeadEnv } from './inquiry-fixtures'

const ROOT = path.resolve(__dirname, '../..')

function member(id: string, patch: Partial<StaffMember> = {}): StaffMember {
  return {
    id,
    openid: `o-${id}`,
    name: `员工${id}`,
    mobile: '13800000000',
    role: 'agent',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  }
}

/** Who is staff, for the announcer and the guard (seat management is not under test here). */
const staffOf = (members: StaffMember[]): StaffStore => staffDirectory(members)

/** A robot that records each message and fails as scripted (a queue of errors, then success). */
function robotDouble() {
  const messages: string[] = []
  const failures: Error[] = []
  const robot: RobotPort & { messages: string[]; failures: Error[] } = {
    messages,
    failures,
    async sendMarkdown(content) {
      const f = failures.shift()
      if (f) throw f
      messages.push(content)
    },
  }
  return robot
}

const settle = () => new Promise((r) => setImmediate(r))

describe('announcing a lead over SQLite (local runtime)', () => {
  let env: LeadEnv
  afterEach(() => env?.close())

  function wire(deps: Partial<AnnouncerDeps> = {}, members = [member('s1'), member('s2')]) {
    const later: Array<{ run: () => void; ms: number }> = []
    const c = clock('2026-05-01T02:00:00.000Z')
    const staff = staffOf(members)
    const robot = robotDouble()
    const subscribe = { templateId: 'tmpl-1', sent: [] as string[], fail: [] as Error[] }
    const announcerOf = (store: SqliteAlertStore) =>
      createAnnouncer({
        deliveries: store,
        subscriptions: store,
        staff,
        robot,
        subscribe: {
          templateId: 'tmpl-1',
          async sendLeadAlert(touser) {
            const f = subscribe.fail.shift()
            if (f) throw f
            subscribe.sent.push(touser)
          },
        },
        now: c.now,
        later: (run, ms) => later.push({ run, ms }),
        ...deps,
      })
    const ref: { announcer?: ReturnType<typeof createAnnouncer> } = {}
    env = leadEnv({
      now: c.now,
      staff,
      notifier: { notify: (n) => ref.announcer!.notify(n) },
    })
    const announcer = announcerOf(env.storage.alerts)
    ref.announcer = announcer
    return { c, later, robot, subscribe, store: env.storage.alerts, announcer, staff }
  }

  it('records and sends one robot message and one subscribe message per subscribed member', async () => {
    const w = wire()
    await w.store.addSubscriptions('s1', 2, '2026-05-01T00:00:00.000Z')
    const res = data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
    const ds = await w.store.deliveriesOf(res.inquiryId)
    expect(ds.map((d) => [d.channel, d.recipient, d.status, d.attempts])).toEqual([
      ['robot', '', 'sent', 1],
      ['subscribe', 's1', 'sent', 1],
    ])
    // s2 granted nothing: no message. s1 used one of two.
    expect(w.subscribe.sent).toEqual(['o-s1'])
    expect(await w.store.subscriptionsLeft('s1')).toBe(1)
    expect(await w.store.subscriptionsLeft('s2')).toBe(0)
    const md = w.robot.messages[0]
    for (const part of [
      '租厂房',
      '松江',
      '1000–3000 ㎡',
      '上海某某精密机械有限公司',
      '135****8515',
      'pst01',
      '松江G60智造园',
    ])
      expect(md).toContain(part)
    expect(md).not.toContain(PHONE)
    expect(ds[0].history[0]).toMatchObject({ ok: true })
  })

  it('retries a failed send with back-off on an injected clock: 1 s, then 1 min … until sent', async () => {
    const w = wire()
    w.robot.failures.push(new Error('socket hang up'), new DeliveryError('webhook: HTTP 502', true))
    const res = data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
    let [d] = await w.store.deliveriesOf(res.inquiryId)
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' })
    expect(d.nextAttemptAt).toBe('2026-05-01T02:00:01.000Z')
    expect(w.later.map((l) => l.ms)).toEqual([RETRY_BACKOFF_MS[0]])

    // Not due yet: nothing happens.
    expect(await w.announcer.retryDue()).toMatchObject({ due: 0 })
    w.c.advance(1000)
    w.later.shift()!.run()
    await settle()
    await settle()
    ;[d] = await w.store.deliveriesOf(res.inquiryId)
    expect(d).toMatchObject({ status: 'pending', attempts: 2 })
    expect(d.nextAttemptAt).toBe(
      new Date(Date.parse('2026-05-01T02:00:01.000Z') + RETRY_BACKOFF_MS[1]).toISOString(),
    )
    w.c.advance(RETRY_BACKOFF_MS[1])
    expect(await w.announcer.retryDue()).toMatchObject({ due: 1, sent: 1 })
    ;[d] = await w.store.deliveriesOf(res.inquiryId)
    expect(d).toMatchObject({ status: 'sent', attempts: 3 })
    expect(d.nextAttemptAt).toBeUndefined()
    expect(d.history.map((h) => h.ok)).toEqual([false, false, true])
    expect(w.robot.messages).toHaveLength(1)
  })

  it('gives up after the last back-off step, and at once on a permanent error', async () => {
    const w = wire({}, [])
    w.robot.failures.push(...Array.from({ length: 10 }, () => new Error('down')))
    const res = data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
    for (const wait of RETRY_BACKOFF_MS) {
      w.c.advance(wait)
      await w.announcer.retryDue()
    }
    const [d] = await w.store.deliveriesOf(res.inquiryId)
    expect(d).toMatchObject({ status: 'failed', attempts: RETRY_BACKOFF_MS.length + 1 })

    w.robot.failures.length = 0
    w.robot.failures.push(new DeliveryError('webhook: errcode 93000', false, 93000))
    const second = data<SubmitResult>(await env.call('inquiries.submit', inquiry({ phone: '13900001111' })))
    expect(await w.store.deliveriesOf(second.inquiryId)).toMatchObject([{ status: 'failed', attempts: 1 }])
  })

  it('two runners never attempt the same delivery (claiming is a compare-and-set)', async () => {
    const w = wire({}, [])
    w.robot.failures.push(new Error('down'))
    await env.call('inquiries.submit', inquiry())
    w.c.advance(1000)
    const [a, b] = await Promise.all([w.announcer.retryDue(), w.announcer.retryDue()])
    expect(a.sent + b.sent).toBe(1)
    expect(w.robot.messages).toHaveLength(1)
  })

  it('loses nothing when every channel fails, recording included: the lead is stored and answered', async () => {
    const broken: DeliveryStore = {
      addDeliveries: async () => {
        throw new Error('disk full')
      },
      claimDelivery: async () => false,
      saveDelivery: async () => {},
      dueDeliveries: async () => [],
      deliveriesOf: async () => [],
    }
    const w = wire()
    w.robot.failures.push(new Error('robot down'))
    w.subscribe.fail.push(new Error('openapi down'))
    await w.store.addSubscriptions('s1', 1, '2026-05-01T00:00:00.000Z')
    const res = data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
    expect(res.duplicate).toBe(false)
    // Every channel failed: both recorded as pending, to be retried.
    expect((await w.store.deliveriesOf(res.inquiryId)).map((d) => d.status)).toEqual(['pending', 'pending'])

    // A store that cannot even record, and a robot that is down: the submission still answers
    // and the lead is there.
    const bad = createAnnouncer({ deliveries: broken, robot: w.robot, now: w.c.now, logger: silentLogger })
    env.close()
    env = leadEnv({ notifier: bad })
    w.robot.failures.push(new Error('robot down again'))
    expect(data<SubmitResult>(await env.call('inquiries.submit', inquiry())).duplicate).toBe(false)
    expect(data<{ items: unknown[] }>(await env.call('inquiries.mine', {})).items).toHaveLength(1)
    expect(w.robot.messages).toEqual([])
    // With the robot back, an unrecordable delivery is still tried once.
    data<SubmitResult>(await env.call('inquiries.submit', inquiry({ phone: '13900002222' })))
    expect(w.robot.messages).toHaveLength(1)
  })

  it('a hanging channel does not hold the submission past the notifier bound', async () => {
    const w = wire({ attemptTimeoutMs: 60_000 }, [])
    w.robot.sendMarkdown = () => new Promise(() => {})
    env.close()
    const staff = staffOf([])
    const announcer = createAnnouncer({ deliveries: w.store, robot: w.robot, now: w.c.now })
    env = leadEnv({ notifier: announcer, notifyTimeoutMs: 100, staff })
    const t0 = Date.now()
    data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
    expect(Date.now() - t0).toBeLessThan(1000)
  })
})

describe('alerts.status and alerts.subscribed (staff only)', () => {
  it('counts grants, uses one per message, audits each grant, refuses visitors', async () => {
    const env = leadEnv()
    try {
      const audit: AuditEntry[] = []
      const staff = staffOf([member('s1')])
      const api = createApi({
        storage: env.storage,
        leads: env.storage,
        staff,
        audit: { record: async (e) => void audit.push(e) },
        alerts: { subscriptions: env.storage.alerts, robotConfigured: true, templateId: 'tmpl-1' },
        now: () => new Date('2026-05-01T02:00:00.000Z'),
      })
      const as = (openid: string) => (action: string, payload: unknown) =>
        api({ action, payload }, { openid, source: 'cloud' })
      expect(errorOf(await as('o-visitor')('alerts.status', {})).code).toBe('FORBIDDEN')
      expect(errorOf(await as('o-visitor')('alerts.subscribed', { accepted: 1 })).code).toBe('FORBIDDEN')
      const s1 = as('o-s1')
      expect(data<AlertsStatus>(await s1('alerts.status', {}))).toEqual({
        robot: { configured: true },
        subscribe: { configured: true, templateId: 'tmpl-1', left: 0 },
      })
      expect(data<AlertsStatus>(await s1('alerts.subscribed', { accepted: 1 })).subscribe.left).toBe(1)
      expect(data<AlertsStatus>(await s1('alerts.subscribed', { accepted: 2 })).subscribe.left).toBe(3)
      expect(errorOf(await s1('alerts.subscribed', { accepted: 6 })).code).toBe('VALIDATION')
      expect(errorOf(await s1('alerts.subscribed', { accepted: -1 })).code).toBe('VALIDATION')
      expect(audit).toEqual([
        expect.objectContaining({
          actorId: 's1',
          action: 'alerts.subscribed',
          targetType: 'channel',
          before: { subscribeLeft: 0 },
          after: { subscribeLeft: 1 },
        }),
        expect.objectContaining({ before: { subscribeLeft: 1 }, after: { subscribeLeft: 3 } }),
      ])
      expect(await env.storage.alerts.takeSubscription('s1', 'now')).toBe(true)
      expect(data<AlertsStatus>(await s1('alerts.status', {})).subscribe.left).toBe(2)
    } finally {
      env.close()
    }
  })
})

describe('announcing over the CloudBase double with subscribeMessage.send', () => {
  const db = () => double.database() as unknown as CloudDatabase
  beforeEach(() => {
    double.__reset()
    double.__seed('parks', leadParks.map(toCloudPark))
    double.__seed('settings', [{ _id: 'agency', ...agency }])
  })

  function cloudEnv(members: StaffMember[]) {
    const store = createCloudbaseAlertStore(db())
    const c = clock('2026-05-01T02:00:00.000Z')
    const robot = robotDouble()
    const announcer = createAnnouncer({
      deliveries: store,
      subscriptions: store,
      staff: staffOf(members),
      robot,
      subscribe: createWxSubscribeMessage(double.openapi as unknown as WxSubscribeOpenApi, {
        templateId: 'tmpl-1',
      }),
      now: c.now,
    })
    const api = createApi({
      storage: createCloudbaseStorage(db()),
      leads: createCloudbaseLeadStore(db()),
      notifier: announcer,
      now: c.now,
    })
    const submit = async () =>
      data<SubmitResult>(
        await api({ action: 'inquiries.submit', payload: inquiry() }, { openid: 'o-v', source: 'cloud' }),
      )
    return { store, c, robot, announcer, submit }
  }

  it('sends each subscriber a message within the field limits that opens the lead', async () => {
    const e = cloudEnv([member('s1'), member('s2'), member('s3', { active: false })])
    await e.store.addSubscriptions('s1', 1, 'x')
    await e.store.addSubscriptions('s3', 1, 'x')
    const res = await e.submit()
    expect(double.openapi.subscribeMessage.send).toHaveBeenCalledTimes(1)
    const params = double.openapi.subscribeMessage.send.mock.calls[0][0]
    expect(params).toMatchObject({
      touser: 'o-s1',
      templateId: 'tmpl-1',
      page: `packages/staff/lead/index?id=${res.inquiryId}`,
      data: {
        thing1: { value: '租厂房 · 松江' },
        thing2: { value: '上海某某精密机械有限公司' },
        phone_number3: { value: '135****8515' },
        time4: { value: '2026-05-01 10:00' },
      },
    })
    for (const v of Object.values(params.data)) expect(Array.from(v.value).length).toBeLessThanOrEqual(20)
    const ds = await e.store.deliveriesOf(res.inquiryId)
    expect(ds.map((d) => [d.channel, d.recipient, d.status])).toEqual([
      ['robot', '', 'sent'],
      ['subscribe', 's1', 'sent'],
    ])
    expect(await e.store.subscriptionsLeft('s1')).toBe(0)
    // An inactive member's grant is not used.
    expect(await e.store.subscriptionsLeft('s3')).toBe(1)
  })

  it('43101 (no subscription at WeChat): failed at once, never retried, the count reset to 0', async () => {
    const e = cloudEnv([member('s1')])
    await e.store.addSubscriptions('s1', 3, 'x')
    double.__setSubscribeSend(async () => {
      throw double.openapiError(43101, 'user refuse to accept the msg')
    })
    const res = await e.submit()
    const [, sub] = await e.store.deliveriesOf(res.inquiryId)
    expect(sub).toMatchObject({ channel: 'subscribe', status: 'failed', attempts: 1 })
    expect(sub.lastError).toContain('43101')
    expect(await e.store.subscriptionsLeft('s1')).toBe(0)
    e.c.advance(3_600_000)
    expect(await e.announcer.retryDue()).toMatchObject({ due: 0 })
  })

  it('47003 (bad field) fails at once; a busy system (-1) is retried after 1 s and then sent', async () => {
    const e = cloudEnv([member('s1')])
    await e.store.addSubscriptions('s1', 2, 'x')
    double.__setSubscribeSend(async () => ({ errCode: 47003, errMsg: 'argument invalid! data.thing2.value' }))
    const first = await e.submit()
    expect((await e.store.deliveriesOf(first.inquiryId))[1]).toMatchObject({ status: 'failed' })

    double.__setSubscribeSend(async () => {
      throw double.openapiError(-1, 'system error')
    })
    const second = await e.submit()
    expect((await e.store.deliveriesOf(second.inquiryId))[1]).toMatchObject({
      status: 'pending',
      nextAttemptAt: '2026-05-01T02:00:01.000Z',
    })
    double.__setSubscribeSend(async () => ({ errCode: 0 }))
    e.c.advance(1000)
    expect(await e.announcer.retryDue()).toMatchObject({ due: 1, sent: 1 })
    expect((await e.store.deliveriesOf(second.inquiryId))[1]).toMatchObject({ status: 'sent', attempts: 2 })
  })
})

describe('the 09:00 digest', () => {
  const NOW = new Date('2026-05-02T01:00:00.000Z') // 09:00 Beijing, 2 May

  it('takes yesterday as the Beijing calendar day', () => {
    expect(yesterdayRange(NOW)).toEqual({
      day: '2026-05-01',
      from: '2026-04-30T16:00:00.000Z',
      to: '2026-05-01T16:00:00.000Z',
    })
  })

  it("lists yesterday's leads and leads still new after 24 h, per agent, phones masked", async () => {
    const env = leadEnv()
    try {
      const at = (iso: string) => (
        env.clock.set(iso),
        env.call(
          'inquiries.submit',
          inquiry({ phone: `139${iso.slice(8, 10)}${iso.slice(11, 13)}0000` }),
          `o-${iso}`,
        )
      )
      await at('2026-04-29T03:00:00.000Z') // 3 days old, still new → stale
      await at('2026-04-30T17:00:00.000Z') // 1 May 01:00 Beijing → yesterday (and > 24 h: stale too)
      await at('2026-05-01T15:59:00.000Z') // 1 May 23:59 Beijing → yesterday, < 24 h
      await at('2026-05-01T16:00:00.000Z') // 2 May 00:00 Beijing → today, not listed
      const robot = robotDouble()
      const job = dailyDigestJob({
        source: env.storage.alerts,
        robot,
        staff: staffOf([member('s1')]),
        followUpsTracked: false,
      })
      const summary = await job.run(NOW)
      expect(summary).toMatchObject({ yesterday: 2, stale: 2, followUps: 0, sent: true })
      const md = robot.messages[0]
      expect(md).toContain('**每日线索简报** 2026-05-02')
      expect(md).toContain('昨日（05-01）新线索：**2** 条')
      expect(md).toContain('超过 24 小时仍是新线索：**2** 条')
      expect(md).toContain('待跟进（今日到期或已逾期）：尚未启用跟进日期')
      expect(md).toContain('**未分配**')
      expect(md).toContain('139****0000')
      expect(md).not.toMatch(/139\d{8}/)
    } finally {
      env.close()
    }
  })

  it("reads the desk's follow-up dates and assignees: due or overdue open leads only", async () => {
    const env = leadEnv()
    try {
      env.clock.set('2026-04-20T02:00:00.000Z')
      for (let i = 0; i < 4; i++) {
        expect((await env.call('inquiries.submit', inquiry({ phone: `1390000000${i}` }), `o-f${i}`)).ok).toBe(
          true,
        )
      }
      const side = new Database(env.storage.file)
      const ids = [0, 1, 2, 3].map(
        (i) =>
          (side.prepare('SELECT id FROM inquiries WHERE phone = ?').get(`1390000000${i}`) as { id: string })
            .id,
      )
      try {
        const set = side.prepare(
          'UPDATE inquiries SET next_follow_up = ?, stage = ?, assignee_id = ? WHERE id = ?',
        )
        set.run('2026-05-02', 'contacted', 's1', ids[0]) // due today
        set.run('2026-04-28', 'visiting', 's1', ids[1]) // overdue
        set.run('2026-05-03', 'contacted', 's1', ids[2]) // tomorrow: not yet
        set.run('2026-04-28', 'signed', 's1', ids[3]) // closed: nothing to follow up
      } finally {
        side.close()
      }
      const due = await env.storage.alerts.followUpsDue('2026-05-02', 10)
      expect(due.map((l) => [l.id, l.followUpOn, l.assigneeId])).toEqual([
        [ids[1], '2026-04-28', 's1'],
        [ids[0], '2026-05-02', 's1'],
      ])
      const robot = robotDouble()
      const job = dailyDigestJob({
        source: env.storage.alerts,
        robot,
        staff: staffOf([member('s1', { name: '张三' })]),
        followUpsTracked: true,
      })
      expect(await job.run(NOW)).toMatchObject({ followUps: 2, sent: true })
      expect(robot.messages[0]).toContain('待跟进（今日到期或已逾期）：**2** 条')
      expect(robot.messages[0]).toContain('**张三**')
    } finally {
      env.close()
    }
  })

  it('groups by assignee once leads have one, lists follow-ups due, stays within 4,096 bytes', () => {
    const lead = (i: number, assigneeId?: string) => ({
      id: `l${i}`,
      needType: 'buy-land' as const,
      status: 'new' as const,
      company: `公司${i}`.repeat(8),
      maskedPhone: '135****0000',
      createdAt: '2026-05-01T02:00:00.000Z',
      assigneeId,
    })
    const md = formatDigest({
      now: NOW,
      yesterday: Array.from({ length: 150 }, (_, i) => lead(i, i % 2 ? 's1' : undefined)),
      stale: [lead(900, 's2')],
      followUps: [{ ...lead(901, 's1'), followUpOn: '2026-05-01' }],
      staff: [member('s1', { name: '张三' }), member('s2', { name: '李四' })],
    })!
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES)
    expect(md).toContain('待跟进（今日到期或已逾期）：**1** 条')
    expect(md.indexOf('**张三**')).toBeLessThan(md.indexOf('**李四**'))
    expect(md.indexOf('**李四**')).toBeLessThan(md.indexOf('**未分配**'))
    expect(md).toContain('跟进日 2026-05-01')
    expect(md).toContain('……另有 70 条')
    expect(formatDigest({ now: NOW, yesterday: [], stale: [], followUps: [], staff: [] })).toBeNull()
  })
})

describe('scheduled work', () => {
  it('config.json has the one daily timer at 09:00 and declares subscribeMessage.send', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions/api/config.json'), 'utf8'))
    expect(config.triggers).toEqual([{ name: 'daily', type: 'timer', config: '0 0 9 * * * *' }])
    expect(config.permissions.openapi).toEqual(
      expect.arrayContaining(['subscribeMessage.send', 'security.msgSecCheck']),
    )
  })

  it('the next run is the next 09:00 Beijing time', () => {
    expect(nextDailyRun(new Date('2026-05-02T00:59:59.000Z')).toISOString()).toBe('2026-05-02T01:00:00.000Z')
    expect(nextDailyRun(new Date('2026-05-02T01:00:00.000Z')).toISOString()).toBe('2026-05-03T01:00:00.000Z')
    expect(nextDailyRun(new Date('2026-05-02T20:00:00.000Z')).toISOString()).toBe('2026-05-03T01:00:00.000Z')
  })

  it('the local scheduler runs at each 09:00 on an injected clock and stops', async () => {
    let t = Date.parse('2026-05-01T12:00:00.000Z')
    const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = []
    const runs: string[] = []
    const stop = startDailyScheduler({
      now: () => new Date(t),
      run: async (now) => void runs.push(now.toISOString()),
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cancelled: false }
        timers.push(timer)
        return { cancel: () => void (timer.cancelled = true) }
      },
    })
    expect(timers[0].ms).toBe(13 * 3600_000)
    t += timers[0].ms
    timers[0].fn()
    await settle()
    await settle()
    expect(runs).toEqual(['2026-05-02T01:00:00.000Z'])
    expect(timers[1].ms).toBe(24 * 3600_000)
    stop()
    expect(timers[1].cancelled).toBe(true)
  })

  it('a timer event runs the jobs; the same shape from a caller with an OPENID does not', async () => {
    double.__reset()
    double.__seed('inquiries', [])
    const robot: string[] = []
    const main = createCloudMain({
      loadSdk: () => double as never,
      env: {},
      logger: silentLogger,
      now: () => NOW_TIMER,
    })
    const event = { Type: 'Timer', TriggerName: 'daily', Time: '2026-05-02T01:00:00Z' }
    double.__setOpenid('')
    const res = await main(event, {})
    expect(res.ok).toBe(true)
    const report = (res as { data: { jobs: Array<{ name: string; ok: boolean; summary: any }> } }).data
    // The one trigger runs every scheduled job: alerts first, then the retention purge.
    expect(report.jobs.map((j) => [j.name, j.ok])).toEqual([
      ['retry-deliveries', true],
      ['daily-digest', true],
      ['retention', true],
    ])
    expect(report.jobs[1].summary).toMatchObject({ sent: false })
    expect(robot).toEqual([])

    double.__setOpenid('o-someone')
    const spoofed = await main(event, {})
    expect(spoofed.ok).toBe(false)
    expect(isTimerEvent(event, 'o-someone')).toBe(false)
    expect(isTimerEvent({ action: 'home.get' }, '')).toBe(false)
  })
})

const NOW_TIMER = new Date('2026-05-02T01:00:00.000Z')
