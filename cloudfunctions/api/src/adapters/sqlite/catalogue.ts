import type Database from 'better-sqlite3'
import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import { parkStatusOf } from '@/domain/park'
import type {
  Deal,
  District,
  ListingType,
  Park,
  ParkSort,
  ParkStatus,
  ParkSummary,
  PriceUnit,
} from '@/domain/park'
import { sortKeyOf } from '../../core/park-order'
import { checkSeedArticle, checkSeedPark } from '../../core/seed-check'
import { likeContains, parkSearchText } from '../../core/search'
import type { ListArticlesQuery, ListParksQuery, StoragePort } from '../../ports/storage'

/** What the local seed holds: mock/articles.json, mock/parks.json, mock/agency.json. */
export interface SeedData {
  articles: Article[]
  parks?: Park[]
  agency?: AgencyContact | null
}

/** The catalogue half of the SQLite storage: articles, parks, settings and their search. */
export interface SqliteCatalogue extends StoragePort {
  /** Inserts what is missing and never overwrites (view counts survive restarts). Returns rows inserted. */
  seedFromMock(seed: SeedData): number
  /**
   * `npm run content -- import`: writes every record, replacing one with the same id (its view
   * count kept), in one transaction through the seed's own row mapping. Checked by the caller.
   */
  importContent(content: SeedData): { inserted: number; updated: number }
}

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
  featured: number
  hidden: number
}
interface ArticleRow extends SummaryRow {
  body: string
}

const SUMMARY_COLUMNS =
  'id, title, summary, cover, category, tags, author, published_at, views, featured, hidden'

/** What every public list adds (issue 9 item 5): hidden articles and withdrawn parks are gone. */
const VISIBLE_ARTICLE = 'hidden = 0'
const VISIBLE_PARK = "status <> 'withdrawn'"

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
  status: string
  featured_order: number | null
}
interface ParkRow extends ParkSummaryRow {
  detail: string
}

const PARK_SUMMARY_COLUMNS =
  'id, name, district, type, deal, area_min, area_max, divisible, price_value, price_unit, cover, highlights, updated_at, views, featured, status, featured_order'

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
    // Flags only when set: records of before (and the seeds) read back as they were written.
    ...(row.featured === 1 ? { featured: true } : {}),
    ...(row.hidden === 1 ? { hidden: true } : {}),
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
    // Absent = available (domain/park.ts), so rows of before read back unchanged.
    ...(row.status !== 'available' ? { status: row.status as ParkStatus } : {}),
    ...(row.featured_order !== null ? { featuredOrder: row.featured_order } : {}),
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

