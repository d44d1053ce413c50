/**
 * @jest-environment node
 *
 * Rate limits that dropping the cookie does not dodge (issue 7 item 4): inquiries and contact
 * events are limited per visitor AND per client address, contact events get limits of their own,
 * in both adapters (SQLite; CloudBase over the sdk double) and through the cloud entry, which
 * takes the address from getWXContext().CLIENTIP. Addresses are stored as keyed hashes only.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { ContactEvent, SubmitResult } from '@/domain/inquiry'
import type { ApiResult } from '@/domain/result'
import { createCloudbaseLeadStore } from '../../cloudfunctions/api/src/adapters/cloudbase-leads'
import {
  createCloudbaseStorage,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createKeywordContentCheck } from '../../cloudfunctions/api/src/adapters/keyword-content-check'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { addressUnit, createClientKeyer } from '../../cloudfunctions/api/src/core/client-key'
import {
  ADDRESS_RATE_LIMITS,
  EVENT_LIMITS,
  formatHotline,
  RATE_LIMITS,
} from '../../cloudfunctions/api/src/handlers/inquiries'
import { createCloudMain } from '../../cloudfunctions/api/src/index'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import { createApi, type ApiDeps } from '../../cloudfunctions/api/src/router'
import * as double from '../doubles/wx-server-sdk'
import { agency, tmpDir } from './fixtures'
import { clock, data, errorOf, inquiry, leadParks, MINUTE, sqliteRows } from './inquiry-fixtures'

const HOUR = 60 * MINUTE
const HOTLINE = `；急需可直接拨打招商热线 ${formatHotline(agency.hotline)}`
const OFFICE = '203.0.113.7'
const SECRET = 'test-client-key-secret'

interface Harness {
  call(action: string, payload: unknown, openid: string, clientAddress?: string): Promise<ApiResult<unknown>>
  clock: ReturnType<typeof clock>
  /** Stored rows as the adapter keeps them (SQLite columns / CloudBase documents). */
  stored(kind: 'inquiries' | 'events'): Array<Record<string, unknown>>
  close(): void
}

function harness(
  make: (deps: Pick<ApiDeps, 'now' | 'clientKeySecret'>) => {
    api: ReturnType<typeof createApi>
    stored: Harness['stored']
    close(): void
  },
): Harness {
  const c = clock()
  const { api, stored, close } = make({ now: c.now, clientKeySecret: SECRET })
  return {
    call: (action, payload, openid, clientAddress) =>
      api({ action, payload }, { openid, source: 'local', clientAddress }),
    clock: c,
    stored,
    close,
  }
}

const adapters: Array<[string, () => Harness]> = [
  [
    'SQLite',
    () =>
      harness((deps) => {
        const dir = tmpDir('rate-limits')
        const file = path.join(dir, 'db.sqlite')
        const storage = openSqliteStorage(file)
        storage.seedFromMock({ articles: [], parks: leadParks, agency })
        const api = createApi({ storage, leads: storage, contentCheck: createKeywordContentCheck(), ...deps })
        return {
          api,
          stored: (kind) => sqliteRows(file, kind === 'events' ? 'contact_events' : 'inquiries'),
          close() {
            storage.close()
            fs.rmSync(dir, { recursive: true, force: true })
          },
        }
      }),
  ],
  [
    'CloudBase',
    () =>
      harness((deps) => {
        double.__reset()
        double.__seed('parks', leadParks.map(toCloudPark))
        double.__seed('settings', [{ _id: 'agency', ...agency }])
        const db = double.database() as unknown as CloudDatabase
        const api = createApi({
          storage: createCloudbaseStorage(db),
          leads: createCloudbaseLeadStore(db),
          contentCheck: createKeywordContentCheck(),
          ...deps,
        })
        return {
          api,
          stored: (kind) => double.__all(kind === 'events' ? 'contact_events' : 'inquiries'),
          close: () => double.__reset(),
        }
      }),
  ],
]

const event = (i = 0): ContactEvent => ({
  kind: 'call',
  page: '/packages/park/detail/index',
  parkId: 'p012',
  at: new Date(Date.parse('2026-05-01T02:00:00.000Z') + i).toISOString(),
})
const batch = (n: number) => ({ events: Array.from({ length: n }, (_, i) => event(i)) })

