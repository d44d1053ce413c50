/**
 * @jest-environment node
 */
/**
 * Issue 8 item 2, generated from the action table: EVERY action whose ACTION_ACCESS is not
 * 'public' is refused (FORBIDDEN; HTTP 403 locally) to a visitor, to a deactivated member of
 * staff, and, for 'owner' actions, to an agent. The payload is `{}`: the guard runs before
 * validation, so no action needs a valid payload here, and actions added later are walked too.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ACTION_ACCESS, type ActionName } from '@/domain/actions'
import { createServer } from '../../server/app'
import { data } from './inquiry-fixtures'
import { staffEnv, type StaffEnv } from './staff-fixtures'

const guarded = (Object.entries(ACTION_ACCESS) as Array<[ActionName, string]>).filter(
  ([, a]) => a !== 'public',
)
const ownerOnly = guarded.filter(([, a]) => a === 'owner')

const vid = () => randomBytes(16).toString('hex')
const who = { owner: vid(), agent: vid(), gone: vid(), visitor: vid() }
const openid = (v: string) => `h5:${v}`

let env: StaffEnv
let server: http.Server
let port: number

beforeAll(async () => {
  env = staffEnv()
  await env.seat(openid(who.owner), 'owner')
  await env.seat(openid(who.agent), 'agent', openid(who.owner))
  const gone = await env.seat(openid(who.gone), 'agent', openid(who.owner))
  data(await env.call('staff.deactivate', { id: gone.id }, openid(who.owner)))
  server = createServer({ api: env.api, storage: env.storage, staticDir: env.dir, mediaDir: env.dir })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  env.close()
})

function post(action: string, visitor: string): Promise<{ status: number; json: any }> {
  const body = JSON.stringify({ action, payload: {} })
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: `vid=${visitor}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }

describe('every staff action refuses everyone else (generated from ACTION_ACCESS)', () => {
  it('the table has staff actions, owner-only ones among them', () => {
    expect(guarded.map(([a]) => a)).toEqual(
      expect.arrayContaining(['staff.invite', 'staff.list', 'staff.deactivate']),
    )
    expect(ownerOnly.length).toBeGreaterThan(0)
  })

  describe.each(guarded)('%s (%s)', (action, access) => {
    it('through the router: FORBIDDEN for a visitor, an empty identity, a deactivated member', async () => {
      expect(await env.call(action, {}, openid(who.visitor))).toEqual(FORBIDDEN)
      expect(await env.call(action, {}, '')).toEqual(FORBIDDEN)
      expect(await env.call(action, {}, openid(who.gone))).toEqual(FORBIDDEN)
      if (access === 'owner') expect(await env.call(action, {}, openid(who.agent))).toEqual(FORBIDDEN)
    })

    it('over HTTP: 403 with the same body', async () => {
      const callers = [who.visitor, who.gone, ...(access === 'owner' ? [who.agent] : [])]
      for (const caller of callers) {
        const res = await post(action, caller)
        expect({ action, caller, status: res.status, body: res.json }).toEqual({
          action,
          caller,
          status: 403,
          body: FORBIDDEN,
        })
      }
    })

    it('lets the right caller past the guard (an owner always; an agent for staff actions)', async () => {
      const callers = [who.owner, ...(access === 'staff' ? [who.agent] : [])]
      for (const caller of callers) {
        const res = await env.call(action, {}, openid(caller))
        // {} may be invalid for the action: anything but FORBIDDEN shows the guard let it through.
        expect(res.ok ? 'ok' : res.error.code).not.toBe('FORBIDDEN')
      }
    })
  })

  it('a payload naming someone else never changes who the caller is', async () => {
    const ownerId = (await env.storage.staff.findStaffByOpenid(openid(who.owner)))!.id
    const sneaky = { role: 'agent', openid: openid(who.owner), staffId: ownerId, staff: { role: 'owner' } }
    const res = await env.api(
      { action: 'staff.invite', payload: sneaky },
      { openid: openid(who.visitor), source: 'local' },
    )
    expect(res).toEqual(FORBIDDEN)
  })
})
