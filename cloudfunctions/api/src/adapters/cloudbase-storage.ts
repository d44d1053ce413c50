import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import type { ListArticlesQuery, StoragePort } from '../ports/storage'

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
}

export interface CloudDocRef {
  get(): Promise<{ data: CloudDoc }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef
}

export interface CloudCommand {
  lt(value: unknown): unknown
  eq(value: unknown): unknown
  or(conditions: object[]): object
  inc(n: number): unknown
}

export interface CloudDatabase {
  command: CloudCommand
  collection(name: string): CloudCollection
}

export const COLLECTIONS = { articles: 'articles', settings: 'settings' } as const
export const AGENCY_DOC_ID = 'agency'

// A cloud-function query returns at most 1,000 rows; pages never need more than 100.
const MAX_LIMIT = 100

function toSummary(doc: CloudDoc): ArticleSummary {
  return {
    id: doc._id,
    title: String(doc.title ?? ''),
    summary: String(doc.summary ?? ''),
    cover: String(doc.cover ?? ''),
    category: doc.category as ArticleCategory,
    tags: Array.isArray(doc.tags) ? doc.tags.filter((t): t is string => typeof t === 'string') : [],
    author: String(doc.author ?? ''),
    publishedAt: String(doc.publishedAt ?? ''),
    views: typeof doc.views === 'number' ? doc.views : 0,
  }
}

/** Maps our `id` to the document `_id` for writing articles into the cloud database. */
export function toCloudArticle(article: Article): CloudDoc {
  const { id, ...rest } = article
  return { _id: id, ...rest }
}

/**
 * The production storage: CloudBase documents. `articles` uses the article id as `_id`;
 * `settings/agency` holds the AgencyContact fields. Suggested index: compound
 * (category asc, publishedAt desc, _id desc) plus (publishedAt desc, _id desc).
 */
export function createCloudbaseStorage(db: CloudDatabase): StoragePort {
  const _ = db.command
  const articles = () => db.collection(COLLECTIONS.articles)

  async function findOne(collection: string, id: string, projection?: Record<string, boolean>) {
    // where() instead of doc().get(): the latter rejects when the document is missing.
    let q = db.collection(collection).where({ _id: id })
    if (projection) q = q.field(projection)
    const res = await q.limit(1).get()
    return res.data[0] ?? null
  }

  return {
    async listArticles(query: ListArticlesQuery): Promise<ArticleSummary[]> {
      const base: Record<string, unknown> = query.category ? { category: query.category } : {}
      const condition = query.after
        ? _.or([
            { ...base, publishedAt: _.lt(query.after.publishedAt) },
            { ...base, publishedAt: _.eq(query.after.publishedAt), _id: _.lt(query.after.id) },
          ])
        : query.category
          ? base
          : null
      let q: CloudQuery = articles()
      if (condition) q = q.where(condition)
      const res = await q
        .orderBy('publishedAt', 'desc')
        .orderBy('_id', 'desc')
        .field({ body: false })
        .limit(Math.max(1, Math.min(query.limit, MAX_LIMIT)))
        .get()
      return res.data.map(toSummary)
    },

    async getArticle(id: string): Promise<Article | null> {
      const doc = await findOne(COLLECTIONS.articles, id)
      return doc ? { ...toSummary(doc), body: String(doc.body ?? '') } : null
    },

    async incrementArticleViews(id: string): Promise<number | null> {
      // _.inc is atomic on the server; the read-back may already include a concurrent view.
      const res = await articles()
        .doc(id)
        .update({ data: { views: _.inc(1) } })
      if (!res.stats || res.stats.updated === 0) return null
      const doc = await findOne(COLLECTIONS.articles, id, { views: true })
      return doc && typeof doc.views === 'number' ? doc.views : null
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