/** Catalogue queries over an open, migrated connection (see migrations.ts for the tables and indexes). */
export function createSqliteCatalogue(db: Database.Database): SqliteCatalogue {
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
    const where: string[] = [VISIBLE_ARTICLE]
    const params: Record<string, string | number> = { limit: query.limit }
    if (query.featured) where.push('featured = 1')
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
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${where.join(' AND ')} ORDER BY published_at DESC, id DESC LIMIT @limit`
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
      WHERE a.id <> me.id AND a.hidden = 0
    )
    SELECT ${SUMMARY_COLUMNS} FROM scored
    WHERE shared > 0 OR same_category
    ORDER BY shared > 0 DESC, shared DESC, same_category DESC, published_at DESC, id DESC
    LIMIT @limit`)

  function listParkRows(query: ListParksQuery): ParkSummaryRow[] {
    const where: string[] = [VISIBLE_PARK]
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
    const sql = `SELECT ${PARK_SUMMARY_COLUMNS} FROM parks WHERE ${where.join(' AND ')} ORDER BY ${order.orderBy} LIMIT @limit`
    return prepared(sql).all(params) as ParkSummaryRow[]
  }

  // Three tiers, each a small indexed query (newest first), merged in tier order.
  const similarParks = db.prepare<{ id: string; limit: number }, ParkSummaryRow>(`
    WITH me AS (SELECT id AS me_id, district AS me_district, type AS me_type FROM parks WHERE id = @id)
    SELECT ${PARK_SUMMARY_COLUMNS} FROM (
      SELECT 0 AS tier, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE district = me_district AND type = me_type AND id <> me_id AND ${VISIBLE_PARK}
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
      UNION ALL
      SELECT 1, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE district = me_district AND type <> me_type AND ${VISIBLE_PARK}
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
      UNION ALL
      SELECT 2, * FROM (SELECT ${PARK_SUMMARY_COLUMNS} FROM parks, me
        WHERE type = me_type AND district <> me_district AND ${VISIBLE_PARK}
        ORDER BY updated_at DESC, id DESC LIMIT @limit)
    )
    ORDER BY tier, updated_at DESC, id DESC
    LIMIT @limit`)

  // The home page's featured parks: the partial index parks_featured_rank, in its order.
  const featuredParks = db.prepare<{ limit: number }, ParkSummaryRow>(
    `SELECT ${PARK_SUMMARY_COLUMNS} FROM parks WHERE featured = 1 AND ${VISIBLE_PARK}
     ORDER BY featured_rank, updated_at DESC, id DESC LIMIT @limit`,
  )

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
    `INSERT OR IGNORE INTO articles (id, title, summary, cover, category, tags, author, published_at, views, body,
       featured, hidden)
     VALUES (@id, @title, @summary, @cover, @category, @tags, @author, @publishedAt, @views, @body,
       @featured, @hidden)`,
  )
  const insertPark = db.prepare(
    `INSERT OR IGNORE INTO parks (id, name, district, type, deal, area_min, area_max, divisible, price_value,
       price_unit, cover, highlights, updated_at, views, featured, search_text, detail, status, featured_order)
     VALUES (@id, @name, @district, @type, @deal, @areaMin, @areaMax, @divisible, @priceValue,
       @priceUnit, @cover, @highlights, @updatedAt, @views, @featured, @searchText, @detail, @status,
       @featuredOrder)`,
  )
  const insertSetting = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)')
  // Replacing = delete then the seed's own insert, so an import writes exactly the columns a
  // seed writes (whatever later steps add to them) and keeps the live view count.
  const replaced = {
    article: db.prepare<[string], { views: number }>('DELETE FROM articles WHERE id = ? RETURNING views'),
    park: db.prepare<[string], { views: number }>('DELETE FROM parks WHERE id = ? RETURNING views'),
    setting: db.prepare<[string], { value: string }>('DELETE FROM settings WHERE key = ? RETURNING value'),
  }

  const write = db.transaction(({ articles, parks, agency }: SeedData, replace: boolean) => {
    let inserted = 0
    let updated = 0
    /** The stored view count of a record about to be replaced (undefined: a new record). */
    const take = (stmt: Database.Statement<[string], { views: number }>, id: string) => {
      if (!replace) return undefined
      const views = stmt.get(id)?.views
      if (views !== undefined) updated += 1
      return views
    }
    for (const a of articles) {
      checkSeedArticle(a)
      const keptViews = take(replaced.article, a.id)
      const changes = insertArticle.run({
        id: a.id,
        title: a.title ?? '',
        summary: a.summary ?? '',
        cover: a.cover ?? '',
        category: a.category,
        tags: JSON.stringify(Array.isArray(a.tags) ? a.tags : []),
        author: a.author ?? '',
        publishedAt: a.publishedAt,
        views: keptViews ?? (Number.isInteger(a.views) && a.views >= 0 ? a.views : 0),
        body: a.body ?? '',
        featured: a.featured === true ? 1 : 0,
        hidden: a.hidden === true ? 1 : 0,
      }).changes
      if (keptViews === undefined) inserted += changes
    }
    for (const p of parks ?? []) {
      checkSeedPark(p)
      const keptViews = take(replaced.park, p.id)
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
      const changes = insertPark.run({
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
        views: keptViews ?? (Number.isInteger(p.views) && p.views >= 0 ? p.views : 0),
        featured: p.featured ? 1 : 0,
        searchText: parkSearchText({ name: p.name ?? '', address: p.address ?? '', industries, highlights }),
        // JSON.stringify drops the optional fields that are absent (undefined).
        detail: JSON.stringify(detail),
        status: parkStatusOf(p),
        featuredOrder: typeof p.featuredOrder === 'number' ? p.featuredOrder : null,
      }).changes
      if (keptViews === undefined) inserted += changes
    }
    if (agency) {
      const had = replace && replaced.setting.get('agency') !== undefined
      const changes = insertSetting.run('agency', JSON.stringify(agency)).changes
      if (had) updated += 1
      else inserted += changes
    }
    return { inserted, updated }
  })
  const seed = (data: SeedData) => write(data, false).inserted

  return {
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

    async listFeaturedParks(limit: number): Promise<ParkSummary[]> {
      return featuredParks.all({ limit }).map(toParkSummary)
    },

    async getAgencyContact(): Promise<AgencyContact | null> {
      const row = getSetting.get('agency')
      return row ? (JSON.parse(row.value) as AgencyContact) : null
    },

    seedFromMock(data: SeedData) {
      const inserted = seed(data)
      // Fresh statistics let the planner prefer an ordered index scan to sorting thousands of
      // rows when a filter is not selective (e.g. 租售 alone with the newest sort). ~60 ms at
      // 10,000 parks, and only when something was inserted.
      if (inserted > 0) db.exec('ANALYZE')
      return inserted
    },

    importContent(content: SeedData) {
      const counts = write(content, true)
      if (counts.inserted + counts.updated > 0) db.exec('ANALYZE')
      return counts
    },
  }
}
