import Database from 'better-sqlite3'
import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import { INQUIRY_STATUSES, type InquiryStatus, type NeedType, type TaxBracket } from '@/domain/inquiry'
import {
  DEALS,
  DISTRICTS,
  LISTING_TYPES,
  PRICE_UNITS,
  type Deal,
  type District,
  type ListingType,
  type Park,
  type ParkSort,
  type ParkSummary,
  type PriceUnit,
} from '@/domain/park'
import { PARK_ID_RE } from '@/domain/schemas'
import type {
  ContactEventRecord,
  FlagReason,
  InquiryRecord,
  InsertInquiryOutcome,
  LeadStore,
  RateLimit,
} from '../ports/lead-store'
import { PRICE_NULL_ASC_KEY, PRICE_NULL_DESC_KEY, sortKeyOf } from '../ports/park-order'
import { likeContains, parkSearchText } from '../ports/search'
import type { ListArticlesQuery, ListParksQuery, StoragePort } from '../ports/storage'

/** What the local seed holds: mock/articles.json, mock/parks.json, mock/agency.json. */
export interface SeedData {
  articles: Article[]
  parks?: Park[]
  agency?: AgencyContact | null
}

/**
 * The local runtime's storage: one SQLite file, WAL mode, sync calls behind the async ports. It
 * holds the catalogue (StoragePort) and the leads (LeadStore) on one connection.
 */
export interface SqliteStorage extends StoragePort, LeadStore {
  readonly file: string
  /** Inserts what is missing and never overwrites (view counts survive restarts). Returns rows inserted. */
  seedFromMock(seed: SeedData): number
  close(): void
}

/*
 * Leads (personal data). One row per (openid, idempotency_key): the UNIQUE constraint is the
 * backstop, the check inside insertInquiry's IMMEDIATE transaction the rule. (openid, created_at)
 * serves the rate-limit counts and "my inquiries"; created_at alone the staff list
 * (scripts/leads.mjs). Times are UTC ISO strings of one width, so text order is time order.
 */
const LEAD_SCHEMA = `
CREATE TABLE IF NOT EXISTS inquiries (
  id              TEXT PRIMARY KEY,
  openid          TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  need_type       TEXT NOT NULL,
  area_min        INTEGER,
  area_max        INTEGER,
  industry        TEXT NOT NULL DEFAULT '',
  district        TEXT,
  tax_bracket     TEXT,
  company         TEXT NOT NULL DEFAULT '',
  contact_name    TEXT NOT NULL,
  phone           TEXT NOT NULL,
  remark          TEXT NOT NULL DEFAULT '',
  consent         INTEGER NOT NULL CHECK (consent = 1),
  source          TEXT,
  park_id         TEXT,
  park_name       TEXT,
  article_id      TEXT,
  status          TEXT NOT NULL CHECK (status IN (${INQUIRY_STATUSES.map((st) => `'${st}'`).join(', ')})),
  flagged         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (openid, idempotency_key)
);
CREATE INDEX IF NOT EXISTS inquiries_openid_created ON inquiries (openid, created_at);
CREATE INDEX IF NOT EXISTS inquiries_created ON inquiries (created_at);
CREATE TABLE IF NOT EXISTS contact_events (
  id         INTEGER PRIMARY KEY,
  openid     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  page       TEXT NOT NULL,
  park_id    TEXT,
  article_id TEXT,
  source     TEXT,
  at         TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_events_openid ON contact_events (openid);
CREATE INDEX IF NOT EXISTS contact_events_created ON contact_events (created_at);
`