describe.each(adapters)('rate limits over %s', (_name, make) => {
  let h: Harness
  beforeEach(() => {
    h = make()
  })
  afterEach(() => h.close())

  const submit = (openid: string, address?: string) => h.call('inquiries.submit', inquiry(), openid, address)
  const record = (n: number, openid: string, address?: string) =>
    h.call('events.record', batch(n), openid, address)

  it(`inquiries: ${ADDRESS_RATE_LIMITS.hour} an hour per address, however many cookies`, async () => {
    // Each submission as a fresh visitor (a dropped cookie): the visitor limit never trips.
    for (let i = 0; i < ADDRESS_RATE_LIMITS.hour; i++) {
      expect(data<SubmitResult>(await submit(`h5:fresh-${i}`, OFFICE)).duplicate).toBe(false)
      h.clock.advance(MINUTE)
    }
    expect(errorOf(await submit('h5:fresh-x', OFFICE))).toEqual({
      code: 'RATE_LIMITED',
      message: `当前网络提交过于频繁，请稍后再试${HOTLINE}`,
    })
    expect(h.stored('inquiries')).toHaveLength(ADDRESS_RATE_LIMITS.hour)
    // Another address is not affected, nor a caller the host gave no address for.
    data(await submit('h5:fresh-y', '198.51.100.9'))
    data(await submit('h5:fresh-z'))
    // The hour slides.
    h.clock.advance(HOUR)
    data(await submit('h5:fresh-x', OFFICE))
  })

  it(`inquiries: ${ADDRESS_RATE_LIMITS.day} a day per address, then the day message`, async () => {
    let n = 0
    while (n < ADDRESS_RATE_LIMITS.day) {
      for (let i = 0; i < ADDRESS_RATE_LIMITS.hour && n < ADDRESS_RATE_LIMITS.day; i++, n++) {
        data(await submit(`h5:v${n}`, OFFICE))
      }
      h.clock.advance(HOUR + MINUTE)
    }
    expect(errorOf(await submit('h5:late', OFFICE))).toEqual({
      code: 'RATE_LIMITED',
      message: `当前网络今天的提交次数已达上限，请明天再试${HOTLINE}`,
    })
  }, 30_000)

  it('inquiries: the visitor limit still comes first for one visitor at one address', async () => {
    for (let i = 0; i < RATE_LIMITS.hour; i++) data(await submit('h5:same', OFFICE))
    expect(errorOf(await submit('h5:same', OFFICE)).message).toBe(`提交过于频繁，请稍后再试${HOTLINE}`)
  })

  it('inquiries: an IPv6 /64 is one address', async () => {
    for (let i = 0; i < ADDRESS_RATE_LIMITS.hour; i++)
      data(await submit(`h5:six-${i}`, `2001:db8:7:1::${i + 1}`))
    expect(errorOf(await submit('h5:six-x', '2001:db8:7:1:ffff::9')).code).toBe('RATE_LIMITED')
    data(await submit('h5:six-y', '2001:db8:7:2::1'))
  })

  it('stores a keyed hash of the address, never the address', async () => {
    data(await submit('h5:one', OFFICE))
    data(await record(2, 'h5:one', OFFICE))
    const key = createClientKeyer(SECRET)(OFFICE)
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    for (const rows of [h.stored('inquiries'), h.stored('events')]) {
      expect(rows.map((r) => r.client_key ?? r.clientKey)).toEqual(rows.map(() => key))
      expect(JSON.stringify(rows)).not.toContain(OFFICE)
      expect(JSON.stringify(rows)).not.toContain('203-0-113')
    }
  })

  it(`events: ${EVENT_LIMITS.visitor.hour} an hour per visitor; a batch is cut to what is left, then refused`, async () => {
    expect(data<{ accepted: number }>(await record(20, 'h5:tapper', OFFICE)).accepted).toBe(20)
    expect(data<{ accepted: number }>(await record(20, 'h5:tapper', OFFICE)).accepted).toBe(20)
    expect(data<{ accepted: number }>(await record(15, 'h5:tapper', OFFICE)).accepted).toBe(15)
    // 55 stored: 5 more fit.
    expect(data<{ accepted: number }>(await record(20, 'h5:tapper', OFFICE)).accepted).toBe(5)
    expect(errorOf(await record(1, 'h5:tapper', OFFICE))).toEqual({
      code: 'RATE_LIMITED',
      message: `操作过于频繁，请稍后再试${HOTLINE}`,
    })
    expect(h.stored('events')).toHaveLength(EVENT_LIMITS.visitor.hour)
    // Without an address too: the visitor limit needs none.
    expect(errorOf(await record(1, 'h5:tapper')).code).toBe('RATE_LIMITED')
    data(await record(1, 'h5:someone-else', OFFICE))
    h.clock.advance(HOUR + MINUTE)
    data(await record(1, 'h5:tapper', OFFICE))
  })

  it(`events: ${EVENT_LIMITS.visitor.day} a day per visitor`, async () => {
    let stored = 0
    while (stored < EVENT_LIMITS.visitor.day) {
      for (let i = 0; i < EVENT_LIMITS.visitor.hour / 20; i++) {
        stored += data<{ accepted: number }>(await record(20, 'h5:daily')).accepted
      }
      h.clock.advance(HOUR + MINUTE)
    }
    expect(stored).toBe(EVENT_LIMITS.visitor.day)
    expect(errorOf(await record(1, 'h5:daily')).code).toBe('RATE_LIMITED')
  }, 30_000)

  it(`events: ${EVENT_LIMITS.address.hour} an hour per address, however many cookies`, async () => {
    for (let i = 0; i < EVENT_LIMITS.address.hour / 20; i++) {
      expect(data<{ accepted: number }>(await record(20, `h5:c${i}`, OFFICE)).accepted).toBe(20)
    }
    expect(errorOf(await record(1, 'h5:c-new', OFFICE))).toEqual({
      code: 'RATE_LIMITED',
      message: `操作过于频繁，请稍后再试${HOTLINE}`,
    })
    data(await record(1, 'h5:c-new', '198.51.100.9'))
  }, 30_000)

  it('keeps an address key only while a limit can count it (24 hours), the rows themselves stay', async () => {
    data(await submit('h5:early', OFFICE))
    data(await record(2, 'h5:early', OFFICE))
    h.clock.advance(24 * HOUR + MINUTE)
    data(await submit('h5:later', '198.51.100.9'))
    data(await record(1, 'h5:later', '198.51.100.9'))
    const keyOf = (r: Record<string, unknown>) => r.client_key ?? r.clientKey ?? null
    const later = createClientKeyer(SECRET)('198.51.100.9')
    expect(h.stored('inquiries').map(keyOf)).toEqual([null, later])
    expect(h.stored('events').map(keyOf)).toEqual([null, null, later])
  })

  it('deleting my data still removes my events and leads', async () => {
    data(await submit('h5:gone', OFFICE))
    data(await record(3, 'h5:gone', OFFICE))
    expect(data(await h.call('inquiries.deleteMine', {}, 'h5:gone', OFFICE))).toEqual({
      deletedInquiries: 1,
      deletedEvents: 3,
    })
  })
})

