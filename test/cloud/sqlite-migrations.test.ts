/**
 * @jest-environment node
 *
 * Numbered SQLite migrations (issue 7 item 16): a file made by the schema of before migrations
 * (test/cloud/fixtures/schema-before-migrations.sql, taken verbatim from the code of then) is
 * recognised, upgraded without losing a row, and a second open changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import {
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  userVersion,
} from '../../cloudfunctions/api/src/adapters/sqlite/migrations'
import { tmpDir } from './fixtures'

const BEFORE_SQL = fs.readFileSync(path.join(__dirname, 'fixtures', 'schema-before-migrations.sql'), 'utf8')
const TABLES = ['articles', 'settings', 'parks', 'inquiries', 'contact_events'] as const

let dir: string
beforeEach(() => {
  dir = tmpDir('migrations')
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A database file exactly as the code before migrations left it, with a row of every kind. */
function buildOldFile(file: string): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(BEFORE_SQL)
  db.prepare(
    `INSERT INTO articles (id, title, summary, cover, category, tags, author, published_at, views, body)
     VALUES ('a001', '松江厂房政策', '摘要', '', 'policy', '["松江","补贴"]', '招商部', '2026-04-01T10:00:00+08:00', 12, '<p>正文</p>')`,
  ).run()
  db.prepare(`INSERT INTO settings (key, value) VALUES ('agency', ?)`).run(
    JSON.stringify({ name: '园区招商', hotline: '4000123021', mobile: '13524678515', wechatId: 'parkleads' }),
  )
  const park = db.prepare(
    `INSERT INTO parks (id, name, district, type, deal, area_min, area_max, divisible, price_value, price_unit,
       cover, highlights, updated_at, views, featured, search_text, detail)
     VALUES (@id, @name, 'songjiang', 'factory', 'rent', 500, 2000, 1, @price, @unit, '', '["层高8米"]',
       '2026-04-02T09:00:00+08:00', 3, @featured, @name, '{"address":"松江区九亭镇","description":"独栋"}')`,
  )
  park.run({ id: 'p001', name: '松江G60智造园', price: 1.2, unit: 'yuan_m2_day', featured: 1 })
  park.run({ id: 'p002', name: '九亭面议厂房', price: null, unit: null, featured: 0 })
  db.prepare(
    `INSERT INTO inquiries (id, openid, idempotency_key, need_type, area_min, area_max, industry, district, tax_bracket,
       company, contact_name, phone, remark, consent, source, park_id, park_name, article_id, status, flagged,
       created_at, updated_at)
     VALUES ('i1', 'o-old-visitor', 'key-1', 'rent_factory', 500, 1000, '汽车零部件', 'songjiang', NULL,
       '某某科技', '王先生', '13524678515', '想看厂房', 1, 'poster1', 'p001', '松江G60智造园', NULL, 'new', NULL,
       '2026-04-03T01:00:00.000Z', '2026-04-03T01:00:00.000Z')`,
  ).run()
  db.prepare(
    `INSERT INTO contact_events (openid, kind, page, park_id, article_id, source, at, created_at)
     VALUES ('o-old-visitor', 'call', '/packages/park/detail/index', 'p001', NULL, 'poster1',
       '2026-04-03T00:59:00.000Z', '2026-04-03T01:00:01.000Z')`,
  ).run()
  expect(userVersion(db)).toBe(0)
  db.close()
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const rowsOf = (db: Database.Database, table: string) =>
  db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Array<Record<string, unknown>>
const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map(
    (r) => r.name,
  )
const schemaOf = (db: Database.Database) =>
  db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all()