/*
 * parks: a real column for everything a filter or a sort reads, JSON (`detail`) for what only
 * the detail page shows. price_asc_key / price_desc_key are the price sort keys with 面议 (NULL)
 * mapped to a sentinel past every price (see ports/park-order.ts); generated, so they can
 * never disagree with price_value.
 *
 * Indexes follow the queries the app makes (EXPLAIN QUERY PLAN checks in
 * test/cloud/parks-scale.test.ts): every sort alone; 区域 with every sort; 类型 with the
 * default newest sort; 区域 + 类型 with newest and with either price sort; 租售 with either
 * price sort; the home page's featured parks (a partial index). Other combinations walk the
 * closest of these and filter, or sort a bounded remainder.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  cover        TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL,
  tags         TEXT NOT NULL DEFAULT '[]',
  author       TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  views        INTEGER NOT NULL DEFAULT 0,
  body         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS articles_category_published ON articles (category, published_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parks (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  district       TEXT NOT NULL,
  type           TEXT NOT NULL,
  deal           TEXT NOT NULL,
  area_min       REAL NOT NULL,
  area_max       REAL NOT NULL,
  divisible      INTEGER NOT NULL DEFAULT 0,
  price_value    REAL,
  price_unit     TEXT,
  price_asc_key  REAL GENERATED ALWAYS AS (coalesce(price_value, ${PRICE_NULL_ASC_KEY})) VIRTUAL,
  price_desc_key REAL GENERATED ALWAYS AS (coalesce(price_value, ${PRICE_NULL_DESC_KEY})) VIRTUAL,
  cover          TEXT NOT NULL DEFAULT '',
  highlights     TEXT NOT NULL DEFAULT '[]',
  updated_at     TEXT NOT NULL,
  views          INTEGER NOT NULL DEFAULT 0,
  featured       INTEGER NOT NULL DEFAULT 0,
  search_text    TEXT NOT NULL DEFAULT '',
  detail         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS parks_newest ON parks (updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_area_asc ON parks (area_min, id);
CREATE INDEX IF NOT EXISTS parks_area_desc ON parks (area_max DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_price_asc ON parks (price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_price_desc ON parks (price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_newest ON parks (district, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_area_asc ON parks (district, area_min, id);
CREATE INDEX IF NOT EXISTS parks_district_area_desc ON parks (district, area_max DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_price_asc ON parks (district, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_district_price_desc ON parks (district, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_type_newest ON parks (type, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_type_newest ON parks (district, type, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_type_price_asc ON parks (district, type, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_district_type_price_desc ON parks (district, type, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_deal_price_asc ON parks (deal, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_deal_price_desc ON parks (deal, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_featured ON parks (updated_at DESC, id DESC) WHERE featured = 1;
${LEAD_SCHEMA}`

interface SummaryRow {
  id: string
  title: string
  summary: string
  cover: string
  category: string
  tags: string
  author: string
  published_at: string
  views: number
}
interface ArticleRow extends SummaryRow {
  body: string
}

const SUMMARY_COLUMNS = 'id, title, summary, cover, category, tags, author, published_at, views'

interface ParkSummaryRow {
  id: string
  name: string
  district: string
  type: string
  deal: string
  area_min: number
  area_max: number
  divisible: number
  price_value: number | null
  price_unit: string | null
  cover: string
  highlights: string
  updated_at: string
  views: number
  featured: number
}
interface ParkRow extends ParkSummaryRow {
  detail: string
}

const PARK_SUMMARY_COLUMNS =
  'id, name, district, type, deal, area_min, area_max, divisible, price_value, price_unit, cover, highlights, updated_at, views, featured'

/** Each sort: the ORDER BY and the keyset comparison (row values walk the index from the cursor). */
const PARK_ORDER: Record<ParkSort, { orderBy: string; after: string }> = {
  newest: {
    orderBy: 'updated_at DESC, id DESC',
    after: '(updated_at, id) < (@afterValue, @afterId)',
  },
  area_asc: { orderBy: 'area_min, id', after: '(area_min, id) > (@afterValue, @afterId)' },
  area_desc: {
    orderBy: 'area_max DESC, id DESC',
    after: '(area_max, id) < (@afterValue, @afterId)',
  },
  price_asc: {
    orderBy: 'price_asc_key, id',
    after: '(price_asc_key, id) > (@afterValue, @afterId)',
  },
  price_desc: {
    orderBy: 'price_desc_key DESC, id DESC',
    after: '(price_desc_key, id) < (@afterValue, @afterId)',
  },
}

