/**
 * The lead desk (issue 8 items 5–8) through the real router, over SQLite and over the CloudBase
 * double: the inbox, a lead in full, the pipeline with its version check, notes, response time,
 * and the audit of every write (phones masked).
 */
import type { LeadDetail, LeadFull, LeadNote, LeadPage, ResponseStats } from '@/domain/lead-desk'
import { setupCloudbase } from '../../cloudfunctions/api/src/adapters/cloudbase-setup'
import type { CloudDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { STATUS_BY_CODE } from '../../server/app'
import * as double from '../doubles/wx-server-sdk'
import { deskEnv, type Backend, type DeskEnv } from './desk-fixtures'
import { data, HOUR, MINUTE, PHONE } from './inquiry-fixtures'

const BACKENDS: Backend[] = ['sqlite', 'cloudbase']

describe.each(BACKENDS)('lead desk over %s', (backend) => {
  let env: DeskEnv
  beforeEach(() => {
    env = deskEnv(backend)
  })
  afterEach(() => env.close())

  const list = async (payload: object = {}, who?: string) =>
    data<LeadPage>(await env.staff('leads.list', payload, who))
  const get = async (id: string, who?: string) => data<LeadDetail>(await env.staff('leads.get', { id }, who))
  const update = (payload: object, who?: string) => env.staff('leads.update', payload, who)

  /** Three visitors, one lead a minute: a (oldest) … c (newest). */
  async function three() {
    const a = await env.submit('o-v1', { contactName: '赵先生', company: '甲精密机械', phone: '13511112222' })
    env.clock.advance(MINUTE)
    const b = await env.submit('o-v2', {
      contactName: '钱女士',
      company: '乙新材料',
      phone: '13633334444',
      context: { source: 'qr02', parkId: 'p013' },
    })
    env.clock.advance(MINUTE)
    const c = await env.submit('o-v3', { contactName: '孙先生', company: '丙电子', phone: PHONE })
    return { a, b, c }
  }

  it('refuses visitors and deactivated staff (FORBIDDEN)', async () => {
    for (const openid of ['o-v1', 'o-s-gone']) {
      const res = await env.visitor('leads.list', {}, openid)
      expect(!res.ok && res.error.code).toBe('FORBIDDEN')
    }
  })

  it('lists newest first with full phones, keyset pages without gaps, counts per status', async () => {
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      ids.unshift(await env.submit(`o-p${i}`, { phone: `1390000000${i}` }))
      env.clock.advance(i % 2 ? MINUTE : 0) // ties on createdAt too: the id breaks them
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: LeadPage = await list({ limit: 3, cursor })
      if (pages === 0) {
        expect(page.counts).toEqual({ new: 7, contacted: 0, visiting: 0, signed: 0, invalid: 0 })
        expect(page.items[0].phone).toMatch(/^1390000000\d$/)
      } else expect(page.counts).toBeUndefined()
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(7)
    const created = await Promise.all(seen.map(async (id) => (await get(id)).lead.createdAt))
    expect([...created].sort().reverse()).toEqual(created)
  })

  it('filters by status, source, park, assignee, date range; searches name, company, phone tail', async () => {
    const { a, b, c } = await three()
    const ok = await update({ id: b, version: 1, stage: 'contacted', assigneeId: 's-agent2' })
    expect(ok.ok).toBe(true)
    const ids = async (payload: object) => (await list(payload)).items.map((i) => i.id)
    expect(await ids({})).toEqual([c, b, a])
    expect(await ids({ stage: 'contacted' })).toEqual([b])
    expect(await ids({ stage: 'new' })).toEqual([c, a])
    expect(await ids({ source: 'qr02' })).toEqual([b])
    expect(await ids({ parkId: 'p013' })).toEqual([b])
    expect(await ids({ assigneeId: 's-agent2' })).toEqual([b])
    expect(await ids({ assigneeId: 'none' })).toEqual([c, a])
    expect(await ids({ q: '钱' })).toEqual([b])
    expect(await ids({ q: '甲精密' })).toEqual([a])
    expect(await ids({ q: PHONE.slice(-4) })).toEqual([c])
    expect(await ids({ q: '9999' })).toEqual([])
    // The clock starts 2026-05-01 10:00 Beijing; every lead is on that Beijing day.
    expect(await ids({ from: '2026-05-01', to: '2026-05-01' })).toEqual([c, b, a])
    expect(await ids({ from: '2026-05-02' })).toEqual([])
    expect(await ids({ to: '2026-04-30' })).toEqual([])
    // Counts follow the filters but not the status tab.
    expect((await list({ stage: 'new', source: 'qr02' })).counts).toMatchObject({ new: 0, contacted: 1 })
  })

  it('marks leads unread per member of staff until each opens them', async () => {
    const { a, b } = await three()
    expect((await list()).items.every((i) => i.unread)).toBe(true)
    await get(a)
    const mine = await list()
    expect(mine.items.find((i) => i.id === a)!.unread).toBe(false)
    expect(mine.items.find((i) => i.id === b)!.unread).toBe(true)
    // Another member of staff has still opened nothing.
    expect((await list({}, 's-owner')).items.every((i) => i.unread)).toBe(true)
  })

  it('shows a lead in full: phone, attribution, the visitor’s other inquiries and taps, repeat leads', async () => {
    const first = await env.submit('o-v1', { contactName: '赵先生' })
    env.clock.advance(HOUR)
    await env.visitor(
      'events.record',
      {
        events: [
          {
            kind: 'call',
            page: '/packages/park/detail/index',
            parkId: 'p012',
            at: env.clock.now().toISOString(),
          },
          { kind: 'open-inquiry', page: '/packages/article/detail/index', at: env.clock.now().toISOString() },
        ],
      },
      'o-v1',
    )
    const second = await env.submit('o-v1', {
      contactName: '赵先生',
      context: { source: 'pst01', parkId: 'p012', articleId: 'a001' },
    })
    const repeat = await env.submit('o-other', { contactName: '赵总' })
    const detail = await get(second)
    expect(detail.lead).toMatchObject({
      id: second,
      phone: PHONE,
      source: 'pst01',
      parkId: 'p012',
      parkName: '松江G60智造园',
      articleId: 'a001',
      entryPage: '/packages/article/detail/index',
      stage: 'new',
      version: 1,
      remark: expect.any(String),
    })
    expect(detail.otherInquiries.map((r) => r.id)).toEqual([first])
    expect(detail.contactTaps.map((t) => t.kind).sort()).toEqual(['call', 'open-inquiry'])
    expect(detail.contactTaps).toContainEqual(
      expect.objectContaining({ kind: 'call', page: '/packages/park/detail/index', parkId: 'p012' }),
    )
    expect(detail.repeats.map((r) => r.id)).toEqual([repeat])
    expect(detail.staff.map((s) => s.id)).toEqual(['s-owner', 's-agent', 's-agent2'])
    const missing = await env.staff('leads.get', { id: 'nope' })
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND')
  })

  it('keeps the review flag visible as 新线索', async () => {
    const id = await env.submit('o-v1', { remark: 'review-demo 请审核' })
    const row = (await list()).items[0]
    expect(row).toMatchObject({ id, stage: 'new', status: 'review' })
  })

  it('walks the pipeline, stores the first contact, syncs 我的咨询 and audits before → after', async () => {
    const id = await env.submit('o-v1')
    env.clock.advance(25 * MINUTE)
    const contacted = data<LeadFull>(await update({ id, version: 1, stage: 'contacted' }))
    expect(contacted).toMatchObject({
      stage: 'contacted',
      status: 'contacted',
      version: 2,
      responseMinutes: 25,
      firstContactedById: 's-agent',
      firstContactedByName: '李顾问',
    })
    const mine = data<{ items: Array<{ status: string }> }>(await env.visitor('inquiries.mine', {}, 'o-v1'))
    expect(mine.items[0].status).toBe('contacted')
    expect(env.audit.entries).toEqual([
      {
        actorId: 's-agent',
        action: 'leads.update',
        targetType: 'lead',
        targetId: id,
        before: { stage: 'new', status: 'new', firstContactedAt: null, version: 1 },
        after: {
          stage: 'contacted',
          status: 'contacted',
          firstContactedAt: contacted.firstContactedAt,
          version: 2,
        },
        at: env.clock.now().toISOString(),
      },
    ])
    // Skipping a stage, or leaving 已签约, is refused and changes nothing.
    const skip = await update({ id, version: 2, stage: 'signed' })
    expect(!skip.ok && skip.error).toMatchObject({
      code: 'VALIDATION',
      fields: { stage: expect.any(String) },
    })
    // 无效 needs a reason; reopening clears it; the first-contact time stays the first.
    const noReason = await update({ id, version: 2, stage: 'invalid' })
    expect(!noReason.ok && noReason.error.fields).toHaveProperty('invalidReason')
    const invalid = data<LeadFull>(
      await update({ id, version: 2, stage: 'invalid', invalidReason: '空号/打不通' }),
    )
    expect(invalid).toMatchObject({ stage: 'invalid', invalidReason: '空号/打不通', version: 3 })
    env.clock.advance(HOUR)
    const reopened = data<LeadFull>(await update({ id, version: 3, stage: 'new' }))
    expect(reopened.invalidReason).toBeUndefined()
    const again = data<LeadFull>(await update({ id, version: 4, stage: 'contacted' }))
    expect(again.firstContactedAt).toBe(contacted.firstContactedAt)
    expect(env.audit.entries).toHaveLength(4)
  })

  it('sets assignee and next follow-up; due and overdue follow-ups come first', async () => {
    const { a, b, c } = await three()
    expect(
      data<LeadFull>(await update({ id: a, version: 1, assigneeId: 's-owner', nextFollowUp: '2026-04-28' })),
    ).toMatchObject({ assigneeId: 's-owner', assigneeName: '张经理', nextFollowUp: '2026-04-28' })
    await update({ id: b, version: 1, nextFollowUp: '2026-05-01' })
    await update({ id: c, version: 1, nextFollowUp: '2026-05-02' })
    const page = await list()
    expect(page.today).toBe('2026-05-01')
    expect(page.due!.map((i) => i.id)).toEqual([a, b])
    // Closed leads drop out; clearing the date too.
    await update({ id: b, version: 2, nextFollowUp: null })
    await update({ id: a, version: 2, stage: 'invalid', invalidReason: '重复咨询' })
    expect((await list()).due).toEqual([])
    const gone = await update({ id: c, version: 2, assigneeId: 's-gone' })
    expect(!gone.ok && gone.error.fields).toHaveProperty('assigneeId')
    const unassign = data<LeadFull>(await update({ id: a, version: 3, assigneeId: null }))
    expect(unassign.assigneeId).toBeUndefined()
  })

  it('two staff saving from the same read: the second gets CONFLICT (409) and overwrites nothing', async () => {
    const id = await env.submit('o-v1')
    const [x, y] = await Promise.all([
      update({ id, version: 1, stage: 'contacted' }, 's-agent'),
      update({ id, version: 1, stage: 'invalid', invalidReason: '需求不符' }, 's-owner'),
    ])
    const results = [x, y]
    const won = results.filter((r) => r.ok)
    const lost = results.filter((r) => !r.ok)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(!lost[0].ok && lost[0].error).toEqual({ code: 'CONFLICT', message: '已被他人更新，请刷新后再试' })
    expect(STATUS_BY_CODE.CONFLICT).toBe(409)
    const stored = (await get(id)).lead
    expect(stored.version).toBe(2)
    expect(stored.stage).toBe((won[0] as { data: LeadFull }).data.stage)
    expect(env.audit.entries).toHaveLength(1)
    // A plain stale version (read long ago) too.
    const stale = await update({ id, version: 1, nextFollowUp: '2026-06-01' })
    expect(!stale.ok && stale.error.code).toBe('CONFLICT')
    expect((await get(id)).lead.nextFollowUp).toBeUndefined()
  })

  it('keeps follow-up notes as a timeline; the audit masks phones in them', async () => {
    const id = await env.submit('o-v1')
    const n1 = data<LeadNote>(
      await env.staff('leads.addNote', { id, body: `已电话联系，对方另留号码 ${PHONE}` }),
    )
    env.clock.advance(MINUTE)
    await env.staff('leads.addNote', { id, body: '约了周五看厂' }, 's-owner')
    const detail = await get(id)
    expect(detail.notes.map((n) => [n.authorName, n.body])).toEqual([
      ['李顾问', `已电话联系，对方另留号码 ${PHONE}`],
      ['张经理', '约了周五看厂'],
    ])
    expect(detail.notes[0].id).toBe(n1.id)
    const empty = await env.staff('leads.addNote', { id, body: '   ' })
    expect(!empty.ok && empty.error.code).toBe('VALIDATION')
    expect(env.audit.entries.map((e) => e.action)).toEqual(['leads.addNote', 'leads.addNote'])
    expect(JSON.stringify(env.audit.entries)).not.toContain(PHONE)
    expect(JSON.stringify(env.audit.entries)).toContain('135****8515')
  })

  it('response time: per lead, per agent and the median per week', async () => {
    // Wednesday 2026-04-29 10:00 Beijing, and the week before.
    env.clock.set('2026-04-22T02:00:00.000Z')
    const old = await env.submit('o-w1')
    env.clock.advance(90 * MINUTE)
    await update({ id: old, version: 1, stage: 'contacted' }, 's-owner')
    env.clock.set('2026-04-29T02:00:00.000Z')
    const ids = [await env.submit('o-w2'), await env.submit('o-w3'), await env.submit('o-w4')]
    env.clock.advance(10 * MINUTE)
    await update({ id: ids[0], version: 1, stage: 'contacted' }, 's-agent')
    env.clock.advance(20 * MINUTE)
    await update({ id: ids[1], version: 1, stage: 'contacted' }, 's-agent')
    const stats = data<ResponseStats>(await env.staff('leads.stats', { weeks: 2 }))
    expect(stats.weeks).toEqual([
      { week: '2026-04-27', leads: 3, contacted: 2, medianMinutes: 20 },
      { week: '2026-04-20', leads: 1, contacted: 1, medianMinutes: 90 },
    ])
    expect(stats.agents).toEqual([
      { id: 's-agent', name: '李顾问', contacted: 2, medianMinutes: 20 },
      { id: 's-owner', name: '张经理', contacted: 1, medianMinutes: 90 },
    ])
    const rows = (await list()).items
    expect(rows.find((r) => r.id === ids[1])!.responseMinutes).toBe(30)
    expect(rows.find((r) => r.id === ids[2])!.responseMinutes).toBeUndefined()
  })

  it('without an audit log nothing is written (INTERNAL, never an unrecorded write)', async () => {
    const bare = deskEnv(backend, { audit: undefined })
    try {
      const id = await bare.submit('o-v1')
      const res = await bare.staff('leads.update', { id, version: 1, stage: 'contacted' })
      expect(!res.ok && res.error.code).toBe('INTERNAL')
      const note = await bare.staff('leads.addNote', { id, body: '记录' })
      expect(!note.ok && note.error.code).toBe('INTERNAL')
      const detail = data<LeadDetail>(await bare.staff('leads.get', { id }))
      expect(detail.lead).toMatchObject({ stage: 'new', version: 1 })
      expect(detail.notes).toEqual([])
    } finally {
      bare.close()
    }
  })
})

describe('CloudBase leads stored before the desk', () => {
  it('the setup step gives them a stage from their status, once; the inbox then finds them', async () => {
    const env = deskEnv('cloudbase')
    try {
      const base = {
        openid: 'o-old',
        needType: 'other',
        contactName: '周先生',
        phone: PHONE,
        company: '',
        remark: '',
      }
      const at = '2026-04-01T00:00:00.000Z'
      double.__seed('inquiries', [
        { _id: 'old-new', ...base, status: 'new', createdAt: at, updatedAt: at },
        {
          _id: 'old-review',
          ...base,
          status: 'review',
          flagged: 'content-review',
          createdAt: at,
          updatedAt: at,
        },
        { _id: 'old-contacted', ...base, status: 'contacted', createdAt: at, updatedAt: at },
        { _id: 'old-closed', ...base, status: 'closed', createdAt: at, updatedAt: at },
      ])
      const db = double.database() as unknown as CloudDatabase
      expect((await setupCloudbase(db)).leadStagesBackfilled).toBe(4)
      expect((await setupCloudbase(db)).leadStagesBackfilled).toBe(0)
      const page = data<LeadPage>(await env.staff('leads.list', {}))
      expect(page.counts).toEqual({ new: 2, contacted: 1, visiting: 0, signed: 1, invalid: 0 })
      expect(double.__peek('inquiries', 'old-review')).toMatchObject({
        stage: 'new',
        status: 'review',
        version: 1,
      })
      // And the version check works on them from 1.
      expect((await env.staff('leads.update', { id: 'old-new', version: 1, stage: 'contacted' })).ok).toBe(
        true,
      )
    } finally {
      env.close()
    }
  })
})