describe('SQLite migrations', () => {
  it('numbers its steps 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_VERSION).toBe(MIGRATIONS.length)
  })

  it('upgrades a file made before migrations: adopts it as step 1, runs the rest, loses nothing', async () => {
    const file = path.join(dir, 'old.sqlite')
    buildOldFile(file)
    const before = readOnly(file, (db) => Object.fromEntries(TABLES.map((t) => [t, rowsOf(db, t)])))

    const storage = openSqliteStorage(file)
    // Step 1 was recognised, not run again; every later step ran.
    expect(storage.migration).toEqual({
      from: 0,
      to: LATEST_VERSION,
      applied: MIGRATIONS.slice(1).map((m) => m.version),
    })

    // Through the ports: the old rows read as before.
    expect((await storage.getArticle('a001'))?.title).toBe('松江厂房政策')
    expect((await storage.getPark('p001'))?.price).toEqual({ value: 1.2, unit: 'yuan_m2_day' })
    expect((await storage.getPark('p002'))?.address).toBe('松江区九亭镇')
    expect((await storage.getAgencyContact())?.hotline).toBe('4000123021')
    expect((await storage.listInquiries('o-old-visitor', 10)).map((r) => [r.id, r.contactName])).toEqual([
      ['i1', '王先生'],
    ])
    expect(await storage.incrementArticleViews('a001')).toBe(13)
    expect(await storage.deleteVisitorData('nobody')).toEqual({ inquiries: 0, events: 0 })
    storage.close()

    readOnly(file, (db) => {
      expect(userVersion(db)).toBe(LATEST_VERSION)
      for (const table of TABLES) {
        const after = rowsOf(db, table)
        // Every old column of every old row is unchanged (views of a001 aside, bumped above).
        const old = before[table].map((row) => (table === 'articles' ? { ...row, views: 13 } : row))
        expect(
          after.map((row) => Object.fromEntries(Object.keys(old[0] ?? {}).map((k) => [k, row[k]]))),
        ).toEqual(old)
      }
      // The columns and indexes this work needs are there.
      expect(columnsOf(db, 'inquiries')).toContain('client_key')
      expect(columnsOf(db, 'contact_events')).toContain('client_key')
      const indexes = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string }>
      ).map((r) => r.name)
      expect(indexes).toEqual(
        expect.arrayContaining([
          'inquiries_client_created',
          'contact_events_client_created',
          'contact_events_openid_created',
        ]),
      )
      expect(indexes).not.toContain('contact_events_openid')
      // Old rows had no address: they count for no address limit.
      expect(rowsOf(db, 'inquiries').map((r) => r.client_key)).toEqual([null])
    })
  })

  it('is a no-op the second time: nothing runs, schema and rows unchanged', () => {
    const file = path.join(dir, 'twice.sqlite')
    buildOldFile(file)
    openSqliteStorage(file).close()
    const snapshot = () =>
      readOnly(file, (db) => ({
        version: userVersion(db),
        schema: schemaOf(db),
        rows: TABLES.map((t) => rowsOf(db, t)),
      }))
    const first = snapshot()
    const again = openSqliteStorage(file)
    expect(again.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, applied: [] })
    again.close()
    expect(snapshot()).toEqual(first)
  })

  it('step 3 turns lots quoted in 万元 into 元/m² unit prices, so a sale price sort has one unit', async () => {
    const file = path.join(dir, 'wan.sqlite')
    buildOldFile(file)
    const db = new Database(file)
    const lot = db.prepare(
      `INSERT INTO parks (id, name, district, type, deal, area_min, area_max, divisible, price_value, price_unit,
         cover, highlights, updated_at, views, featured, search_text, detail)
       VALUES (@id, @name, 'songjiang', 'land', 'sale', @area, @area, 0, @price, @unit, '', '[]',
         '2026-04-02T09:00:00+08:00', 0, 0, @name, '{}')`,
    )
    lot.run({ id: 'p101', name: '整宗工业用地', area: 20000, price: 3000, unit: 'wan' })
    lot.run({ id: 'p102', name: '面积未定地块', area: 0, price: 900, unit: 'wan' })
    lot.run({ id: 'p103', name: '单价厂房', area: 5000, price: 4200, unit: 'yuan_m2' })
    db.close()

    const storage = openSqliteStorage(file)
    // 3000 万元 over 20,000 m² = 1,500 元/m²; a lot without an area cannot be priced per m².
    expect((await storage.getPark('p101'))?.price).toEqual({ value: 1500, unit: 'yuan_m2' })
    expect((await storage.getPark('p102'))?.price).toBeNull()
    expect((await storage.getPark('p103'))?.price).toEqual({ value: 4200, unit: 'yuan_m2' })
    const sorted = await storage.listParks({ deal: 'sale', sort: 'price_asc', limit: 10 })
    expect(sorted.map((p) => p.id)).toEqual(['p101', 'p103', 'p102'])
    expect(new Set(sorted.flatMap((p) => (p.price ? [p.price.unit] : [])))).toEqual(new Set(['yuan_m2']))
    storage.close()
  })

  it('gives a new file the same schema as an upgraded one', () => {
    const fresh = path.join(dir, 'fresh.sqlite')
    const old = path.join(dir, 'old.sqlite')
    const s = openSqliteStorage(fresh)
    expect(s.migration.applied).toEqual(MIGRATIONS.map((m) => m.version))
    s.close()
    buildOldFile(old)
    openSqliteStorage(old).close()
    expect(readOnly(fresh, schemaOf)).toEqual(readOnly(old, schemaOf))
  })

  it('step 1 is the schema of before, exactly', () => {
    const a = new Database(':memory:')
    const b = new Database(':memory:')
    a.exec(BEFORE_SQL)
    b.exec(MIGRATIONS[0].sql)
    expect(schemaOf(b)).toEqual(schemaOf(a))
    a.close()
    b.close()
  })

  it('refuses a file written by newer code and leaves it alone', () => {
    const file = path.join(dir, 'newer.sqlite')
    const db = new Database(file)
    db.pragma(`user_version = ${LATEST_VERSION + 1}`)
    db.close()
    expect(() => openSqliteStorage(file)).toThrow(/newer than this code knows/)
    expect(readOnly(file, userVersion)).toBe(LATEST_VERSION + 1)
  })

  it('rolls a failing step back whole and keeps the version of the last good step', () => {
    const db = new Database(path.join(dir, 'broken.sqlite'))
    const steps = [
      MIGRATIONS[0],
      {
        version: 2,
        name: 'half good',
        sql: 'CREATE TABLE staff (id TEXT PRIMARY KEY); SELECT * FROM no_such_table;',
      },
    ]
    expect(() => migrate(db, 'broken.sqlite', steps)).toThrow(/step 2 \(half good\) failed/)
    expect(userVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'staff'").get()).toEqual({ n: 0 })
    db.close()
  })
})