function parseStrings(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json)
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    cover: row.cover,
    category: row.category as ArticleCategory,
    tags: parseStrings(row.tags),
    author: row.author,
    publishedAt: row.published_at,
    views: row.views,
  }
}

function toParkSummary(row: ParkSummaryRow): ParkSummary {
  return {
    id: row.id,
    name: row.name,
    district: row.district as District,
    type: row.type as ListingType,
    deal: row.deal as Deal,
    areaMin: row.area_min,
    areaMax: row.area_max,
    divisible: row.divisible === 1,
    price:
      row.price_value === null
        ? null
        : { value: row.price_value, unit: (row.price_unit ?? 'yuan_m2') as PriceUnit },
    cover: row.cover,
    highlights: parseStrings(row.highlights),
    updatedAt: row.updated_at,
    views: row.views,
    featured: row.featured === 1,
  }
}

/** The fields of Park that live in the `detail` JSON column. */
type ParkDetailFields = Omit<Park, keyof ParkSummary>

function toPark(row: ParkRow): Park {
  let detail: Partial<ParkDetailFields> = {}
  try {
    detail = JSON.parse(row.detail) as Partial<ParkDetailFields>
  } catch {
    // A damaged detail leaves the summary readable; the defaults below fill the rest.
  }
  return {
    address: '',
    location: { latitude: 0, longitude: 0 },
    standalone: false,
    propertyCert: false,
    envAssessment: false,
    industries: [],
    photos: [],
    description: '',
    ...detail,
    ...toParkSummary(row),
  }
}

const UPDATED_AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?\+08:00$/

/** Refuses seed parks the queries would mis-order or mis-filter, naming the park. */
function checkSeedPark(p: Park): void {
  const where = `seed park ${JSON.stringify((p as { id?: unknown })?.id)}`
  if (!p || typeof p.id !== 'string' || !PARK_ID_RE.test(p.id)) throw new Error(`${where}: bad id`)
  if (!DISTRICTS.includes(p.district)) throw new Error(`${where}: unknown district ${p.district}`)
  if (!LISTING_TYPES.includes(p.type)) throw new Error(`${where}: unknown type ${p.type}`)
  if (!DEALS.includes(p.deal)) throw new Error(`${where}: unknown deal ${p.deal}`)
  // Text order is time order only when every record uses the same offset.
  if (typeof p.updatedAt !== 'string' || !UPDATED_AT_RE.test(p.updatedAt)) {
    throw new Error(`${where}: updatedAt must be ISO 8601 with +08:00`)
  }
  const areaOk = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0
  if (!areaOk(p.areaMin) || !areaOk(p.areaMax) || p.areaMin > p.areaMax) throw new Error(`${where}: bad area`)
  if (p.price !== null) {
    const { value, unit } = p.price ?? {}
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= PRICE_NULL_ASC_KEY) {
      throw new Error(`${where}: bad price value`)
    }
    if (!PRICE_UNITS.includes(unit as PriceUnit)) throw new Error(`${where}: bad price unit`)
  }
}

interface InquiryRow {
  id: string
  openid: string
  idempotency_key: string
  need_type: string
  area_min: number | null
  area_max: number | null
  industry: string
  district: string | null
  tax_bracket: string | null
  company: string
  contact_name: string
  phone: string
  remark: string
  consent: number
  source: string | null
  park_id: string | null
  park_name: string | null
  article_id: string | null
  status: string
  flagged: string | null
  created_at: string
  updated_at: string
}

