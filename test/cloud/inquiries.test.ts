/**
 * @jest-environment node
 */
import { InquirySchema, type InquirySummary, type SubmitResult } from '@/domain/inquiry'
import { parseScene } from '@/domain/scene'
import * as v from 'valibot'
import { createApi } from '../../cloudfunctions/api/src/router'
import { RATE_LIMITS } from '../../cloudfunctions/api/src/handlers/inquiries'
import {
  data,
  errorOf,
  HOUR,
  inquiry,
  leadEnv,
  MINUTE,
  newKey,
  PHONE,
  scriptedCheck,
  sqliteRows,
  type LeadEnv,
} from './inquiry-fixtures'
import { agency } from './fixtures'

let env: LeadEnv
afterEach(() => env?.close())

const submit = (payload: unknown, openid?: string) => env.call('inquiries.submit', payload, openid)
const rows = () => sqliteRows(env.storage.file, 'inquiries')

describe('inquiries.submit: storing a lead', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  it('stores every validated field, the normalised phone, the caller and the attribution', async () => {
    const payload = inquiry({ remark: '  需要<b>行车</b>\u0007 ', phone: '+86 135-2467-8515' })
    const res = data<SubmitResult>(await submit(payload))
    expect(res).toEqual({
      inquiryId: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 'new',
      duplicate: false,
    })

    const [row] = rows()
    expect(row).toMatchObject({
      id: res.inquiryId,
      openid: 'o-visitor-1',
      idempotency_key: payload.idempotencyKey,
      need_type: 'rent-factory',
      area_min: 1000,
      area_max: 3000,
      industry: '精密机械',
      district: 'songjiang',
      tax_bracket: '200-500',
      company: '上海某某精密机械有限公司',
      contact_name: '王先生',
      phone: PHONE,
      remark: '需要 行车',
      consent: 1,
      source: 'pst01',
      park_id: 'p012',
      park_name: '松江G60智造园',
      article_id: null,
      status: 'new',
      flagged: null,
      created_at: '2026-05-01T02:00:00.000Z',
      updated_at: '2026-05-01T02:00:00.000Z',
    })
    expect(rows()).toHaveLength(1)
  })

  it('drops unknown fields and ignores an openid (or any server field) in the payload', async () => {
    const payload = {
      ...inquiry(),
      openid: 'o-forged',
      OPENID: 'o-forged',
      _id: 'forced-id',
      status: 'closed',
      flagged: null,
      createdAt: '2000-01-01T00:00:00.000Z',
      parkName: '伪造园区',
      context: { parkId: 'p012', source: 'pst01', openid: 'o-forged', parkName: '伪造园区' },
    }
    const res = data<SubmitResult>(await submit(payload, 'o-real'))
    const [row] = rows()
    expect(row.openid).toBe('o-real')
    expect(row.id).toBe(res.inquiryId)
    expect(row.id).not.toBe('forced-id')
    expect(row.status).toBe('new')
    expect(row.created_at).toBe('2026-05-01T02:00:00.000Z')
    expect(row.park_name).toBe('松江G60智造园')
    expect(await env.storage.findInquiry('o-forged', payload.idempotencyKey)).toBeNull()
  })

  it('attributes a lead to the QR scene it came from: source and park, park name resolved', async () => {
    const entry = parseScene(encodeURIComponent('p=p013&s=expo26'))
    expect(entry).toEqual({ page: 'park', id: 'p013', source: 'expo26' })
    const context = entry.page === 'park' ? { parkId: entry.id, source: entry.source } : {}
    data(await submit(inquiry({ context })))
    expect(rows()[0]).toMatchObject({ park_id: 'p013', park_name: '嘉定汽车城厂房', source: 'expo26' })
  })

  it('keeps an unknown park id without a name, and an article id', async () => {
    data(await submit(inquiry({ context: { parkId: 'p999', articleId: 'policy-2026-01' } })))
    expect(rows()[0]).toMatchObject({
      park_id: 'p999',
      park_name: null,
      article_id: 'policy-2026-01',
      // Every lead carries a source: none given is a direct visit (issue 9 item 4).
      source: 'direct',
    })
  })

  it('stores a minimal form (no optional fields) with them absent, the source as direct', async () => {
    const payload = {
      needType: 'other',
      contactName: '李',
      phone: PHONE,
      consent: true,
      idempotencyKey: newKey(),
    }
    data(await submit(payload))
    const [stored] = await env.storage.listInquiries('o-visitor-1', 10)
    expect(stored).toEqual({
      id: expect.any(String),
      openid: 'o-visitor-1',
      idempotencyKey: payload.idempotencyKey,
      needType: 'other',
      industry: '',
      company: '',
      contactName: '李',
      phone: PHONE,
      remark: '',
      consent: true,
      source: 'direct',
      status: 'new',
      createdAt: '2026-05-01T02:00:00.000Z',
      updatedAt: '2026-05-01T02:00:00.000Z',
    })
  })

  it('refuses an invalid form with VALIDATION naming the fields, storing nothing', async () => {
    const res = await submit({ ...inquiry(), phone: '12345', consent: false, areaMin: -3 })
    expect(errorOf(res)).toEqual({
      code: 'VALIDATION',
      message: expect.any(String),
      fields: {
        areaMin: expect.any(String),
        phone: '请填写正确的 11 位手机号',
        consent: '请阅读并同意隐私政策',
      },
    })
    expect(rows()).toHaveLength(0)
    expect(env.notifier.notices).toHaveLength(0)
  })

  it('refuses every action without an identity (no openid) with BAD_REQUEST', async () => {
    for (const [action, payload] of [
      ['inquiries.submit', inquiry()],
      ['inquiries.mine', {}],
      ['inquiries.deleteMine', {}],
      ['events.record', { events: [{ kind: 'call', page: 'x', at: '2026-05-01T02:00:00.000Z' }] }],
    ] as const) {
      expect(errorOf(await env.call(action, payload, '')).code).toBe('BAD_REQUEST')
    }
    expect(rows()).toHaveLength(0)
  })

  it('answers INTERNAL (no details) when no lead store is configured', async () => {
    const api = createApi({ storage: env.storage })
    const res = await api(
      { action: 'inquiries.submit', payload: inquiry() },
      { openid: 'o', source: 'local' },
    )
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
  })
})

