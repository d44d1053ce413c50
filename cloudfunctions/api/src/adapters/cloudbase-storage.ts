import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import type {
  Deal,
  District,
  GeoPoint,
  ListingType,
  Park,
  ParkSort,
  ParkSummary,
  ParkStatus,
  Price,
  PriceUnit,
} from '@/domain/park'
import { PARK_STATUSES } from '@/domain/park'
import { featuredRankOf, priceKeys, SORT_DIRECTION, sortKeyOf } from '../core/park-order'
import { articleSearchText, escapeRegExp, parkSearchText } from '../core/search'
import type { ListArticlesQuery, ListParksQuery, StoragePort } from '../ports/storage'
import { AGENCY_DOC_ID, COLLECTIONS } from './cloudbase-collections'

/*
 * Just the part of wx-server-sdk's database API this adapter uses. wx-server-sdk is a
 * dependency of the cloud function only, so its types are not available at the root.
 */
export interface CloudDoc {
  _id: string
  [field: string]: unknown
}

export interface CloudQuery {
  where(condition: object): CloudQuery
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery
  field(projection: Record<string, boolean>): CloudQuery
  limit(n: number): CloudQuery
  get(): Promise<{ data: CloudDoc[] }>
  count(): Promise<{ total: number }>
  /** Server SDK only: removes every matching document. */
  remove(): Promise<{ stats: { removed: number } }>
  /** Server SDK only: updates every matching document. */
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
}

export interface CloudDocRef {
  get(): Promise<{ data: CloudDoc }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef
  /** Rejects when `data._id` is already taken. */
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

export interface CloudCommand {
  eq(value: unknown): unknown
  neq(value: unknown): unknown
  lt(value: unknown): unknown
  lte(value: unknown): unknown
  gt(value: unknown): unknown
  gte(value: unknown): unknown
  in(values: unknown[]): unknown
  or(conditions: object[]): object
  and(conditions: object[]): object
  inc(n: number): unknown
  /** Query: the field is present (true) or absent (false). */
  exists(present: boolean): unknown
  /** Update: deletes the field. */
  remove(): unknown
}

export interface CloudDatabase {
  command: CloudCommand
  collection(name: string): CloudCollection
  /** Server SDK only; rejects when the collection exists. Used by the setup step alone. */
  createCollection(name: string): Promise<unknown>
  /** db.RegExp({ regexp, options }): a regular-expression match on a string field. */
  RegExp(init: { regexp: string; options?: string }): unknown
}

// A cloud-function query returns at most 1,000 rows (100 without an explicit limit); we
// always pass one and never need more than 100.
const MAX_LIMIT = 100

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []
}

function toSummary(doc: CloudDoc): ArticleSummary {
  return {
    id: doc._id,
    title: String(doc.title ?? ''),
    summary: String(doc.summary ?? ''),
    cover: String(doc.cover ?? ''),
    category: doc.category as ArticleCategory,
    tags: strings(doc.tags),
    author: String(doc.author ?? ''),
    publishedAt: String(doc.publishedAt ?? ''),
    views: typeof doc.views === 'number' ? doc.views : 0,
    // Flags only when set (issue 9 item 5): documents of before read back as they were written.
    ...(doc.featured === true ? { featured: true } : {}),
    ...(doc.hidden === true ? { hidden: true } : {}),
  }
}

/**
 * An article as a document: `_id` = id, plus `searchText` (title, summary and tags, one per
 * line) for keyword search. Articles must be written through this so search finds them.
 */
export function toCloudArticle(article: Article): CloudDoc {
  const { id, ...rest } = article
  return { _id: id, ...rest, searchText: articleSearchText(article) }
}

/**
 * A park as a document: `_id` = id, the Park fields as they are (price stays an object or
 * null), plus what queries need in flat fields: `priceValue` (number | null, for the price
 * range), `priceAsc` / `priceDesc` (the price sort keys, 面议 mapped to a sentinel past every
 * price; see core/park-order.ts), `featuredRank` (featuredOrder, none = past every order: the
 * home page's sort key) and `searchText` (name, address, industries, highlights).
 * Parks must be written through this; the derived fields are never read back.
 */
