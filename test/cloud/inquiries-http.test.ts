/**
 * @jest-environment node
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { SubmitResult } from '@/domain/inquiry'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createServer } from '../../server/app'
import { agency, tmpDir } from './fixtures'
import { inquiry, leadParks, recordingNotifier, sqliteRows } from './inquiry-fixtures'

let dir: string
let storage: SqliteStorage
let server: http.Server
let port: number
const notifier = recordingNotifier()
// Enough sockets for the concurrent burst, reused between tests.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

beforeAll(async () => {
  dir = tmpDir('leads-http')
  storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
  storage.seedFromMock({ articles: [], parks: leadParks, agency })
  // One trusted proxy hop: the burst below stands for visitors behind 200 different addresses.
  server = createServer({ storage, leads: storage, notifier, staticDir: dir, mediaDir: dir, trustProxy: 1 })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  agent.destroy()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const vid = () => randomBytes(16).toString('hex')

function post(
  envelope: unknown,
  cookie?: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; json: any; setCookie?: string[] }> {
  const body = JSON.stringify(envelope)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(cookie ? { cookie: `vid=${cookie}` } : {}),
          ...extraHeaders,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            setCookie: res.headers['set-cookie'],
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('inquiries over the local server (POST /api)', () => {
  it('stores a submission under the cookie visitor, ignoring a payload openid; a retry is a duplicate', async () => {
    const visitor = vid()
    const payload = { ...inquiry(), openid: 'h5:someone-else' }
    const first = await post({ action: 'inquiries.submit', payload }, visitor)
    expect(first.status).toBe(200)
    expect(first.json).toEqual({
      ok: true,
      data: { inquiryId: expect.any(String), status: 'new', duplicate: false },
    })
    const again = await post({ action: 'inquiries.submit', payload }, visitor)
    expect(again.json.data).toEqual({ ...first.json.data, duplicate: true })
    const mine = sqliteRows(storage.file, 'inquiries').filter((r) => r.openid === `h5:${visitor}`)
    expect(mine).toHaveLength(1)
    expect(mine[0].id).toBe(first.json.data.inquiryId)
  })

  it('issues a visitor cookie to a first-time submitter and stores under it', async () => {
    const res = await post({ action: 'inquiries.submit', payload: inquiry() })
    expect(res.status).toBe(200)
    const issued = /vid=([0-9a-f]{32})/.exec(res.setCookie?.join(';') ?? '')?.[1]
    expect(issued).toBeDefined()
    expect(sqliteRows(storage.file, 'inquiries').some((r) => r.openid === `h5:${issued}`)).toBe(true)
  })

  it('a cross-site POST (a form on another site: text/plain, no cookie) cannot cost a visitor their inquiries', async () => {
    const visitor = vid()
    const mine = async () => (await post({ action: 'inquiries.mine', payload: {} }, visitor)).json.data.items
    const sent = await post({ action: 'inquiries.submit', payload: inquiry() }, visitor)
    expect(await mine()).toEqual([expect.objectContaining({ id: sent.json.data.inquiryId })])

    const stored = sqliteRows(storage.file, 'inquiries').length
    const attacks: Record<string, string>[] = [
      { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of attacks) {
      const attack = await post({ action: 'inquiries.submit', payload: inquiry() }, undefined, headers)
      expect(attack.status).toBe(403)
      expect(attack.setCookie).toBeUndefined()
    }
    expect(sqliteRows(storage.file, 'inquiries')).toHaveLength(stored)
    // Nothing was stored for the attacker's calls, and the visitor still sees their own inquiry.
    expect(await mine()).toEqual([expect.objectContaining({ id: sent.json.data.inquiryId })])
  })

  it('maps VALIDATION to 400 with fields and RATE_LIMITED to 429', async () => {
    const bad = await post({ action: 'inquiries.submit', payload: { ...inquiry(), phone: '110' } }, vid())
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ code: 'VALIDATION', fields: { phone: expect.any(String) } })

    const busy = vid()
    for (let i = 0; i < 5; i++)
      expect((await post({ action: 'inquiries.submit', payload: inquiry() }, busy)).status).toBe(200)
    const limited = await post({ action: 'inquiries.submit', payload: inquiry() }, busy)
    expect(limited.status).toBe(429)
    expect(limited.json.error).toEqual({
      code: 'RATE_LIMITED',
      message: '提交过于频繁，请稍后再试；急需可直接拨打招商热线 400-000-0000',
    })
  })

  it('handles 200 concurrent submissions from 200 visitors plus 20 concurrent resends: each stored once', async () => {
    const before = sqliteRows(storage.file, 'inquiries').length
    const noticesBefore = notifier.notices.length
    // 200 visitors at 200 addresses (per-address limits would rightly stop 200 from one).
    const sends = Array.from({ length: 200 }, (_, i) => ({
      visitor: vid(),
      payload: inquiry(),
      address: `198.51.100.${i + 1}`,
    }))
    const burst = [...sends, ...sends.slice(0, 20)]
    const replies = await Promise.all(
      burst.map((s) =>
        post({ action: 'inquiries.submit', payload: s.payload }, s.visitor, { 'x-forwarded-for': s.address }),
      ),
    )
    expect(replies.every((r) => r.status === 200 && r.json.ok)).toBe(true)
    const results = replies.map((r) => r.json.data as SubmitResult)
    expect(results.filter((r) => r.duplicate)).toHaveLength(20)
    const rows = sqliteRows(storage.file, 'inquiries')
    expect(rows.length - before).toBe(200)
    const byId = new Map(rows.map((r) => [r.id, r]))
    burst.forEach((s, i) => {
      const row = byId.get(results[i].inquiryId)
      expect(row?.openid).toBe(`h5:${s.visitor}`)
      expect(row?.idempotency_key).toBe(s.payload.idempotencyKey)
    })
    expect(notifier.notices.length - noticesBefore).toBe(200)
  })
})