describe('inquiries.submit: idempotency', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  it('a retry with the same key stores one lead and answers the first result with duplicate: true', async () => {
    const payload = inquiry()
    const first = data<SubmitResult>(await submit(payload))
    env.clock.advance(5 * MINUTE)
    const again = data<SubmitResult>(await submit(payload))
    expect(again).toEqual({ ...first, duplicate: true })
    expect(rows()).toHaveLength(1)
    expect(env.notifier.notices).toHaveLength(1)
  })

  it('a duplicate answers the FIRST lead even when the retry carries other content', async () => {
    const payload = inquiry()
    const first = data<SubmitResult>(await submit(payload))
    const changed = data<SubmitResult>(await submit({ ...payload, remark: '改了', needType: 'office' }))
    expect(changed).toEqual({ ...first, duplicate: true })
    expect(rows()[0]).toMatchObject({ remark: '需要行车，层高 8 米以上', need_type: 'rent-factory' })
  })

  it('20 concurrent submissions of one key store one row; 19 answer duplicate with the same id', async () => {
    const payload = inquiry()
    const results = (await Promise.all(Array.from({ length: 20 }, () => submit(payload)))).map((r) =>
      data<SubmitResult>(r),
    )
    expect(new Set(results.map((r) => r.inquiryId)).size).toBe(1)
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(results.filter((r) => r.duplicate)).toHaveLength(19)
    expect(rows()).toHaveLength(1)
    expect(env.notifier.notices).toHaveLength(1)
  })

  it('concurrent twins race past the first lookup and are caught by the transaction', async () => {
    // A slow content check holds every call between its lookup and its insert.
    env.close()
    env = leadEnv({
      contentCheck: { check: () => new Promise((resolve) => setTimeout(() => resolve('pass'), 20)) },
    })
    const payload = inquiry()
    const results = (await Promise.all(Array.from({ length: 20 }, () => submit(payload)))).map((r) =>
      data<SubmitResult>(r),
    )
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.inquiryId)).size).toBe(1)
    expect(rows()).toHaveLength(1)
    expect(env.lines.filter((l) => l.includes('"raced":true'))).toHaveLength(19)
  })

  it('the key is scoped to the visitor: the same key from someone else is their own lead', async () => {
    const payload = inquiry()
    const a = data<SubmitResult>(await submit(payload, 'o-a'))
    const b = data<SubmitResult>(await submit(payload, 'o-b'))
    expect(b.duplicate).toBe(false)
    expect(b.inquiryId).not.toBe(a.inquiryId)
    expect(rows().map((r) => r.openid)).toEqual(['o-a', 'o-b'])
  })
})