export function toCloudPark(park: Park): CloudDoc {
  const { id, ...rest } = park
  const keys = priceKeys(park.price)
  return {
    _id: id,
    ...rest,
    priceValue: park.price ? park.price.value : null,
    priceAsc: keys.asc,
    priceDesc: keys.desc,
    featuredRank: featuredRankOf(park),
    searchText: parkSearchText(park),
  }
}

/** The fields toCloudPark derives; a partial write must rewrite them from the whole park. */
export const CLOUD_PARK_DERIVED = [
  'priceValue',
  'priceAsc',
  'priceDesc',
  'featuredRank',
  'searchText',
] as const

/** The document field each park sort orders by, then `_id` in the same direction. */
const PARK_SORT_FIELD: Record<ParkSort, string> = {
  newest: 'updatedAt',
  area_asc: 'areaMin',
  area_desc: 'areaMax',
  price_asc: 'priceAsc',
  price_desc: 'priceDesc',
}

/** List rows carry the summary only: description, photos and the rest stay in the database. */
const PARK_SUMMARY_FIELDS: Record<string, boolean> = {
  name: true,
  district: true,
  type: true,
  deal: true,
  areaMin: true,
  areaMax: true,
  divisible: true,
  price: true,
  cover: true,
  highlights: true,
  updatedAt: true,
  views: true,
  featured: true,
  status: true,
  featuredOrder: true,
}

/*
 * Visibility (issue 9 item 5). `neq` also matches a document without the field (the database's
 * $ne semantics): records of before, with no status / hidden, stay listed with no backfill. Both
 * are residual conditions on the index each query already walks; withdrawn / hidden are few.
 */
export const visibleParks = (_: CloudCommand) => ({ status: _.neq('withdrawn') })
export const visibleArticles = (_: CloudCommand) => ({ hidden: _.neq(true) })

const ARTICLE_LIST_EXCLUDE = { body: false, searchText: false }

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function toPrice(value: unknown): Price | null {
  if (!value || typeof value !== 'object') return null
  const { value: amount, unit } = value as { value?: unknown; unit?: unknown }
  return typeof amount === 'number' && typeof unit === 'string'
    ? { value: amount, unit: unit as PriceUnit }
    : null
}

function toParkSummary(doc: CloudDoc): ParkSummary {
  return {
    id: doc._id,
    name: String(doc.name ?? ''),
    district: doc.district as District,
    type: doc.type as ListingType,
    deal: doc.deal as Deal,
    areaMin: num(doc.areaMin),
    areaMax: num(doc.areaMax),
    divisible: doc.divisible === true,
    price: toPrice(doc.price),
    cover: String(doc.cover ?? ''),
    highlights: strings(doc.highlights),
    updatedAt: String(doc.updatedAt ?? ''),
    views: num(doc.views),
    featured: doc.featured === true,
    // Absent = available; featuredOrder only when the park has one.
    ...(doc.status !== 'available' && PARK_STATUSES.includes(doc.status as ParkStatus)
      ? { status: doc.status as ParkStatus }
      : {}),
    ...(typeof doc.featuredOrder === 'number' ? { featuredOrder: doc.featuredOrder } : {}),
  }
}

/** A park document read back as the domain's Park (derived fields dropped). */
export function fromCloudPark(doc: CloudDoc): Park {
  const park: Park = {
    ...toParkSummary(doc),
    address: String(doc.address ?? ''),
    location: (doc.location as GeoPoint | undefined) ?? { latitude: 0, longitude: 0 },
    standalone: doc.standalone === true,
    propertyCert: doc.propertyCert === true,
    envAssessment: doc.envAssessment === true,
    industries: strings(doc.industries),
    photos: strings(doc.photos),
    description: String(doc.description ?? ''),
  }
  // Optional facts stay absent when the listing has none (land has no floor height).
  for (const key of ['floorHeight', 'floorLoad', 'power'] as const) {
    if (typeof doc[key] === 'number') park[key] = doc[key] as number
  }
  if (typeof doc.taxRequirement === 'string') park.taxRequirement = doc.taxRequirement
  return park
}