function toInquiry(row: InquiryRow): InquiryRecord {
  const r: InquiryRecord = {
    id: row.id,
    openid: row.openid,
    idempotencyKey: row.idempotency_key,
    needType: row.need_type as NeedType,
    industry: row.industry,
    company: row.company,
    contactName: row.contact_name,
    phone: row.phone,
    remark: row.remark,
    consent: true,
    status: row.status as InquiryStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  // Optional fields stay absent (not null) as in the record that was stored.
  if (row.area_min !== null) r.areaMin = row.area_min
  if (row.area_max !== null) r.areaMax = row.area_max
  if (row.district !== null) r.district = row.district as District
  if (row.tax_bracket !== null) r.taxBracket = row.tax_bracket as TaxBracket
  if (row.source !== null) r.source = row.source
  if (row.park_id !== null) r.parkId = row.park_id
  if (row.park_name !== null) r.parkName = row.park_name
  if (row.article_id !== null) r.articleId = row.article_id
  if (row.flagged !== null) r.flagged = row.flagged as FlagReason
  return r
}

function inquiryParams(r: InquiryRecord) {
  return {
    id: r.id,
    openid: r.openid,
    idempotencyKey: r.idempotencyKey,
    needType: r.needType,
    areaMin: r.areaMin ?? null,
    areaMax: r.areaMax ?? null,
    industry: r.industry,
    district: r.district ?? null,
    taxBracket: r.taxBracket ?? null,
    company: r.company,
    contactName: r.contactName,
    phone: r.phone,
    remark: r.remark,
    consent: r.consent ? 1 : 0,
    source: r.source ?? null,
    parkId: r.parkId ?? null,
    parkName: r.parkName ?? null,
    articleId: r.articleId ?? null,
    status: r.status,
    flagged: r.flagged ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' &&
  /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((err as { code: string }).code)

export function openSqliteStorage(file: string): SqliteStorage {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // WAL makes NORMAL durable enough for a view counter and much faster than FULL.
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 2000')
  db.exec(SCHEMA)

  // Filters combine freely, so statements are built per shape and prepared once each. The
  // number of shapes is bounded (a fixed set of optional clauses × 5 sorts × cursor or not).
  const statements = new Map<string, Database.Statement>()
  function prepared(sql: string): Database.Statement {
    let stmt = statements.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      statements.set(sql, stmt)
    }
    return stmt
  }

  // Articles: keyset on (published_at desc, id desc); the row-value comparison lets SQLite walk
  // the matching index from the cursor on. Ordering compares ISO strings, so every publishedAt
  // must carry the same offset (+08:00), as the CloudBase adapter assumes too.
  function listArticleRows(query: ListArticlesQuery): SummaryRow[] {
    const where: string[] = []
    const params: Record<string, string | number> = { limit: query.limit }
    if (query.category) {
      where.push('category = @category')
      params.category = query.category
    }
    if (query.tag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(articles.tags) WHERE value = @tag)')
      params.tag = query.tag
    }
    if (query.keyword) {
      where.push(
        "(title LIKE @kw ESCAPE '\\' OR summary LIKE @kw ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(articles.tags) WHERE value LIKE @kw ESCAPE '\\'))",
      )
      params.kw = likeContains(query.keyword)
    }
    if (query.after) {
      where.push('(published_at, id) < (@p, @i)')
      params.p = query.after.publishedAt
      params.i = query.after.id
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY published_at DESC, id DESC LIMIT @limit`
    return prepared(sql).all(params) as SummaryRow[]
  }

  // Related: shared tags counted per candidate. A scan of the articles table, which holds
  // the agency's own writing (hundreds of rows, not millions).
  const relatedArticles = db.prepare<{ id: string; limit: number }, SummaryRow>(`
    WITH me AS (SELECT id, category, tags FROM articles WHERE id = @id),
    scored AS (
      SELECT a.*,
        (SELECT count(*) FROM json_each(a.tags) t
          WHERE t.value IN (SELECT value FROM json_each(me.tags))) AS shared,
        a.category = me.category AS same_category
      FROM articles a, me
      WHERE a.id <> me.id
    )
    SELECT ${SUMMARY_COLUMNS} FROM scored
    WHERE shared > 0 OR same_category
    ORDER BY shared > 0 DESC, shared DESC, same_category DESC, published_at DESC, id DESC
    LIMIT @limit`)

  function listParkRows(query: ListParksQuery): ParkSummaryRow[] {
    const where: string[] = []
    const params: Record<string, string | number> = { limit: query.limit }
    const eq = (column: string, name: string, value: string | undefined) => {
      if (value === undefined) return
      where.push(`${column} = @${name}`)
      params[name] = value
    }
    eq('district', 'district', query.district)
    eq('type', 'type', query.type)
    eq('deal', 'deal', query.deal)
    if (query.featured) where.push('featured = 1')
    if (query.areaMin !== undefined) {
      where.push('area_max >= @areaMin')
      params.areaMin = query.areaMin
    }
    if (query.areaMax !== undefined) {
      where.push('area_min <= @areaMax')
      params.areaMax = query.areaMax
    }
    // NULL (面议) fails both comparisons: a price range never matches a negotiable park.
    if (query.priceMin !== undefined) {
      where.push('price_value >= @priceMin')
      params.priceMin = query.priceMin
    }
    if (query.priceMax !== undefined) {
      where.push('price_value <= @priceMax')
      params.priceMax = query.priceMax
    }
    if (query.keyword) {
      where.push("search_text LIKE @kw ESCAPE '\\'")
      params.kw = likeContains(query.keyword)
    }
    const order = PARK_ORDER[query.sort]
    if (query.after) {
      where.push(order.after)
      params.afterValue = sortKeyOf(query.sort, query.after.value)
      params.afterId = query.after.id
    }
    const sql = `SELECT ${PARK_SUMMARY_COLUMNS} FROM parks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.orderBy} LIMIT @limit`
    return prepared(sql).all(params) as ParkSummaryRow[]
  }

  // Three tiers, each a small indexed query (newest first), merged in tier order.
  const similarParks = db.prepare<{ id: string; limit: number }, ParkSummaryRow>(`
    WITH me AS (SELECT id AS me_id, district AS me_district, type AS me_type FROM parks WHERE id = @id)
    SELECT ${PARK_SUMMARY_COLUMNS} FROM (
      SELECT 0 AS tier, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE district = me_district AND type = me_type AND id <> me_id
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
      UNION ALL
      SELECT 1, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE district = me_district AND type <> me_type
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
      UNION ALL
      SELECT 2, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE type = me_type AND district <> me_district
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
    )
    ORDER BY tier, updated_at DESC, id DESC
    LIMIT @limit`)

  const getArticleRow = db.prepare<[string], ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS}, body FROM articles WHERE id = ?`,
  )
  const incArticleViews = db.prepare<[string], { views: number }>(
    'UPDATE articles SET views = views + 1 WHERE id = ? RETURNING views',
  )
  const getParkRow = db.prepare<[string], ParkRow>(
    `SELECT ${PARK_SUMMARY_COLUMNS}, detail FROM parks WHERE id = ?`,
  )
  const incParkViews = db.prepare<[string], { views: number }>(
    'UPDATE parks SET views = views + 1 WHERE id = ? RETURNING views',
  )
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const insertArticle = db.prepare(
    `INSERT OR IGNORE INTO articles (id, title, summary, cover, category, tags, author, published_at, views, body)
     VALUES (@id, @title, @summary, @cover, @category, @tags, @author, @publishedAt, @views, @body)`,
  )
  const insertPark = db.prepare(
    `INSERT OR IGNORE INTO parks (id, name, district, type, deal, area_min, area_max, divisible, price_value,
       price_unit, cover, highlights, updated_at, views, featured, search_text, detail)
     VALUES (@id, @name, @district, @type, @deal, @areaMin, @areaMax, @divisible, @priceValue,
       @priceUnit, @cover, @highlights, @updatedAt, @views, @featured, @searchText, @detail)`,
  )
  const insertSetting = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)')

  const inquiryByKey = db.prepare<{ openid: string; key: string }, InquiryRow>(
    'SELECT * FROM inquiries WHERE openid = @openid AND idempotency_key = @key',
  )
  const countInquiriesSince = db.prepare<{ openid: string; since: string }, { n: number }>(
    'SELECT count(*) AS n FROM inquiries WHERE openid = @openid AND created_at >= @since',
  )
  const insertInquiryRow = db.prepare(
    `INSERT INTO inquiries (id, openid, idempotency_key, need_type, area_min, area_max, industry, district,
       tax_bracket, company, contact_name, phone, remark, consent, source, park_id, park_name, article_id,
       status, flagged, created_at, updated_at)
     VALUES (@id, @openid, @idempotencyKey, @needType, @areaMin, @areaMax, @industry, @district,
       @taxBracket, @company, @contactName, @phone, @remark, @consent, @source, @parkId, @parkName, @articleId,
       @status, @flagged, @createdAt, @updatedAt)`,
  )
  const inquiriesOf = db.prepare<{ openid: string; limit: number }, InquiryRow>(
    'SELECT * FROM inquiries WHERE openid = @openid ORDER BY created_at DESC, id DESC LIMIT @limit',
  )
  const deleteInquiriesOf = db.prepare('DELETE FROM inquiries WHERE openid = ?')
  const deleteEventsOf = db.prepare('DELETE FROM contact_events WHERE openid = ?')
  const insertEvent = db.prepare(
    `INSERT INTO contact_events (openid, kind, page, park_id, article_id, source, at, created_at)
     VALUES (@openid, @kind, @page, @parkId, @articleId, @source, @at, @createdAt)`,
  )

  function firstReachedLimit(openid: string, limits: RateLimit[]): RateLimit['window'] | null {
    for (const limit of limits) {
      if (countInquiriesSince.get({ openid, since: limit.since })!.n >= limit.max) return limit.window
    }
    return null
  }

  // Check and insert in one transaction. better-sqlite3 is synchronous, so within this process
  // nothing interleaves; IMMEDIATE takes the write lock up front, so another process on the same
  // file cannot slip a row in between the check and the insert either.
  const insertInquiryTx = db.transaction(
    (record: InquiryRecord, limits: RateLimit[]): InsertInquiryOutcome => {
      const existing = inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
      if (existing) return { kind: 'duplicate', inquiry: toInquiry(existing) }
      const reached = firstReachedLimit(record.openid, limits)
      if (reached) return { kind: 'rate-limited', window: reached }
      try {
        insertInquiryRow.run(inquiryParams(record))
      } catch (err) {
        const raced = isUniqueViolation(err)
          ? inquiryByKey.get({ openid: record.openid, key: record.idempotencyKey })
          : undefined
        if (raced) return { kind: 'duplicate', inquiry: toInquiry(raced) }
        throw err
      }
      return { kind: 'inserted', inquiry: record }
    },
  )

  const deleteVisitorTx = db.transaction((openid: string) => ({
    inquiries: deleteInquiriesOf.run(openid).changes,
    events: deleteEventsOf.run(openid).changes,
  }))

  const insertEventsTx = db.transaction((events: ContactEventRecord[]) => {
    let n = 0
    for (const e of events) {
      n += insertEvent.run({
        openid: e.openid,
        kind: e.kind,
        page: e.page,
        parkId: e.parkId ?? null,
        articleId: e.articleId ?? null,
        source: e.source ?? null,
        at: e.at,
        createdAt: e.createdAt,
      }).changes
    }
    return n
  })

  const seed = db.transaction(({ articles, parks, agency }: SeedData) => {
    let inserted = 0
    for (const a of articles) {
      if (!a || typeof a.id !== 'string' || typeof a.publishedAt !== 'string') {
        throw new Error(`seed article without id/publishedAt: ${JSON.stringify(a)?.slice(0, 120)}`)
      }
      inserted += insertArticle.run({
        id: a.id,
        title: a.title ?? '',
        summary: a.summary ?? '',
        cover: a.cover ?? '',
        category: a.category,
        tags: JSON.stringify(Array.isArray(a.tags) ? a.tags : []),
        author: a.author ?? '',
        publishedAt: a.publishedAt,
        views: Number.isInteger(a.views) && a.views >= 0 ? a.views : 0,
        body: a.body ?? '',
      }).changes
    }
    for (const p of parks ?? []) {
      checkSeedPark(p)
      const industries = Array.isArray(p.industries) ? p.industries : []
      const highlights = Array.isArray(p.highlights) ? p.highlights : []
      const detail: ParkDetailFields = {
        address: p.address ?? '',
        location: p.location,
        floorHeight: p.floorHeight,
        floorLoad: p.floorLoad,
        power: p.power,
        standalone: Boolean(p.standalone),
        propertyCert: Boolean(p.propertyCert),
        envAssessment: Boolean(p.envAssessment),
        industries,
        taxRequirement: p.taxRequirement,
        photos: Array.isArray(p.photos) ? p.photos : [],
        description: p.description ?? '',
      }
      inserted += insertPark.run({
        id: p.id,
        name: p.name ?? '',
        district: p.district,
        type: p.type,
        deal: p.deal,
        areaMin: p.areaMin,
        areaMax: p.areaMax,
        divisible: p.divisible ? 1 : 0,
        priceValue: p.price ? p.price.value : null,
        priceUnit: p.price ? p.price.unit : null,
        cover: p.cover ?? '',
        highlights: JSON.stringify(highlights),
        updatedAt: p.updatedAt,
        views: Number.isInteger(p.views) && p.views >= 0 ? p.views : 0,
        featured: p.featured ? 1 : 0,
        searchText: parkSearchText({ name: p.name ?? '', address: p.address ?? '', industries, highlights }),
        // JSON.stringify drops the optional fields that are absent (undefined).
        detail: JSON.stringify(detail),
      }).changes
    }
    if (agency) inserted += insertSetting.run('agency', JSON.stringify(agency)).changes
    return inserted
  })

  return {
    file,

    async listArticles(query: ListArticlesQuery): Promise<ArticleSummary[]> {
      return listArticleRows(query).map(toSummary)
    },

    async getArticle(id: string): Promise<Article | null> {
      const row = getArticleRow.get(id)
      return row ? { ...toSummary(row), body: row.body } : null
    },

    async incrementArticleViews(id: string): Promise<number | null> {
      return incArticleViews.get(id)?.views ?? null
    },

    async listRelatedArticles(id: string, limit: number): Promise<ArticleSummary[]> {
      return relatedArticles.all({ id, limit }).map(toSummary)
    },

    async listParks(query: ListParksQuery): Promise<ParkSummary[]> {
      return listParkRows(query).map(toParkSummary)
    },

    async getPark(id: string): Promise<Park | null> {
      const row = getParkRow.get(id)
      return row ? toPark(row) : null
    },

    async incrementParkViews(id: string): Promise<number | null> {
      return incParkViews.get(id)?.views ?? null
    },

    async listSimilarParks(id: string, limit: number): Promise<ParkSummary[]> {
      return similarParks.all({ id, limit }).map(toParkSummary)
    },

    async getAgencyContact(): Promise<AgencyContact | null> {
      const row = getSetting.get('agency')
      return row ? (JSON.parse(row.value) as AgencyContact) : null
    },

    async findInquiry(openid: string, idempotencyKey: string): Promise<InquiryRecord | null> {
      const row = inquiryByKey.get({ openid, key: idempotencyKey })
      return row ? toInquiry(row) : null
    },

    async rateLimited(openid: string, limits: RateLimit[]): Promise<RateLimit['window'] | null> {
      return firstReachedLimit(openid, limits)
    },

    async insertInquiry(record: InquiryRecord, limits: RateLimit[]): Promise<InsertInquiryOutcome> {
      return insertInquiryTx.immediate(record, limits)
    },

    async listInquiries(openid: string, limit: number): Promise<InquiryRecord[]> {
      return inquiriesOf.all({ openid, limit }).map(toInquiry)
    },

    async deleteVisitorData(openid: string): Promise<{ inquiries: number; events: number }> {
      return deleteVisitorTx.immediate(openid)
    },

    async insertContactEvents(events: ContactEventRecord[]): Promise<number> {
      return events.length ? insertEventsTx(events) : 0
    },

    seedFromMock(data: SeedData) {
      const inserted = seed(data)
      // Fresh statistics let the planner prefer an ordered index scan to sorting thousands of
      // rows when a filter is not selective (e.g. 租售 alone with the newest sort). ~60 ms at
      // 10,000 parks, and only when something was inserted.
      if (inserted > 0) db.exec('ANALYZE')
      return inserted
    },

    close() {
      if (db.open) db.close()
    },
  }
}