describe('inquiries.submit: rate limit per visitor', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  const HOUR_MESSAGE = '提交过于频繁，请稍后再试；急需可直接拨打招商热线 400-000-0000'

  it(`allows ${RATE_LIMITS.hour} an hour, then RATE_LIMITED with the stored hotline`, async () => {
    expect(agency.hotline).toBe('4000000000')
    for (let i = 0; i < RATE_LIMITS.hour; i++) {
      data(await submit(inquiry()))
      env.clock.advance(MINUTE)
    }
    expect(errorOf(await submit(inquiry()))).toEqual({ code: 'RATE_LIMITED', message: HOUR_MESSAGE })
    expect(rows()).toHaveLength(RATE_LIMITS.hour)
    // Another visitor is not affected.
    expect(data<SubmitResult>(await submit(inquiry(), 'o-other')).duplicate).toBe(false)
    // The hour slides: an hour after the first lead there is room for one more.
    env.clock.set('2026-05-01T03:00:00.001Z')
    data(await submit(inquiry()))
    expect(errorOf(await submit(inquiry())).code).toBe('RATE_LIMITED')
  })

  it('always answers a duplicate of a stored key, even when limited, and never counts it', async () => {
    const first = inquiry()
    const stored = data<SubmitResult>(await submit(first))
    for (let i = 0; i < 10; i++) expect(data<SubmitResult>(await submit(first)).duplicate).toBe(true)
    for (let i = 1; i < RATE_LIMITS.hour; i++) data(await submit(inquiry()))
    expect(errorOf(await submit(inquiry())).code).toBe('RATE_LIMITED')
    expect(data<SubmitResult>(await submit(first))).toEqual({ ...stored, duplicate: true })
  })

  it(`allows ${RATE_LIMITS.day} a day, then says so; a day later the visitor may submit again`, async () => {
    for (let i = 0; i < RATE_LIMITS.day; i++) {
      data(await submit(inquiry()))
      env.clock.advance(13 * MINUTE)
    }
    env.clock.advance(HOUR)
    expect(errorOf(await submit(inquiry()))).toEqual({
      code: 'RATE_LIMITED',
      message: '今天的提交次数已达上限，请明天再试；急需可直接拨打招商热线 400-000-0000',
    })
    env.clock.set('2026-05-02T02:00:00.001Z')
    data(await submit(inquiry()))
    expect(rows()).toHaveLength(RATE_LIMITS.day + 1)
  })

  it('holds under concurrency: 12 distinct keys at once store exactly 5', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => submit(inquiry())))
    expect(results.filter((r) => r.ok)).toHaveLength(RATE_LIMITS.hour)
    expect(results.filter((r) => !r.ok).map((r) => errorOf(r).code)).toEqual(Array(7).fill('RATE_LIMITED'))
    expect(rows()).toHaveLength(RATE_LIMITS.hour)
  })

  it('holds when the calls race past the advisory check (slow content check)', async () => {
    env.close()
    env = leadEnv({
      contentCheck: { check: () => new Promise((resolve) => setTimeout(() => resolve('pass'), 20)) },
    })
    const results = await Promise.all(Array.from({ length: 12 }, () => submit(inquiry())))
    expect(results.filter((r) => r.ok)).toHaveLength(RATE_LIMITS.hour)
    expect(rows()).toHaveLength(RATE_LIMITS.hour)
  })

  it('says it without a hotline when the agency contact is missing', async () => {
    env.close()
    env = leadEnv()
    const storage = env.storage
    const api = createApi({
      storage: { ...storage, getAgencyContact: async () => null },
      leads: storage,
      now: env.clock.now,
    })
    for (let i = 0; i < RATE_LIMITS.hour; i++) {
      data(await api({ action: 'inquiries.submit', payload: inquiry() }, { openid: 'o', source: 'local' }))
    }
    const res = await api(
      { action: 'inquiries.submit', payload: inquiry() },
      { openid: 'o', source: 'local' },
    )
    expect(errorOf(res)).toEqual({ code: 'RATE_LIMITED', message: '提交过于频繁，请稍后再试' })
  })

  it('does not spend the content check on a limited visitor', async () => {
    env.close()
    const check = scriptedCheck(() => 'pass')
    env = leadEnv({ contentCheck: check })
    for (let i = 0; i < RATE_LIMITS.hour; i++) data(await submit(inquiry()))
    expect(check.texts).toHaveLength(RATE_LIMITS.hour)
    expect(errorOf(await submit(inquiry())).code).toBe('RATE_LIMITED')
    expect(check.texts).toHaveLength(RATE_LIMITS.hour)
  })
})