describe('cloud entry: the address comes from getWXContext().CLIENTIP', () => {
  beforeEach(() => {
    double.__reset()
    double.__seed('parks', leadParks.map(toCloudPark))
    double.__seed('settings', [{ _id: 'agency', ...agency }])
  })

  it('keys stored rows by CLIENTIP with CLIENT_KEY_SECRET and limits fresh openids at one address', async () => {
    const main = createCloudMain({ logger: silentLogger, env: { CLIENT_KEY_SECRET: SECRET } })
    double.__setClientIp(OFFICE)
    for (let i = 0; i < ADDRESS_RATE_LIMITS.hour; i++) {
      double.__setOpenid(`o-fresh-${i}`)
      data(await main({ action: 'inquiries.submit', payload: inquiry() }, {}))
    }
    double.__setOpenid('o-fresh-x')
    const res = await main({ action: 'inquiries.submit', payload: inquiry() }, {})
    expect(errorOf(res).message).toBe(`当前网络提交过于频繁，请稍后再试${HOTLINE}`)
    const docs = double.__all('inquiries')
    expect(new Set(docs.map((d) => d.clientKey))).toEqual(new Set([createClientKeyer(SECRET)(OFFICE)]))
    // Another address from the platform is another allowance.
    double.__setClientIp('198.51.100.9')
    data(await main({ action: 'inquiries.submit', payload: inquiry() }, {}))
  })

  it('stores no clientKey when the platform gives no address', async () => {
    const main = createCloudMain({ logger: silentLogger, env: { CLIENT_KEY_SECRET: SECRET } })
    double.__setClientIp(undefined)
    data(await main({ action: 'inquiries.submit', payload: inquiry() }, {}))
    expect(double.__all('inquiries')[0]).not.toHaveProperty('clientKey')
  })
})

describe('client keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' ::ffff:203.0.113.7 ', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:7:1::1', '2001:db8:7:1::/64'],
    ['[2001:DB8:7:1:0:0:0:9]', '2001:db8:7:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not an address', null],
    ['203.0.113.999', null],
  ])('%j → %j', (address, unit) => {
    expect(addressUnit(address)).toBe(unit)
  })

  it('depend on the secret; the same unit gives the same key', () => {
    const a = createClientKeyer('one')
    const b = createClientKeyer('two')
    expect(a('203.0.113.7')).toBe(a('::ffff:203.0.113.7'))
    expect(a('203.0.113.7')).not.toBe(b('203.0.113.7'))
    expect(a(undefined)).toBeUndefined()
    expect(a('garbage')).toBeUndefined()
    // Without a secret: random per keyer, so nothing outside the process can recompute it.
    expect(createClientKeyer()('203.0.113.7')).not.toBe(createClientKeyer()('203.0.113.7'))
  })
})

describe('SQLite limit counts walk an index', () => {
  it.each([
    ['inquiries', 'client_key', 'inquiries_client_created'],
    ['inquiries', 'openid', 'inquiries_openid_created'],
    ['contact_events', 'client_key', 'contact_events_client_created'],
    ['contact_events', 'openid', 'contact_events_openid_created'],
  ])('%s by %s uses %s', (table, column, index) => {
    const dir = tmpDir('rate-plan')
    const storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
    storage.close()
    const db = new Database(path.join(dir, 'db.sqlite'), { readonly: true })
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM ${table} WHERE ${column} = ? AND created_at >= ?`)
        .all('x', '2026-01-01')
        .map((r) => (r as { detail: string }).detail)
        .join('\n')
      expect(plan).toContain(`USING COVERING INDEX ${index}`)
    } finally {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
