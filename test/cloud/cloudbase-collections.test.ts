/**
 * @jest-environment node
 *
 * The CloudBase path is true (issue 7 item 17): every collection and index comes from one list
 * (adapters/cloudbase-collections.ts). The README's table is that list; the setup step creates
 * what is missing; every query the adapters make touches a listed collection and walks a listed
 * index; README, config.json and the code agree on the function's timeout.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ContactEvent } from '@/domain/inquiry'
import type { Park } from '@/domain/park'
import { MAX_REQUEST_BYTES } from '@/domain/result'
import { createCloudbaseCharts } from '../../cloudfunctions/api/src/adapters/cloudbase-charts'
import { createCloudbaseLeadDesk } from '../../cloudfunctions/api/src/adapters/cloudbase-desk'
import { createCloudbaseAlertStore } from '../../cloudfunctions/api/src/adapters/cloudbase-deliveries'
import { createCloudbaseLeadStore } from '../../cloudfunctions/api/src/adapters/cloudbase-leads'
import {
  CLOUDBASE_COLLECTIONS,
  COLLECTIONS,
  collectionsTable,
  FUNCTION_TIMEOUT_S,
  type CollectionSpec,
  type IndexSpec,
} from '../../cloudfunctions/api/src/adapters/cloudbase-collections'
import { setupCloudbase } from '../../cloudfunctions/api/src/adapters/cloudbase-setup'
import {
  createCloudbaseStorage,
  toCloudArticle,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createKeywordContentCheck } from '../../cloudfunctions/api/src/adapters/keyword-content-check'
import {
  CONTENT_CHECK_TIMEOUT_MS,
  LOCATE_TIMEOUT_MS,
  NOTIFY_TIMEOUT_MS,
} from '../../cloudfunctions/api/src/handlers/inquiries'
import { createCloudMain } from '../../cloudfunctions/api/src/index'
import {
  createCloudbaseAuditLog,
  createCloudbaseStaffStore,
} from '../../cloudfunctions/api/src/adapters/cloudbase-staff'
import { createCloudbaseExportStore } from '../../cloudfunctions/api/src/adapters/cloudbase-export'
import {
  createCloudbaseChannelStore,
  createCloudCodeFiles,
} from '../../cloudfunctions/api/src/adapters/cloudbase-channels'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import { createApi } from '../../cloudfunctions/api/src/router'
import { makeSyntheticParks } from '../../server/synthetic'
import * as double from '../doubles/wx-server-sdk'
import { agency, edgeParks, makeArticles } from './fixtures'
import { data, inquiry } from './inquiry-fixtures'

const ROOT = path.resolve(__dirname, '../..')
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const specs = CLOUDBASE_COLLECTIONS as readonly CollectionSpec[]

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim())

describe('one list of collections and indexes', () => {
  it('is the README table (compared cell by cell, so Prettier may align it)', () => {
    const begin = README.indexOf('<!-- cloudbase-collections:')
    const end = README.indexOf('<!-- /cloudbase-collections -->')
    expect(begin).toBeGreaterThan(-1)
    const block = README.slice(README.indexOf('-->', begin) + 3, end)
    const rows = block
      .split('\n')
      .filter((l) => l.trim().startsWith('|'))
      .filter((l) => !/^\|\s*-/.test(l.trim()))
      .map(cells)
    const expected = collectionsTable()
      .filter((l) => !/^\|\s*-/.test(l))
      .map(cells)
    expect(rows).toEqual(expected)
  })

  it('names every collection the adapters use, and nothing else', () => {
    expect(new Set(Object.values(COLLECTIONS))).toEqual(new Set(specs.map((c) => c.name)))
    expect(specs.map((c) => c.name)).toEqual(expect.arrayContaining(['parks', 'articles', 'inquiries']))
  })

  it('has unique index names per collection', () => {
    for (const c of specs) expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length)
  })
})

describe('function timeout', () => {
  it('README step 6, config.json and the code agree', () => {
    const stated = [...README.matchAll(/timeout \*\*(\d+) s\*\*/g)].map((m) => Number(m[1]))
    expect(stated).toEqual([FUNCTION_TIMEOUT_S])
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions/api/config.json'), 'utf8'))
    // config.json carries the cloud-call permissions; it must not claim another timeout.
    expect(config.timeout ?? FUNCTION_TIMEOUT_S).toBe(FUNCTION_TIMEOUT_S)
    expect(config.permissions.openapi).toContain('security.msgSecCheck')
  })

  it('fits the longest submission the handler allows, with room for the database', () => {
    const bounded = CONTENT_CHECK_TIMEOUT_MS + LOCATE_TIMEOUT_MS + NOTIFY_TIMEOUT_MS
    expect(bounded + 3000).toBeLessThanOrEqual(FUNCTION_TIMEOUT_S * 1000)
  })
})