describe('inquiries.submit: content check', () => {
  it('checks industry, company, contactName and remark joined by newlines, with the caller’s openid', async () => {
    const check = scriptedCheck(() => 'pass')
    const seen: string[] = []
    env = leadEnv({
      contentCheck: {
        check: (text, openid) => {
          seen.push(openid)
          return check.check(text, openid)
        },
      },
    })
    data(await submit(inquiry({ company: '' }), 'o-check'))
    expect(check.texts).toEqual(['精密机械\n王先生\n需要行车，层高 8 米以上'])
    expect(seen).toEqual(['o-check'])
  })

  it('pass → stored as new', async () => {
    env = leadEnv({ contentCheck: scriptedCheck(() => 'pass') })
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('new')
  })

  it('review → KEPT with status review and flagged content-review; the agency is told', async () => {
    env = leadEnv({ contentCheck: scriptedCheck(() => 'review') })
    expect(data<SubmitResult>(await submit(inquiry()))).toMatchObject({ status: 'review', duplicate: false })
    expect(rows()[0]).toMatchObject({ status: 'review', flagged: 'content-review' })
    expect(env.notifier.notices[0]).toMatchObject({ status: 'review', flagged: 'content-review' })
  })

  it('risky → refused with VALIDATION naming the risky field; nothing stored, nobody told', async () => {
    const check = scriptedCheck((text) => (text.includes('赌') ? 'risky' : 'pass'))
    env = leadEnv({ contentCheck: check })
    const res = await submit(inquiry({ remark: '顺便问问赌场选址' }))
    expect(errorOf(res)).toEqual({
      code: 'VALIDATION',
      message: '内容包含不当信息，请修改后再提交',
      fields: { remark: '内容包含不当信息，请修改' },
    })
    expect(rows()).toHaveLength(0)
    expect(env.notifier.notices).toHaveLength(0)
    // One check of the joined text, then one per non-empty field to name the culprit.
    expect(check.texts).toHaveLength(5)
  })

  it('risky only in combination → every non-empty free-text field is named', async () => {
    env = leadEnv({ contentCheck: scriptedCheck((text) => (text.includes('\n') ? 'risky' : 'pass')) })
    const res = await submit(inquiry({ company: '' }))
    expect(errorOf(res).fields).toEqual({
      industry: '内容包含不当信息，请修改',
      contactName: '内容包含不当信息，请修改',
      remark: '内容包含不当信息，请修改',
    })
  })

  it('a refused form may be corrected and sent again with the same key', async () => {
    env = leadEnv({ contentCheck: scriptedCheck((text) => (text.includes('赌') ? 'risky' : 'pass')) })
    const payload = inquiry({ remark: '赌' })
    expect(errorOf(await submit(payload)).code).toBe('VALIDATION')
    expect(data<SubmitResult>(await submit({ ...payload, remark: '需要行车' })).duplicate).toBe(false)
  })

  it.each([
    ['error', 'content-check-failed'],
    ['throw', 'content-check-failed'],
  ] as const)('%s → KEPT as review, flagged %s', async (behaviour, flag) => {
    env = leadEnv({ contentCheck: scriptedCheck(() => behaviour) })
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('review')
    expect(rows()[0]).toMatchObject({ status: 'review', flagged: flag })
    expect(env.notifier.notices).toHaveLength(1)
  })

  it('a check that throws synchronously → KEPT as review; so does a notifier that throws', async () => {
    env = leadEnv({
      contentCheck: {
        check: () => {
          throw new Error('not even a promise')
        },
      },
      notifier: {
        notify: () => {
          throw new Error('sync notifier failure')
        },
      },
    })
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('review')
    expect(rows()[0]).toMatchObject({ status: 'review', flagged: 'content-check-failed' })
  })

  it('a check that hangs is abandoned after the bound: KEPT as review, flagged timeout', async () => {
    env = leadEnv({ contentCheck: scriptedCheck(() => 'hang'), contentCheckTimeoutMs: 60 })
    const started = Date.now()
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('review')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(rows()[0]).toMatchObject({ status: 'review', flagged: 'content-check-timeout' })
  })

  it('the local demo keyword list: risky-demo refused, review-demo kept, error-demo kept flagged', async () => {
    env = leadEnv()
    expect(errorOf(await submit(inquiry({ company: 'RISKY-DEMO 公司' })))).toEqual({
      code: 'VALIDATION',
      message: '内容包含不当信息，请修改后再提交',
      fields: { company: '内容包含不当信息，请修改' },
    })
    expect(data<SubmitResult>(await submit(inquiry({ remark: 'review-demo' }))).status).toBe('review')
    expect(data<SubmitResult>(await submit(inquiry({ industry: 'error-demo' }))).status).toBe('review')
    expect(rows().map((r) => r.flagged)).toEqual(['content-review', 'content-check-failed'])
  })
})

