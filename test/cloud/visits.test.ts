/**
 * The channel funnel (issue 9 item 4) through the real router over SQLite and over the CloudBase
 * double: `visits.record` (schema, source defaulting to direct, rate limits), every lead carrying
 * a source, the funnel of `stats.charts` per channel and per Beijing day with channel names, the
 * deletion right and the retention purge.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { ChartsData } from '@/domain/charts'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { migrate, MIGRATIONS } from '../../cloudfunctions/api/src/adapters/sqlite/migrations'
import { VISIT_LIMITS } from '../../cloudfunctions/api/src/handlers/visits'
import { runRetention } from '../../cloudfunctions/api/src/jobs/retention'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import * as double from '../doubles/wx-server-sdk'
import { deskEnv, type Backend, type DeskEnv } from './desk-fixtures'
import { tmpDir } from './fixtures'
import { data, errorOf } from './inquiry-fixtures'

const BACKENDS: Backend[] = ['sqlite', 'cloudbase']

const visit = (patch: Record<string, unknown> = {}) => ({
  kind: 'scan',
  at: '2026-05-31T01:00:00.000Z',
  ...patch,
})

describe.each(BACKENDS)('visits.record over %s', (backend) => {
  let env: DeskEnv
  beforeEach(() => {
    env = deskEnv(backend)
    env.clock.set('2026-05-31T02:00:00.000Z')
  })
  afterEach(() => env.close())

  const record = (visits: unknown[], openid = 'o-v1', clientAddress?: string) =>
    env.api({ action: 'visits.record', payload: { visits } }, { openid, source: 'local', clientAddress })
  const charts = async (payload: object = {}) => data<ChartsData>(await env.staff('stats.charts', payload))

  it('stores entries and views with their source; a visit without one is direct', async () => {
    const res = await record([
      visit({ source: 'abc123', page: '/pages/index/index' }),
      visit({ kind: 'direct' }),
      visit({ kind: 'view', parkId: 'p012', source: 'abc123', page: '/packages/park/detail/index' }),
      visit({ kind: 'view', articleId: 'policy-2026-01' }),
    ])
    expect(data(res)).toEqual({ accepted: 4 })
    const out = await charts()
    expect(out.totalEntries).toBe(2)
    expect(out.channels.map((c) => [c.key, c.label, c.entries, c.scan, c.views])).toEqual([
      ['abc123', 'abc123', 1, 1, 1],
      ['direct', '直接访问', 1, 0, 1],
    ])
  })

  it('refuses a malformed batch whole: unknown kind, a view of nothing, a bad source, too many', async () => {
    for (const visits of [
      [visit({ kind: 'click' })],
      [visit({ kind: 'view' })],
      [visit({ kind: 'view', parkId: 'p012', articleId: 'policy-2026-01' })],
      [visit({ source: 'a b' })],
      [visit({ at: 'yesterday' })],
      [],
      Array.from({ length: 21 }, () => visit()),
    ]) {
      expect(errorOf(await record(visits)).code).toBe('VALIDATION')
    }
    expect((await charts()).totalEntries).toBe(0)
  })

  it('needs an identity', async () => {
    expect(errorOf(await record([visit()], '')).code).toBe('BAD_REQUEST')
  })

  it('limits per visitor: a batch is cut to what is left, then refused', async () => {
    const batch = Array.from({ length: 20 }, () => visit({ kind: 'view', parkId: 'p012' }))
    const full = VISIT_LIMITS.visitor.hour / 20
    for (let i = 0; i < full - 1; i++) expect(data(await record(batch))).toEqual({ accepted: 20 })
    expect(data(await record(batch.slice(0, 15)))).toEqual({ accepted: 15 })
    expect(data(await record(batch))).toEqual({ accepted: 5 })
    expect(errorOf(await record(batch)).code).toBe('RATE_LIMITED')
    // Another visitor is not held back; an hour later this one may go on.
    expect(data(await record([visit()], 'o-v2'))).toEqual({ accepted: 1 })
    env.clock.set('2026-05-31T03:00:01.000Z')
    expect(data(await record([visit()]))).toEqual({ accepted: 1 })
  })

  it('limits per address: fresh visitor ids from one address are counted together', async () => {
    const batch = Array.from({ length: 20 }, () => visit({ kind: 'view', parkId: 'p012' }))
    const full = VISIT_LIMITS.address.hour / 20
    for (let i = 0; i < full; i++) {
      expect(data(await record(batch, `o-fresh-${i}`, '203.0.113.9'))).toEqual({ accepted: 20 })
    }
    expect(errorOf(await record(batch, 'o-fresh-x', '203.0.113.9')).code).toBe('RATE_LIMITED')
    expect(data(await record(batch, 'o-fresh-y', '198.51.100.7'))).toEqual({ accepted: 20 })
  }, 60_000)

  it('counts the funnel per channel and per Beijing day, with names, conversion and 其他 past the top 8', async () => {
    const at = (iso: string) => env.clock.set(iso)
    // abc123: scan entries on both sides of Beijing midnight (15:59:59 UTC = 23:59:59 Beijing).
    at('2026-05-30T15:59:59.000Z')
    data(await record([visit({ source: 'abc123' })], 'o-a'))
    at('2026-05-30T16:00:00.000Z')
    data(
      await record(
        [
          visit({ source: 'abc123' }),
          visit({ kind: 'share', source: 'abc123' }),
          visit({ kind: 'view', parkId: 'p012', source: 'abc123' }),
          visit({ kind: 'view', parkId: 'p013', source: 'abc123' }),
        ],
        'o-b',
      ),
    )
    const tap = await env.visitor(
      'events.record',
      {
        events: [
          {
            kind: 'call',
            page: '/packages/park/detail/index',
            source: 'abc123',
            at: '2026-05-30T16:00:00.000Z',
          },
        ],
      },
      'o-b',
    )
    expect(tap.ok).toBe(true)
    await env.submit('o-b', { context: { source: 'abc123', parkId: 'p012' } })
    // Direct: an entry, a tap without a source and a lead without one.
    at('2026-05-31T03:00:00.000Z')
    data(await record([visit({ kind: 'direct' })], 'o-c'))
    data(
      await env.visitor(
        'events.record',
        { events: [{ kind: 'copy-wechat', page: '/pages/index/index', at: '2026-05-31T03:00:00.000Z' }] },
        'o-c',
      ),
    )
    await env.submit('o-c', { context: {} })
    // Ten more channels with one scan each: the two ranked last fall into 其他.
    for (let i = 0; i < 10; i++) data(await record([visit({ source: `zz${i}` })], `o-z${i}`))
    // Outside the range (2026-05-01 is 31 days back): not counted.
    at('2026-04-30T15:00:00.000Z')
    data(await record([visit({ source: 'abc123' })], 'o-old'))

    env.clock.set('2026-05-31T15:00:00.000Z')
    const out = await charts()
    expect(out.totalEntries).toBe(14)
    expect(out.channels[0]).toEqual({
      key: 'abc123',
      label: 'abc123',
      entries: 3,
      scan: 2,
      share: 1,
      views: 2,
      taps: 1,
      leads: 1,
      conversion: 33.3,
      // Bars are shares of the largest row: 其他 sums four channels (4 entries).
      pct: 75,
    })
    expect(out.channels[1]).toMatchObject({
      key: 'direct',
      label: '直接访问',
      entries: 1,
      taps: 1,
      leads: 1,
      conversion: 100,
    })
    expect(out.channels).toHaveLength(9)
    expect(out.channels.slice(2, 8).map((c) => c.key)).toEqual(['zz0', 'zz1', 'zz2', 'zz3', 'zz4', 'zz5'])
    expect(out.channels[8]).toMatchObject({ key: '*', label: '其他', entries: 4, leads: 0, pct: 100 })

    // Per day for the top 4: the midnight pair split across 05-30 and 05-31 Beijing.
    expect(out.channelDays.map((s) => s.key)).toEqual(['abc123', 'direct', 'zz0', 'zz1'])
    const abc = out.channelDays[0].days
    expect(abc).toHaveLength(30)
    const day = (date: string) => abc.find((d) => d.date === date)
    expect(day('2026-05-30')).toMatchObject({ entries: 1, scan: 1, views: 0, leads: 0, entriesPct: 50 })
    expect(day('2026-05-31')).toMatchObject({
      entries: 2,
      scan: 1,
      share: 1,
      views: 2,
      taps: 1,
      leads: 1,
      entriesPct: 100,
      leadsPct: 50,
    })
    expect(abc.filter((d) => d.entries === 0)).toHaveLength(28)
    // Leads by source name the direct ones 直接访问 too.
    expect(out.sources.map((s) => [s.key, s.label])).toEqual([
      ['abc123', 'abc123'],
      ['direct', '直接访问'],
    ])
  })

  it('names channels through ApiDeps.channelNames; an unnamed code shows itself; a failing lookup shows codes', async () => {
    const asked: string[][] = []
    const named = deskEnv(backend, {
      channelNames: async (codes) => {
        asked.push([...codes].sort())
        return { abc123: '2026 工博会展位' }
      },
    })
    const failing = deskEnv(backend, {
      channelNames: async () => {
        throw new Error('store down')
      },
    })
    try {
      for (const e of [named, failing]) {
        e.clock.set('2026-05-31T02:00:00.000Z')
        for (const source of ['abc123', 'qq7777'])
          data(
            await e.api(
              { action: 'visits.record', payload: { visits: [visit({ source })] } },
              { openid: 'o-n', source: 'local' },
            ),
          )
        data(
          await e.api(
            { action: 'visits.record', payload: { visits: [visit({ kind: 'direct' })] } },
            { openid: 'o-n', source: 'local' },
          ),
        )
        await e.submit('o-n', { context: { source: 'abc123' } })
      }
      const a = data<ChartsData>(await named.staff('stats.charts', {}))
      expect(a.channels.map((c) => c.label)).toEqual(['2026 工博会展位', 'qq7777', '直接访问'])
      expect(a.sources.map((s) => s.label)).toEqual(['2026 工博会展位'])
      // 'direct' is never asked for: it has its own label.
      expect(asked).toEqual([['abc123', 'qq7777']])
      const b = data<ChartsData>(await failing.staff('stats.charts', {}))
      expect(b.channels.map((c) => c.label)).toEqual(['abc123', 'qq7777', '直接访问'])
    } finally {
      named.close()
      failing.close()
    }
  })

  it('every lead carries a source: direct when the form had none', async () => {
    await env.submit('o-d', { context: {} })
    await env.submit('o-d', { context: { source: 'abc123' } })
    const mine = await env.visitor('inquiries.mine', {}, 'o-d')
    expect(mine.ok).toBe(true)
    const page = data<{ items: Array<{ source?: string }> }>(await env.staff('leads.list', {}))
    expect(page.items.map((l) => l.source).sort()).toEqual(['abc123', 'direct'])
  })

  it('the deletion right takes the visitor’s visits too', async () => {
    data(await record([visit(), visit({ kind: 'view', parkId: 'p012' })], 'o-del'))
    data(await record([visit()], 'o-keep'))
    const res = data<{ deletedInquiries: number; deletedEvents: number }>(
      await env.visitor('inquiries.deleteMine', {}, 'o-del'),
    )
    expect(res).toEqual({ deletedInquiries: 0, deletedEvents: 2 })
    expect((await charts()).totalEntries).toBe(1)
  })
})

describe('leads of before carry a source', () => {
  it('SQLite: the visits step backfills direct into leads stored without one', () => {
    const dir = tmpDir('visits-mig')
    const file = path.join(dir, 'old.sqlite')
    const db = new Database(file)
    const before = MIGRATIONS.findIndex((m) => m.sql.includes('CREATE TABLE visits'))
    expect(before).toBeGreaterThan(0)
    migrate(db, file, MIGRATIONS.slice(0, before))
    const insert = db.prepare(
      `INSERT INTO inquiries (id, openid, idempotency_key, need_type, contact_name, phone, consent, source, status, created_at, updated_at)
       VALUES (?, 'o-old', ?, 'other', '李', '13524678515', 1, ?, 'new', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    )
    insert.run('i-none', 'key-none-0000000001', null)
    insert.run('i-empty', 'key-empty-000000001', '')
    insert.run('i-src', 'key-src-00000000001', 'pst01')
    db.close()
    const storage = openSqliteStorage(file)
    try {
      const rows = new Database(file, { readonly: true })
        .prepare('SELECT id, source FROM inquiries ORDER BY id')
        .all()
      expect(rows).toEqual([
        { id: 'i-empty', source: 'direct' },
        { id: 'i-none', source: 'direct' },
        { id: 'i-src', source: 'pst01' },
      ])
    } finally {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('CloudBase: a lead document without a source reads as direct, on the desk and in the charts', async () => {
    const env = deskEnv('cloudbase')
    try {
      env.clock.set('2026-05-31T02:00:00.000Z')
      double.__seed('inquiries', [
        {
          _id: 'legacy-1',
          openid: 'o-legacy',
          idempotencyKey: 'legacy-key-00000001',
          needType: 'other',
          industry: '',
          company: '',
          contactName: '李',
          phone: '13524678515',
          remark: '',
          consent: true,
          status: 'new',
          stage: 'new',
          version: 1,
          createdAt: '2026-05-30T02:00:00.000Z',
          updatedAt: '2026-05-30T02:00:00.000Z',
        },
      ])
      const lead = data<{ lead: { source?: string } }>(await env.staff('leads.get', { id: 'legacy-1' }))
      expect(lead.lead.source).toBe('direct')
      const out = data<ChartsData>(await env.staff('stats.charts', {}))
      expect(out.sources).toEqual([{ key: 'direct', label: '直接访问', count: 1, pct: 100 }])
      expect(out.channels).toMatchObject([{ key: 'direct', leads: 1, entries: 0, conversion: null }])
    } finally {
      env.close()
    }
  })
})

describe('retention: visits go with the leads’ period', () => {
  it('SQLite: the daily purge deletes visits stored before the cut-off, not at it', async () => {
    const dir = tmpDir('visits-ret')
    const storage = openSqliteStorage(path.join(dir, 'r.sqlite'))
    try {
      const CUT = '2024-12-01T01:00:00.000Z'
      const gone = '2024-12-01T00:59:59.999Z'
      const base = { openid: 'o-r', kind: 'scan' as const, source: 'abc123' }
      await storage.visits.insertVisits(
        [
          { ...base, at: gone, createdAt: gone },
          { ...base, at: CUT, createdAt: CUT },
        ],
        [],
      )
      const summary = await runRetention(
        {
          retention: storage,
          visits: storage.visits,
          logger: silentLogger,
          retentionConfig: { leadMonths: 24, invalidLeadMonths: 6 },
        },
        new Date('2026-12-01T01:00:00.000Z'),
      )
      expect(summary.visits).toBe(1)
      expect(await storage.visits.deleteVisitor('o-r')).toBe(1)
    } finally {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