describe('setup step', () => {
  beforeEach(() => double.__reset())
  const db = () => double.database() as unknown as CloudDatabase

  it('creates every missing collection, keeps existing ones, lists every index', async () => {
    double.__seed('articles', [])
    const report = await setupCloudbase(db(), 10_000)
    expect(report.collections).toEqual(
      specs.map((c) => ({ name: c.name, status: c.name === 'articles' ? 'exists' : 'created' })),
    )
    expect(report.indexes).toHaveLength(specs.reduce((n, c) => n + c.indexes.length, 0))
    expect(report.indexes).toContain('parks.newest (updatedAt desc, _id desc) — newest parks')
    expect(report.timeout).toEqual({ expectedSeconds: FUNCTION_TIMEOUT_S, configuredSeconds: 10, ok: true })
    // Idempotent: the second run creates nothing.
    const again = await setupCloudbase(db(), 3000)
    expect(again.collections.every((c) => c.status === 'exists')).toBe(true)
    expect(again.timeout.ok).toBe(false)
  })

  it('reports a collection it could neither create nor read', async () => {
    const real = db()
    const broken: CloudDatabase = {
      ...real,
      createCollection: async () => {
        throw new Error('permission denied')
      },
      collection: () => {
        throw new Error('DATABASE_COLLECTION_NOT_EXIST')
      },
    }
    const report = await setupCloudbase(broken)
    expect(report.collections[0]).toEqual({ name: 'articles', status: 'failed', error: 'permission denied' })
    expect(report.timeout).toEqual({ expectedSeconds: FUNCTION_TIMEOUT_S })
  })

  it('runs from the deployed entry only with the SETUP_TOKEN, never for a caller without it', async () => {
    const token = 'a-long-random-setup-token'
    const main = createCloudMain({ logger: silentLogger, env: { SETUP_TOKEN: token } })
    const res = await main({ setup: token }, { time_limit_in_ms: 10_000 })
    expect(res.ok).toBe(true)
    expect(double.database().createCollection).toHaveBeenCalledTimes(specs.length)
    const wrong = await main({ setup: 'a-long-random-setup-tokeN' }, {})
    expect(wrong).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    // No SETUP_TOKEN configured (the normal state): nothing is a setup call.
    const closed = createCloudMain({ logger: silentLogger, env: {} })
    expect((await closed({ setup: '' }, {})).ok).toBe(false)
    expect((await closed({ setup: token }, {})).ok).toBe(false)
    expect(double.database().createCollection).toHaveBeenCalledTimes(specs.length)
  })
})

