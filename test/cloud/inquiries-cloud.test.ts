/**
 * @jest-environment node
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InquirySummary, SubmitResult } from '@/domain/inquiry'
import { createCloudbaseLeadStore } from '../../cloudfunctions/api/src/adapters/cloudbase-leads'
import {
  createCloudbaseStorage,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createWxContentCheck, type WxOpenApi } from '../../cloudfunctions/api/src/adapters/wx-content-check'
import { createCloudMain } from '../../cloudfunctions/api/src/index'
import { createLogger, silentLogger } from '../../cloudfunctions/api/src/logger'
import { splitForCheck, MAX_CHECK_CHARS } from '../../cloudfunctions/api/src/core/content-check'
import { inquiryIdFor } from '../../cloudfunctions/api/src/core/inquiry-id'
import { createApi, type ApiDeps } from '../../cloudfunctions/api/src/router'
import { agency } from './fixtures'
import {
  clock,
  data,
  errorOf,
  inquiry,
  leadParks,
  MINUTE,
  PHONE,
  recordingNotifier,
} from './inquiry-fixtures'

import * as double from '../doubles/wx-server-sdk'

const db = () => double.database() as unknown as CloudDatabase

function seedCloud() {
  double.__reset()
  double.__seed('parks', leadParks.map(toCloudPark))
  double.__seed('settings', [{ _id: 'agency', ...agency }])
}

function cloudApi(overrides: Partial<ApiDeps> = {}) {
  const notifier = recordingNotifier()
  const c = clock()
  const api = createApi({
    storage: createCloudbaseStorage(db()),
    leads: createCloudbaseLeadStore(db()),
    contentCheck: createWxContentCheck(double.openapi as unknown as WxOpenApi),
    notifier,
    now: c.now,
    ...overrides,
  })
  const call = (action: string, payload: unknown, openid = 'o-cloud-1') =>
    api({ action, payload }, { openid, source: 'cloud' })
  return { api, call, notifier, clock: c }
}

beforeEach(seedCloud)

describe('CloudBase lead store over the sdk double', () => {
  it('stores a lead under _id = hash(openid, key), camelCase fields, park name resolved', async () => {
    const { call } = cloudApi()
    const payload = inquiry()
    const res = data<SubmitResult>(await call('inquiries.submit', payload))
    const id = inquiryIdFor('o-cloud-1', payload.idempotencyKey)
    expect(res).toEqual({ inquiryId: id, status: 'new', duplicate: false })
    expect(double.__peek('inquiries', id)).toEqual({
      _id: id,
      openid: 'o-cloud-1',
      idempotencyKey: payload.idempotencyKey,
      needType: 'rent-factory',
      areaMin: 1000,
      areaMax: 3000,
      industry: '精密机械',
      district: 'songjiang',
      taxBracket: '200-500',
      company: '上海某某精密机械有限公司',
      contactName: '王先生',
      phone: PHONE,
      remark: '需要行车，层高 8 米以上',
      consent: true,
      source: 'pst01',
      parkId: 'p012',
      parkName: '松江G60智造园',
      status: 'new',
      // The lead desk's pipeline fields start with the document (cloudbase-desk.ts).
      stage: 'new',
      version: 1,
      createdAt: '2026-05-01T02:00:00.000Z',
      updatedAt: '2026-05-01T02:00:00.000Z',
    })
  })

  it('20 concurrent submissions of one key: one document (the taken _id refuses the rest)', async () => {
    const { call, notifier } = cloudApi()
    const payload = inquiry()
    const results = (
      await Promise.all(Array.from({ length: 20 }, () => call('inquiries.submit', payload)))
    ).map((r) => data<SubmitResult>(r))
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.inquiryId)).size).toBe(1)
    expect(double.__all('inquiries')).toHaveLength(1)
    expect(notifier.notices).toHaveLength(1)
    // The race really reached the database: more than one add was attempted.
    expect(double.__calls.filter((c) => c.op === 'add').length).toBeGreaterThan(1)
  })

  it('a sequential retry answers duplicate without another add', async () => {
    const { call } = cloudApi()
    const payload = inquiry()
    const first = data<SubmitResult>(await call('inquiries.submit', payload))
    const adds = double.__calls.filter((c) => c.op === 'add').length
    expect(data(await call('inquiries.submit', payload))).toEqual({ ...first, duplicate: true })
    expect(double.__calls.filter((c) => c.op === 'add').length).toBe(adds)
  })

  it('rate-limits per visitor from the stored documents (5 an hour) with the hotline', async () => {
    const { call, clock: c } = cloudApi()
    for (let i = 0; i < 5; i++) {
      data(await call('inquiries.submit', inquiry()))
      c.advance(MINUTE)
    }
    expect(errorOf(await call('inquiries.submit', inquiry()))).toEqual({
      code: 'RATE_LIMITED',
      message: '提交过于频繁，请稍后再试；急需可直接拨打招商热线 400-000-0000',
    })
    expect(data<SubmitResult>(await call('inquiries.submit', inquiry(), 'o-cloud-2')).duplicate).toBe(false)
  })

  it('mine, deleteMine and events.record', async () => {
    const { call, clock: c } = cloudApi()
    const a = data<SubmitResult>(await call('inquiries.submit', inquiry({ context: {} })))
    c.advance(MINUTE)
    const b = data<SubmitResult>(await call('inquiries.submit', inquiry({ needType: 'office' })))
    data(await call('inquiries.submit', inquiry(), 'o-other'))
    const event = { kind: 'call', page: 'pages/park/index', parkId: 'p012', at: '2026-05-01T01:00:00.000Z' }
    expect(data(await call('events.record', { events: [event, event] }))).toEqual({ accepted: 2 })
    data(await call('events.record', { events: [event] }, 'o-other'))
    expect(double.__all('contact_events')[0]).toEqual({
      _id: expect.any(String),
      openid: 'o-cloud-1',
      kind: 'call',
      page: 'pages/park/index',
      parkId: 'p012',
      at: '2026-05-01T01:00:00.000Z',
      createdAt: '2026-05-01T02:01:00.000Z',
    })

    const { items } = data<{ items: InquirySummary[] }>(await call('inquiries.mine', {}))
    expect(items).toEqual([
      {
        id: b.inquiryId,
        needType: 'office',
        parkId: 'p012',
        parkName: '松江G60智造园',
        status: 'new',
        createdAt: '2026-05-01T02:01:00.000Z',
      },
      { id: a.inquiryId, needType: 'rent-factory', status: 'new', createdAt: '2026-05-01T02:00:00.000Z' },
    ])

    expect(data(await call('inquiries.deleteMine', {}))).toEqual({ deletedInquiries: 2, deletedEvents: 2 })
    expect(double.__all('inquiries').map((d) => d.openid)).toEqual(['o-other'])
    expect(double.__all('contact_events').map((d) => d.openid)).toEqual(['o-other'])
    expect(data(await call('inquiries.mine', {}))).toEqual({ items: [] })
  })
})

describe('msgSecCheck v2 adapter', () => {
  const check = () => createWxContentCheck(double.openapi as unknown as WxOpenApi)

  it('calls version 2, scene 1 (资料) with the openid, and decides on result.suggest', async () => {
    for (const suggest of ['pass', 'review', 'risky'] as const) {
      double.__setMsgSecCheck(async () => double.secCheckAnswer(suggest))
      expect(await check().check('文本', 'o-x')).toBe(suggest)
    }
    expect(double.openapi.security.msgSecCheck).toHaveBeenLastCalledWith({
      version: 2,
      openid: 'o-x',
      scene: 1,
      content: '文本',
    })
  })

  it.each([
    ['errCode 0 without a result', { errCode: 0, errMsg: 'ok' }],
    ['an unknown suggest', { errCode: 0, result: { suggest: 'maybe' } }],
    ['errCode ≠ 0', { errCode: 40001, errMsg: 'invalid credential', result: { suggest: 'pass' } }],
    ['nothing', undefined],
  ])('%s → error (kept for review, never a silent pass)', async (_label, answer) => {
    double.__setMsgSecCheck(async () => answer)
    expect(await check().check('文本', 'o-x')).toBe('error')
  })

  it('a thrown error is error; v1’s 87014 is risky', async () => {
    double.__setMsgSecCheck(async () => {
      throw Object.assign(new Error('system error'), { errCode: -1 })
    })
    expect(await check().check('文本', 'o-x')).toBe('error')
    double.__setMsgSecCheck(async () => {
      throw Object.assign(new Error('content risky'), { errCode: 87014 })
    })
    expect(await check().check('文本', 'o-x')).toBe('risky')
  })

  it('checks text over 2,500 characters in overlapping pieces; the worst verdict wins', async () => {
    const text = `${'安'.repeat(3000)}违规${'安'.repeat(3000)}`
    double.__setMsgSecCheck(async ({ content }) =>
      double.secCheckAnswer(content.includes('违规') ? 'risky' : 'pass'),
    )
    expect(await check().check(text, 'o-x')).toBe('risky')
    const calls = double.openapi.security.msgSecCheck.mock.calls.map(([p]) => p.content)
    expect(calls.length).toBe(splitForCheck(text).length)
    expect(calls.length).toBeGreaterThanOrEqual(3)
    for (const c of calls) expect(c.length).toBeLessThanOrEqual(MAX_CHECK_CHARS)
  })

  it('never calls without an openid', async () => {
    expect(await check().check('文本', '')).toBe('error')
    expect(double.openapi.security.msgSecCheck).not.toHaveBeenCalled()
  })
})

describe('splitForCheck', () => {
  it('keeps short text whole and covers long text with overlapping pieces, never splitting a surrogate pair', () => {
    expect(splitForCheck('短')).toEqual(['短'])
    expect(splitForCheck('x'.repeat(2500))).toHaveLength(1)
    // Distinct characters, so each piece's position in the text is unambiguous.
    const han = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + i)).join('')
    const astral = (n: number) =>
      Array.from({ length: n }, (_, i) => String.fromCodePoint(0x20000 + i)).join('')
    for (const text of [
      han(2501),
      astral(4000),
      `a${astral(3000)}`,
      han(7777),
      `${han(2499)}${astral(10)}`,
    ]) {
      const pieces = splitForCheck(text)
      expect(pieces.length).toBeGreaterThan(1)
      let covered = 0
      let previousStart = -1
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(2500)
        expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
        const start = text.indexOf(p)
        // In order, no gap, and overlapping the previous piece.
        expect(start).toBeGreaterThan(previousStart)
        expect(start).toBeLessThanOrEqual(covered)
        if (previousStart >= 0) expect(start).toBeLessThan(covered)
        covered = start + p.length
        previousStart = start
      }
      expect(covered).toBe(text.length)
    }
  })
})

describe('cloud entry main(event, context) for inquiries.submit', () => {
  function captureLogger() {
    const lines: string[] = []
    return { lines, logger: createLogger({ write: (l) => lines.push(l), level: 'debug' }) }
  }

  it('stores under the OPENID from getWXContext; the payload’s openid is ignored', async () => {
    double.__setOpenid('o-real-user')
    const entry = createCloudMain({ logger: silentLogger, env: {} })
    const payload = { ...inquiry(), openid: 'o-forged', OPENID: 'o-forged' }
    const res = await entry(
      { action: 'inquiries.submit', payload, openid: 'o-forged', userInfo: { openId: 'o-forged' } },
      { OPENID: 'o-forged' },
    )
    const { inquiryId } = data<SubmitResult>(res)
    expect(inquiryId).toBe(inquiryIdFor('o-real-user', payload.idempotencyKey))
    expect(double.__all('inquiries')).toEqual([
      expect.objectContaining({ _id: inquiryId, openid: 'o-real-user', status: 'new' }),
    ])
    expect(double.openapi.security.msgSecCheck).toHaveBeenCalledWith(
      expect.objectContaining({ version: 2, scene: 1, openid: 'o-real-user' }),
    )
  })

  it.each([
    ['pass', async () => double.secCheckAnswer('pass'), 'new', undefined],
    ['review', async () => double.secCheckAnswer('review'), 'review', 'content-review'],
    [
      'a throw',
      async () => {
        throw new Error('openapi.security.msgSecCheck:fail -501000')
      },
      'review',
      'content-check-failed',
    ],
    ['no answer in time', () => new Promise(() => {}), 'review', 'content-check-timeout'],
  ] as const)('msgSecCheck %s → stored with the matching status', async (_label, impl, status, flagged) => {
    double.__setMsgSecCheck(impl as () => Promise<unknown>)
    const entry = createCloudMain({ logger: silentLogger, env: {}, overrides: { contentCheckTimeoutMs: 50 } })
    const res = data<SubmitResult>(await entry({ action: 'inquiries.submit', payload: inquiry() }, {}))
    expect(res.status).toBe(status)
    const [doc] = double.__all('inquiries')
    expect(doc.status).toBe(status)
    expect(doc.flagged).toBe(flagged)
  })

  it('msgSecCheck risky → VALIDATION naming the field, nothing stored', async () => {
    double.__setMsgSecCheck(async ({ content }) =>
      double.secCheckAnswer(content.includes('违禁') ? 'risky' : 'pass'),
    )
    const entry = createCloudMain({ logger: silentLogger, env: {} })
    const res = await entry(
      { action: 'inquiries.submit', payload: inquiry({ company: '违禁品贸易公司' }) },
      {},
    )
    expect(errorOf(res)).toEqual({
      code: 'VALIDATION',
      message: '内容包含不当信息，请修改后再提交',
      fields: { company: '内容包含不当信息，请修改' },
    })
    expect(double.__all('inquiries')).toHaveLength(0)
  })

  it('logs one masked line per new lead and posts to LEADS_WEBHOOK_URL; no log holds the full phone', async () => {
    const received: any[] = []
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push({ url: req.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"errcode":0,"errmsg":"ok"}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const { lines, logger } = captureLogger()
      const entry = createCloudMain({
        logger,
        env: { LEADS_WEBHOOK_URL: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=secret-key-123` },
      })
      const payload = inquiry()
      data(await entry({ action: 'inquiries.submit', payload }, {}))
      data(await entry({ action: 'inquiries.submit', payload }, {}))
      expect(received).toHaveLength(1)
      expect(received[0].url).toBe('/cgi-bin/webhook/send?key=secret-key-123')
      expect(received[0].body.msgtype).toBe('markdown')
      expect(received[0].body.markdown.content).toContain('135****8515')
      expect(JSON.stringify(received)).not.toContain(PHONE)

      const records = lines.map((l) => JSON.parse(l))
      expect(records.filter((r) => r.msg === 'new inquiry')).toHaveLength(1)
      expect(records.find((r) => r.msg === 'new inquiry').notice).toContain('135****8515')
      expect(lines.join('\n')).not.toMatch(/13524678515|secret-key-123/)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('a malformed LEADS_WEBHOOK_URL is logged (without its key) and skipped; submissions still work', async () => {
    const { lines, logger } = captureLogger()
    const entry = createCloudMain({
      logger,
      env: { LEADS_WEBHOOK_URL: 'ftp://robot.example/send?key=k-999' },
    })
    expect(
      data<SubmitResult>(await entry({ action: 'inquiries.submit', payload: inquiry() }, {})).status,
    ).toBe('new')
    const ignored = lines.map((l) => JSON.parse(l)).find((r) => r.msg === 'LEADS_WEBHOOK_URL ignored')
    expect(ignored).toMatchObject({ level: 'error', url: 'ftp://robot.example/send' })
    expect(lines.join('\n')).not.toContain('k-999')
  })
})