/**
 * The production storage: CloudBase documents. `articles` and `parks` use their ids as `_id`;
 * `settings/agency` holds the AgencyContact fields.
 *
 * Collections and the indexes these keyset queries are written to use: cloudbase-collections.ts
 * (the one list the README and the setup step take them from).
 * Keyword search is a regular expression over `searchText`: fine for a catalogue of
 * thousands, a scan nonetheless (CloudBase's own advice: use a search engine beyond that).
 */
export function createCloudbaseStorage(db: CloudDatabase): StoragePort {
  const _ = db.command

  async function findOne(collection: string, id: string, projection?: Record<string, boolean>) {
    // where() instead of doc().get(): the latter rejects when the document is missing.
    let q = db.collection(collection).where({ _id: id })
    if (projection) q = q.field(projection)
    const res = await q.limit(1).get()
    return res.data[0] ?? null
  }

  /** AND of the conditions; plain objects keep the common single-condition query simple. */
  function all(conditions: object[]): object | null {
    if (conditions.length === 0) return null
    return conditions.length === 1 ? conditions[0] : _.and(conditions)
  }

  function contains(keyword: string) {
    return db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
  }

  /** Rows strictly after (value, id) in an order on `field` then `_id`, both one direction. */
  function after(field: string, direction: 'asc' | 'desc', value: unknown, id: string): object {
    const beyond = direction === 'asc' ? _.gt.bind(_) : _.lt.bind(_)
    return _.or([{ [field]: beyond(value) }, { [field]: _.eq(value), _id: beyond(id) }])
  }

  function query(collection: string, condition: object | null): CloudQuery {
    const q: CloudQuery = db.collection(collection)
    return condition ? q.where(condition) : q
  }

  async function increment(collection: string, id: string): Promise<number | null> {
    // _.inc is atomic on the server; the read-back may already include a concurrent view.
    const res = await db
      .collection(collection)
      .doc(id)
      .update({ data: { views: _.inc(1) } })
    if (!res.stats || res.stats.updated === 0) return null
    const doc = await findOne(collection, id, { views: true })
    return doc && typeof doc.views === 'number' ? doc.views : null
  }

  const newestParks = (condition: object, limit: number) =>
    query(COLLECTIONS.parks, { ...condition, ...visibleParks(_) })
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .field(PARK_SUMMARY_FIELDS)
      .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))
      .get()

  const newestArticles = (condition: object, limit: number) =>
    query(COLLECTIONS.articles, all([condition, visibleArticles(_)]))
      .orderBy('publishedAt', 'desc')
      .orderBy('_id', 'desc')
      .field(ARTICLE_LIST_EXCLUDE)
      .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))
      .get()

  return {
    async listArticles(q: ListArticlesQuery): Promise<ArticleSummary[]> {
      const conditions: object[] = [visibleArticles(_)]
      if (q.featured) conditions.push({ featured: true })
      if (q.category) conditions.push({ category: q.category })
      // Equality on an array field matches documents whose array contains the value.
      if (q.tag !== undefined) conditions.push({ tags: q.tag })
      if (q.keyword) conditions.push({ searchText: contains(q.keyword) })
      if (q.after) conditions.push(after('publishedAt', 'desc', q.after.publishedAt, q.after.id))
      const res = await query(COLLECTIONS.articles, all(conditions))
        .orderBy('publishedAt', 'desc')
        .orderBy('_id', 'desc')
        .field(ARTICLE_LIST_EXCLUDE)
        .limit(Math.max(1, Math.min(q.limit, MAX_LIMIT)))
        .get()
      return res.data.map(toSummary)
    },

    async getArticle(id: string): Promise<Article | null> {
      const doc = await findOne(COLLECTIONS.articles, id)
      return doc ? { ...toSummary(doc), body: String(doc.body ?? '') } : null
    },

    incrementArticleViews: (id) => increment(COLLECTIONS.articles, id),

    async listRelatedArticles(id: string, limit: number): Promise<ArticleSummary[]> {
      const me = await findOne(COLLECTIONS.articles, id, { tags: true, category: true })
      if (!me) return []
      const tags = strings(me.tags)
      const notMe = { _id: _.neq(id) }
      // Tag sharers are ranked here (shared count needs every candidate's tags): the newest
      // 100 are the candidates. The category query fills up when fewer than `limit` share a tag.
      const [sharing, sameCategory] = await Promise.all([
        tags.length
          ? newestArticles(_.and([notMe, _.or(tags.map((t) => ({ tags: t })))]), MAX_LIMIT)
          : Promise.resolve({ data: [] as CloudDoc[] }),
        newestArticles({ ...notMe, category: me.category }, limit * 2),
      ])
      const tagSet = new Set(tags)
      const ranked = sharing.data
        .map((doc, order) => ({
          doc,
          order,
          shared: strings(doc.tags).filter((t) => tagSet.has(t)).length,
          sameCategory: doc.category === me.category ? 1 : 0,
        }))
        .sort((a, b) => b.shared - a.shared || b.sameCategory - a.sameCategory || a.order - b.order)
        .map((r) => r.doc)
      const picked = ranked.slice(0, limit)
      const seen = new Set(picked.map((d) => d._id))
      for (const doc of sameCategory.data) {
        if (picked.length >= limit) break
        if (!seen.has(doc._id)) picked.push(doc)
      }
      return picked.map(toSummary)
    },

    async listParks(q: ListParksQuery): Promise<ParkSummary[]> {
      const conditions: object[] = [visibleParks(_)]
      if (q.district) conditions.push({ district: q.district })
      if (q.type) conditions.push({ type: q.type })
      if (q.deal) conditions.push({ deal: q.deal })
      if (q.featured) conditions.push({ featured: true })
      if (q.areaMin !== undefined) conditions.push({ areaMax: _.gte(q.areaMin) })
      if (q.areaMax !== undefined) conditions.push({ areaMin: _.lte(q.areaMax) })
      // A null priceValue (面议) satisfies no range operator.
      if (q.priceMin !== undefined) conditions.push({ priceValue: _.gte(q.priceMin) })
      if (q.priceMax !== undefined) conditions.push({ priceValue: _.lte(q.priceMax) })
      if (q.keyword) conditions.push({ searchText: contains(q.keyword) })
      const field = PARK_SORT_FIELD[q.sort]
      const direction = SORT_DIRECTION[q.sort]
      if (q.after) conditions.push(after(field, direction, sortKeyOf(q.sort, q.after.value), q.after.id))
      const res = await query(COLLECTIONS.parks, all(conditions))
        .orderBy(field, direction)
        .orderBy('_id', direction)
        .field(PARK_SUMMARY_FIELDS)
        .limit(Math.max(1, Math.min(q.limit, MAX_LIMIT)))
        .get()
      return res.data.map(toParkSummary)
    },

    async getPark(id: string): Promise<Park | null> {
      const doc = await findOne(COLLECTIONS.parks, id)
      return doc ? fromCloudPark(doc) : null
    },

    incrementParkViews: (id) => increment(COLLECTIONS.parks, id),

    async listSimilarParks(id: string, limit: number): Promise<ParkSummary[]> {
      const me = await findOne(COLLECTIONS.parks, id, { district: true, type: true })
      if (!me) return []
      // Three small queries at once, one per tier; each takes at most `limit` rows.
      const tiers = await Promise.all([
        newestParks({ district: me.district, type: me.type, _id: _.neq(id) }, limit),
        newestParks({ district: me.district, type: _.neq(me.type) }, limit),
        newestParks({ type: me.type, district: _.neq(me.district) }, limit),
      ])
      return tiers
        .flatMap((t) => t.data)
        .slice(0, limit)
        .map(toParkSummary)
    },

    async listFeaturedParks(limit: number): Promise<ParkSummary[]> {
      const res = await query(COLLECTIONS.parks, { featured: true, ...visibleParks(_) })
        .orderBy('featuredRank', 'asc')
        .orderBy('updatedAt', 'desc')
        .orderBy('_id', 'desc')
        .field(PARK_SUMMARY_FIELDS)
        .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))
        .get()
      return res.data.map(toParkSummary)
    },

    async getAgencyContact(): Promise<AgencyContact | null> {
      const doc = await findOne(COLLECTIONS.settings, AGENCY_DOC_ID)
      if (!doc) return null
      const { _id, ...contact } = doc
      delete (contact as Record<string, unknown>)._openid
      return contact as unknown as AgencyContact
    },
  }
}