describe('setup import: sample content through toCloudArticle / toCloudPark', () => {
  const token = 'a-long-random-setup-token'
  beforeEach(() => double.__reset())

  it('writes missing documents with their derived fields; the api then lists and searches them', async () => {
    const main = createCloudMain({ logger: silentLogger, env: { SETUP_TOKEN: token } })
    const parks: Park[] = edgeParks()
    const articles = makeArticles(4)
    const first = await main({ setup: token, import: { parks, articles, agency } }, {})
    expect(first.ok && (first.data as any).imported).toEqual({
      inserted: parks.length + articles.length + 1,
      kept: 0,
    })
    const stored = double.__peek('parks', parks[0].id)!
    expect(stored).toMatchObject({ searchText: expect.any(String), priceAsc: expect.any(Number) })
    // Run again: nothing is overwritten (view counts and edits survive).
    const again = await main({ setup: token, import: { parks } }, {})
    expect(again.ok && (again.data as any).imported).toEqual({ inserted: 0, kept: parks.length })
    // The normal api reads them as any park.
    const list = await main({ action: 'parks.list', payload: { keyword: parks[0].name.slice(0, 2) } }, {})
    expect(list.ok && (list.data as any).items.map((p: Park) => p.id)).toContain(parks[0].id)
  })

  it("imports the repository's mock/ content as README step 5 says: one kind per call, each under 100 KB", async () => {
    const main = createCloudMain({ logger: silentLogger, env: { SETUP_TOKEN: token } })
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'mock', name), 'utf8'))
    const calls = [
      { parks: read('parks.json') },
      { articles: read('articles.json') },
      { agency: read('agency.json') },
    ]
    for (const content of calls) {
      const event = { setup: token, import: content }
      expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(MAX_REQUEST_BYTES)
      const res = await main(event, {})
      expect(res.ok).toBe(true)
    }
    expect(double.__all('parks')).toHaveLength(calls[0].parks.length)
    expect(double.__all('articles')).toHaveLength(calls[1].articles.length)
    const home = await main({ action: 'home.get', payload: {} }, {})
    expect(home.ok && (home.data as any).contact.hotline).toBe(calls[2].agency.hotline)
  })

  it('writes nothing when one record is malformed, and says which', async () => {
    const main = createCloudMain({ logger: silentLogger, env: { SETUP_TOKEN: token } })
    const parks = [...edgeParks().slice(0, 2), { ...edgeParks()[0], id: 'BAD ID' }]
    const res = await main({ setup: token, import: { parks } }, {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('BAD ID') },
    })
    expect(double.__all('parks')).toEqual([])
  })
})

/*
 * Every query the adapters make, recorded through a wrapper around the double, must touch a
 * listed collection and walk a listed index: past the leading equality fields an index takes
 * (any of the query's top-level equalities), its next fields are the query's sort; a query
 * without a sort (a count, a deletion) needs an index led by one of its equality fields. Lookups
 * by `_id` need none.
 */
interface Recorded {
  collection: string
  equal: string[]
  order: Array<[string, 'asc' | 'desc']>
}

function topLevelEqualities(condition: unknown): string[] {
  if (!condition || typeof condition !== 'object') return []
  const logic = condition as { op?: unknown; conditions?: unknown }
  if (Object.getOwnPropertySymbols(condition).length > 0) {
    // A command: descend into _.and only (an _.or is a keyset cursor, not a filter to index).
    return logic.op === 'and' && Array.isArray(logic.conditions)
      ? logic.conditions.flatMap(topLevelEqualities)
      : []
  }
  return Object.entries(condition)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k]) => k)
}

function recordingDb(real: CloudDatabase, log: Recorded[]): CloudDatabase {
  const wrap = (name: string, q: any, state: { where?: unknown; order: Recorded['order'] }): any => ({
    where: (c: object) => wrap(name, q.where(c), { ...state, where: c }),
    orderBy: (f: string, d: 'asc' | 'desc') =>
      wrap(name, q.orderBy(f, d), { ...state, order: [...state.order, [f, d]] }),
    field: (p: Record<string, boolean>) => wrap(name, q.field(p), state),
    limit: (n: number) => wrap(name, q.limit(n), state),
    get: () => {
      log.push({ collection: name, equal: topLevelEqualities(state.where), order: state.order })
      return q.get()
    },
    count: () => {
      log.push({ collection: name, equal: topLevelEqualities(state.where), order: [] })
      return q.count()
    },
    remove: () => {
      log.push({ collection: name, equal: topLevelEqualities(state.where), order: [] })
      return q.remove()
    },
    update: (o: { data: Record<string, unknown> }) => {
      log.push({ collection: name, equal: topLevelEqualities(state.where), order: [] })
      return q.update(o)
    },
    doc: (id: string) => {
      log.push({ collection: name, equal: ['_id'], order: [] })
      return q.doc(id)
    },
    add: (o: { data: Record<string, unknown> }) => {
      log.push({ collection: name, equal: ['_id'], order: [] })
      return q.add(o)
    },
  })
  return { ...real, collection: (name: string) => wrap(name, real.collection(name), { order: [] }) }
}