describe('inquiries.submit: notifying the agency', () => {
  it('tells the notifier once per new lead: masked phone, need, park, source, company', async () => {
    env = leadEnv()
    const res = data<SubmitResult>(await submit(inquiry()))
    expect(env.notifier.notices).toEqual([
      {
        inquiryId: res.inquiryId,
        status: 'new',
        flagged: undefined,
        needType: 'rent-factory',
        district: 'songjiang',
        areaMin: 1000,
        areaMax: 3000,
        parkId: 'p012',
        parkName: '松江G60智造园',
        articleId: undefined,
        source: 'pst01',
        // The robot names the company (issue 8 item 9); formatters strip its markup.
        company: '上海某某精密机械有限公司',
        maskedPhone: '135****8515',
        createdAt: '2026-05-01T02:00:00.000Z',
      },
    ])
    expect(JSON.stringify(env.notifier.notices)).not.toContain(PHONE)
  })

  it('a failing notifier is logged and never fails the submission', async () => {
    env = leadEnv({
      notifier: { notify: () => Promise.reject(new Error(`webhook down while sending ${PHONE}`)) },
    })
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('new')
    expect(rows()).toHaveLength(1)
    const warn = env.lines.map((l) => JSON.parse(l)).find((r) => r.msg === 'lead notification failed')
    expect(warn).toMatchObject({
      level: 'warn',
      reason: 'error',
      err: { message: expect.stringContaining('135****8515') },
    })
  })

  it('a hanging notifier is bounded', async () => {
    env = leadEnv({ notifier: { notify: () => new Promise(() => {}) }, notifyTimeoutMs: 50 })
    const started = Date.now()
    expect(data<SubmitResult>(await submit(inquiry())).status).toBe('new')
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('logs of a submission', () => {
  it('never contain the full phone, on any path', async () => {
    env = leadEnv({
      contentCheck: scriptedCheck((text) =>
        text.includes('RISK') ? 'risky' : text.includes('THROW') ? 'throw' : 'pass',
      ),
      notifier: { notify: () => Promise.reject(new Error(`could not send ${PHONE}`)) },
    })
    const payload = inquiry()
    data(await submit(payload)) // stored + notifier failure
    data(await submit(payload)) // duplicate
    errorOf(await submit(inquiry({ remark: 'RISK' }))) // refused
    data(await submit(inquiry({ remark: 'THROW' }))) // check failed, kept
    for (let i = 0; i < 5; i++) await submit(inquiry()) // up to and past the limit
    await submit({ ...inquiry(), phone: `${PHONE}x` }) // invalid
    await env.call('inquiries.mine', {})

    const all = env.lines.join('\n')
    expect(env.lines.length).toBeGreaterThan(5)
    expect(all).not.toMatch(/13524678515|135 2467 8515|1352467/)
    const stored = env.lines.map((l) => JSON.parse(l)).find((r) => r.msg === 'inquiry stored')
    expect(stored).toMatchObject({ phone: '135****8515', status: 'new', needType: 'rent-factory' })
    // Nor the free text.
    expect(all).not.toContain('王先生')
    expect(all).not.toContain('精密机械有限公司')
  })
})

describe('inquiries.mine', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  it('lists the caller’s own inquiries newest first, as summaries without the phone', async () => {
    const ids: string[] = []
    for (const [i, context] of [{ parkId: 'p012' }, {}, { parkId: 'p999' }].entries()) {
      ids.push(
        data<SubmitResult>(await submit(inquiry({ context, needType: i === 1 ? 'office' : 'buy-land' })))
          .inquiryId,
      )
      env.clock.advance(MINUTE)
    }
    data(await submit(inquiry(), 'o-someone-else'))
    const { items } = data<{ items: InquirySummary[] }>(await env.call('inquiries.mine', {}))
    expect(items).toEqual([
      {
        id: ids[2],
        needType: 'buy-land',
        parkId: 'p999',
        status: 'new',
        createdAt: '2026-05-01T02:02:00.000Z',
      },
      { id: ids[1], needType: 'office', status: 'new', createdAt: '2026-05-01T02:01:00.000Z' },
      {
        id: ids[0],
        needType: 'buy-land',
        parkId: 'p012',
        parkName: '松江G60智造园',
        status: 'new',
        createdAt: '2026-05-01T02:00:00.000Z',
      },
    ])
    expect(JSON.stringify(items)).not.toMatch(/1352467|王先生/)
  })

  it('caps the list at 50 and ignores payload fields', async () => {
    const many = Array.from({ length: 55 }, (_, i) => ({
      ...{ id: `id${i}`, openid: 'o-many', idempotencyKey: `key-${String(i).padStart(16, '0')}` },
      needType: 'office' as const,
      industry: '',
      company: '',
      contactName: 'x',
      phone: PHONE,
      remark: '',
      consent: true as const,
      status: 'new' as const,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }))
    for (const r of many) await env.storage.insertInquiry(r, [])
    const { items } = data<{ items: InquirySummary[] }>(
      await env.call('inquiries.mine', { openid: 'o-visitor-1', limit: 500 }, 'o-many'),
    )
    expect(items).toHaveLength(50)
    expect(items[0].id).toBe('id54')
    expect(items[49].id).toBe('id5')
  })

  it('is empty for a visitor without inquiries', async () => {
    expect(data(await env.call('inquiries.mine', {}, 'o-new'))).toEqual({ items: [] })
  })
})

describe('inquiries.deleteMine (PIPL Art. 47)', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  const event = (kind: string) => ({ kind, page: 'pages/park/index', at: '2026-05-01T01:59:00.000Z' })

  it('deletes the caller’s leads and contact events, returns the counts, leaves others untouched', async () => {
    for (let i = 0; i < 3; i++) data(await submit(inquiry(), 'o-me'))
    data(await env.call('events.record', { events: [event('call'), event('copy-wechat')] }, 'o-me'))
    data(await submit(inquiry(), 'o-other'))
    data(await env.call('events.record', { events: [event('view-qr')] }, 'o-other'))

    expect(data(await env.call('inquiries.deleteMine', {}, 'o-me'))).toEqual({
      deletedInquiries: 3,
      deletedEvents: 2,
    })
    expect(rows().map((r) => r.openid)).toEqual(['o-other'])
    expect(sqliteRows(env.storage.file, 'contact_events').map((r) => r.openid)).toEqual(['o-other'])
    expect(data(await env.call('inquiries.mine', {}, 'o-me'))).toEqual({ items: [] })
    expect(data(await env.call('inquiries.deleteMine', {}, 'o-me'))).toEqual({
      deletedInquiries: 0,
      deletedEvents: 0,
    })
  })

  it('ignores an openid in the payload: nobody deletes someone else’s data', async () => {
    data(await submit(inquiry(), 'o-victim'))
    expect(data(await env.call('inquiries.deleteMine', { openid: 'o-victim' }, 'o-attacker'))).toEqual({
      deletedInquiries: 0,
      deletedEvents: 0,
    })
    expect(rows()).toHaveLength(1)
  })
})

describe('events.record', () => {
  beforeEach(() => {
    env = leadEnv()
  })

  const ev = (patch: Record<string, unknown> = {}) => ({
    kind: 'call',
    page: 'pages/park/index',
    parkId: 'p012',
    source: 'pst01',
    at: '2026-05-01T01:59:30.000Z',
    ...patch,
  })

  it('stores each event with the caller’s openid and the server’s receive time', async () => {
    const res = await env.call(
      'events.record',
      {
        events: [
          ev(),
          ev({ kind: 'copy-wechat', parkId: undefined, articleId: 'a-1' }),
          ev({ kind: 'kefu' }),
        ],
      },
      'o-ev',
    )
    expect(data(res)).toEqual({ accepted: 3 })
    const stored = sqliteRows(env.storage.file, 'contact_events')
    expect(stored).toHaveLength(3)
    expect(stored[0]).toMatchObject({
      openid: 'o-ev',
      kind: 'call',
      page: 'pages/park/index',
      park_id: 'p012',
      article_id: null,
      source: 'pst01',
      at: '2026-05-01T01:59:30.000Z',
      created_at: '2026-05-01T02:00:00.000Z',
    })
    expect(stored[1]).toMatchObject({ kind: 'copy-wechat', park_id: null, article_id: 'a-1' })
  })

  it('drops unknown fields, including an openid', async () => {
    data(
      await env.call(
        'events.record',
        { events: [ev({ openid: 'o-forged', extra: 1 })], openid: 'x' },
        'o-ev',
      ),
    )
    const [row] = sqliteRows(env.storage.file, 'contact_events')
    expect(row.openid).toBe('o-ev')
    expect(row).not.toHaveProperty('extra')
  })

  it.each([
    [{ events: [] }, 'events'],
    [{ events: Array.from({ length: 21 }, () => ev()) }, 'events'],
    [{ events: [ev({ kind: 'hack' })] }, 'events.0.kind'],
    [{ events: [ev(), ev({ at: 'yesterday' })] }, 'events.1.at'],
    [{ events: [ev({ page: 'x'.repeat(81) })] }, 'events.0.page'],
    [{ events: [ev({ parkId: '../../etc' })] }, 'events.0.parkId'],
    [{ events: 'call' }, 'events'],
    [{}, 'events'],
  ])('refuses %j with VALIDATION on %s, storing nothing', async (payload, field) => {
    const err = errorOf(await env.call('events.record', payload))
    expect(err.code).toBe('VALIDATION')
    expect(Object.keys(err.fields ?? {})).toContain(field)
    expect(sqliteRows(env.storage.file, 'contact_events')).toHaveLength(0)
  })

  it('accepts a full batch of 20', async () => {
    expect(data(await env.call('events.record', { events: Array.from({ length: 20 }, () => ev()) }))).toEqual(
      {
        accepted: 20,
      },
    )
  })
})

describe('stored rows', () => {
  it('re-validate with InquirySchema', async () => {
    env = leadEnv()
    data(await submit(inquiry()))
    data(await submit(inquiry({ context: {}, areaMin: undefined, areaMax: undefined })))
    for (const r of await env.storage.listInquiries('o-visitor-1', 50)) {
      const again = v.safeParse(InquirySchema, {
        needType: r.needType,
        areaMin: r.areaMin,
        areaMax: r.areaMax,
        industry: r.industry,
        district: r.district,
        taxBracket: r.taxBracket,
        company: r.company,
        contactName: r.contactName,
        phone: r.phone,
        remark: r.remark,
        consent: r.consent,
        idempotencyKey: r.idempotencyKey,
        context: { parkId: r.parkId, articleId: r.articleId, source: r.source },
      })
      expect(again.success).toBe(true)
    }
  })
})