function served(q: Recorded, index: IndexSpec): boolean {
  const fields = index.fields
  let k = 0
  while (k < fields.length && q.equal.includes(fields[k][0])) k++
  if (q.order.length === 0) return k > 0
  const rest = fields.slice(k)
  const m = Math.min(rest.length, q.order.length)
  if (m === 0) return false
  const same = (flip: boolean) =>
    rest
      .slice(0, m)
      .every(([f, o], i) => f === q.order[i][0] && (flip ? o !== q.order[i][1] : o === q.order[i][1]))
  return same(false) || same(true)
}

describe('every adapter query walks a listed index', () => {
  it('parks, articles, home, leads and events', async () => {
    double.__reset()
    const parks: Park[] = [...makeSyntheticParks(40, 3), ...edgeParks()]
    double.__seed('parks', parks.map(toCloudPark))
    double.__seed('articles', makeArticles(12).map(toCloudArticle))
    double.__seed('settings', [{ _id: 'agency', ...agency }])
    const log: Recorded[] = []
    const db = recordingDb(double.database() as unknown as CloudDatabase, log)
    const api = createApi({
      storage: createCloudbaseStorage(db),
      leads: createCloudbaseLeadStore(db),
      desk: createCloudbaseLeadDesk(db),
      contentCheck: createKeywordContentCheck(),
      staff: createCloudbaseStaffStore(db),
      audit: createCloudbaseAuditLog(db),
      staffInviteCode: 'INDEX-CHECK-OWNER',
    })
    const call = async (action: string, payload: unknown, openid = 'o-index') =>
      data<any>(await api({ action, payload }, { openid, source: 'cloud', clientAddress: '203.0.113.7' }))

    const article = (await call('articles.list', { limit: 3 })).items[0]
    const page = await call('articles.list', { limit: 3 })
    await call('articles.list', { limit: 3, cursor: page.nextCursor })
    await call('articles.list', { limit: 3, category: article.category })
    await call('articles.list', { limit: 3, tag: article.tags[0] })
    await call('articles.list', { limit: 3, keyword: '政策' })
    await call('articles.get', { id: article.id })
    for (const sort of ['newest', 'area_asc', 'area_desc', 'price_asc', 'price_desc']) {
      for (const filters of [
        {},
        { district: parks[0].district },
        { district: parks[0].district, type: parks[0].type },
        { deal: parks[0].deal },
      ]) {
        // A price sort ranks within one deal (the schema refuses one without).
        const scoped =
          sort.startsWith('price') && !('deal' in filters) ? { ...filters, deal: parks[0].deal } : filters
        const first = await call('parks.list', { sort, limit: 5, ...scoped })
        if (first.nextCursor)
          await call('parks.list', { sort, limit: 5, ...scoped, cursor: first.nextCursor })
      }
    }
    await call('parks.get', { id: parks[0].id })
    await call('home.get', {})
    await call('inquiries.submit', inquiry())
    await call('inquiries.mine', {})
    const events: ContactEvent[] = [
      { kind: 'call', page: '/pages/index/index', at: new Date().toISOString() },
    ]
    await call('events.record', { events })
    // The staff side (issue 8): a failed claim (counted), the first owner, an invite and its use.
    const staffCall = (action: string, payload: unknown, openid = 'o-index') =>
      api({ action, payload }, { openid, source: 'cloud', clientAddress: '203.0.113.7' })
    await staffCall('staff.claim', { name: '甲', mobile: '13524678515', code: 'WRONG-CODE' })
    await call('staff.claim', { name: '甲', mobile: '13524678515', code: 'INDEX-CHECK-OWNER' })
    // The lead desk (issue 8 items 5–8), as that owner.
    const desk = await call('leads.list', { limit: 1 })
    await call('leads.list', { limit: 1, cursor: desk.nextCursor })
    for (const filters of [
      { stage: 'new' },
      { source: 'pst01' },
      { parkId: 'p012' },
      { assigneeId: 'none' },
      { assigneeId: 's-agent' },
      { from: '2026-01-01', to: '2026-12-31' },
      { q: '王' },
      { q: '8515' },
    ])
      await call('leads.list', filters)
    const lead = desk.items[0]
    await call('leads.get', { id: lead.id })
    await call('leads.update', { id: lead.id, version: 1, stage: 'contacted', nextFollowUp: '2026-01-01' })
    await call('leads.update', { id: lead.id, version: 2, assigneeId: null })
    await call('leads.addNote', { id: lead.id, body: '已联系' })
    await call('leads.get', { id: lead.id })
    await call('leads.stats', {})
    await call('inquiries.deleteMine', {})
    const invite = await call('staff.invite', { role: 'agent' })
    const agent = await call(
      'staff.claim',
      { name: '乙', mobile: '13524678516', code: invite.code },
      'o-agent',
    )
    await call('staff.me', {})
    await call('staff.list', {})
    await call('staff.deactivate', { id: agent.member.id })

    const names = new Set(specs.map((c) => c.name))
    expect(log.length).toBeGreaterThan(50)
    const unserved = log
      .filter((q) => !q.equal.includes('_id'))
      .filter((q) => q.equal.length > 0 || q.order.length > 0)
      .filter((q) => !specs.find((c) => c.name === q.collection)?.indexes.some((i) => served(q, i)))
    expect([...new Set(log.map((q) => q.collection))].every((n) => names.has(n))).toBe(true)
    expect(unserved).toEqual([])
  }, 30_000)

  it('the export pages and the retention purge (issue 8 items 12, 14)', async () => {
    double.__reset()
    const log: Recorded[] = []
    const store = createCloudbaseExportStore(recordingDb(double.database() as unknown as CloudDatabase, log))
    const range = { since: '2026-01-01T00:00:00.000Z', until: '2026-02-01T00:00:00.000Z' }
    await store.leadsPage(range, null, 1000)
    await store.leadsPage(range, { createdAt: range.since, id: 'x' }, 1000)
    await store.purgeOlderThan(range.since)
    await store.purgeStageOlderThan('invalid', range.since)
    expect(log.length).toBe(5)
    const unserved = log
      .filter((q) => q.equal.length > 0 || q.order.length > 0)
      .filter((q) => !specs.find((c) => c.name === q.collection)?.indexes.some((i) => served(q, i)))
    expect(log.filter((q) => q.equal.length > 0 || q.order.length > 0)).toHaveLength(3)
    expect(unserved).toEqual([])
  })

  it('lead alerts: deliveries, subscriptions and the digest reads', async () => {
    double.__reset()
    const log: Recorded[] = []
    const db = recordingDb(double.database() as unknown as CloudDatabase, log)
    const store = createCloudbaseAlertStore(db)
    const notice = {
      inquiryId: 'i1',
      status: 'new' as const,
      needType: 'rent-factory' as const,
      maskedPhone: '135****8515',
      createdAt: '2026-05-01T02:00:00.000Z',
    }
    const at = '2026-05-01T02:00:00.000Z'
    await store.addDeliveries([
      {
        id: 'i1:robot:',
        inquiryId: 'i1',
        channel: 'robot',
        recipient: '',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        history: [],
        notice,
        createdAt: at,
        updatedAt: at,
      },
    ])
    const [due] = await store.dueDeliveries('2026-05-01T03:00:00.000Z', 10)
    expect(await store.claimDelivery(due.id, '2026-05-01T03:00:00.000Z', '2026-05-01T03:01:00.000Z')).toBe(
      true,
    )
    await store.saveDelivery({ ...due, status: 'sent', attempts: 1 })
    await store.deliveriesOf('i1')
    await store.addSubscriptions('s1', 2, at)
    await store.takeSubscription('s1', at)
    await store.clearSubscriptions('s1', at)
    await store.subscriptionsLeft('s1')
    await store.leadsBetween('2026-04-30T16:00:00.000Z', '2026-05-01T16:00:00.000Z', 200)
    await store.staleNewLeads('2026-05-01T01:00:00.000Z', 200)

    const unserved = log
      .filter((q) => !q.equal.includes('_id'))
      .filter((q) => q.equal.length > 0 || q.order.length > 0)
      .filter((q) => !specs.find((c) => c.name === q.collection)?.indexes.some((i) => served(q, i)))
    expect(new Set(log.map((q) => q.collection))).toEqual(
      new Set(['deliveries', 'staff_alerts', 'inquiries']),
    )
    expect(unserved).toEqual([])
  })

  it('the charts: paged reads of leads and taps over the createdAt indexes (issue 8 item 13)', async () => {
    double.__reset()
    // 1,001 leads: the walk needs a second page, through the keyset cursor.
    double.__seed(
      'inquiries',
      Array.from({ length: 1001 }, (_, i) => ({
        _id: `c${String(i).padStart(5, '0')}`,
        createdAt: '2026-05-10T02:00:00.000Z',
        stage: 'new',
        status: 'new',
      })),
    )
    const log: Recorded[] = []
    const charts = createCloudbaseCharts(recordingDb(double.database() as unknown as CloudDatabase, log))
    const range = { since: '2026-05-01T16:00:00.000Z', until: '2026-05-31T16:00:00.000Z' }
    expect((await charts.leadCounts(range)).byDay).toEqual([{ date: '2026-05-10', count: 1001 }])
    await charts.tapsByKind(range)
    expect(log.map((q) => q.collection)).toEqual(['inquiries', 'inquiries', 'contact_events'])
    const unserved = log.filter(
      (q) => !specs.find((c) => c.name === q.collection)?.indexes.some((i) => served(q, i)),
    )
    expect(log.every((q) => q.order.length > 0)).toBe(true)
    expect(unserved).toEqual([])
  })

  it('channels and mini-program codes (issue 9)', async () => {
    double.__reset()
    const log: Recorded[] = []
    const db = recordingDb(double.database() as unknown as CloudDatabase, log)
    const channels = createCloudbaseChannelStore(db)
    const fields = { name: '展位', nameKey: '展位', createdAt: '2026-05-01T02:00:00.000Z', createdBy: 's1' }
    expect(await channels.createChannel({ code: 'abc123', createdByName: '甲', ...fields })).toBe('created')
    expect(await channels.createChannel({ code: 'abc124', createdByName: '甲', ...fields })).toBe(
      'name-taken',
    )
    expect(
      await channels.createChannel({
        code: 'abc123',
        createdByName: '甲',
        ...fields,
        name: '乙',
        nameKey: '乙',
      }),
    ).toBe('code-taken')
    await channels.listChannels()
    expect((await channels.findChannel('abc123'))?.name).toBe('展位')
    const files = createCloudCodeFiles(double, db)
    const key = 'f'.repeat(40)
    const record = {
      key,
      scene: 'home',
      page: 'pages/index/index',
      width: 430,
      createdAt: fields.createdAt,
      createdBy: 's1',
    }
    const stored = await files.save(record, {
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0]),
      contentType: 'image/png',
    })
    await files.save(record, {
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1]),
      contentType: 'image/png',
    })
    expect(await files.find(key)).toEqual(stored)
    expect(await files.urlOf(stored)).toMatch(/^https:/)

    expect(new Set(log.map((q) => q.collection))).toEqual(new Set(['channels', 'mini_codes']))
    const unserved = log
      .filter((q) => !q.equal.includes('_id'))
      .filter((q) => q.equal.length > 0 || q.order.length > 0)
      .filter((q) => !specs.find((c) => c.name === q.collection)?.indexes.some((i) => served(q, i)))
    expect(log.filter((q) => !q.equal.includes('_id')).length).toBeGreaterThanOrEqual(3)
    expect(unserved).toEqual([])
  })

  it('the check bites: a sort no index covers is reported', () => {
    const parksSpec = specs.find((c) => c.name === 'parks')!
    expect(
      parksSpec.indexes.some((i) =>
        served({ collection: 'parks', equal: [], order: [['views', 'desc']] }, i),
      ),
    ).toBe(false)
    expect(
      specs
        .find((c) => c.name === 'inquiries')!
        .indexes.some((i) => served({ collection: 'inquiries', equal: ['contactName'], order: [] }, i)),
    ).toBe(false)
  })
})
