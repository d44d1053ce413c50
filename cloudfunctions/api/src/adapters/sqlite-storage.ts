import Database from 'better-sqlite3'
import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleCategory, ArticleSummary } from '@/domain/article'
import type { ListArticlesQuery, StoragePort } from '../ports/storage'

/** The local runtime's storage: one SQLite file, WAL mode, sync calls behind the async port. */
export interface SqliteStorage extends StoragePort {
  readonly file: string
  /** Inserts what is missing and never overwrites (view counts survive restarts). Returns rows inserted. */
  seedFromMock(seed: { articles: Article[]; agency?: AgencyContact | null }): number
  close(): void
}

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
`

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

function parseTags(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json)
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
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
    tags: parseTags(row.tags),
    author: row.author,
    publishedAt: row.published_at,
    views: row.views,
  }
}

export function openSqliteStorage(file: string): SqliteStorage {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // WAL makes NORMAL durable enough for a view counter and much faster than FULL.
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 2000')
  db.exec(SCHEMA)

  // Keyset pagination on (published_at desc, id desc); the row-value comparison lets SQLite
  // walk the matching index from the cursor on. Ordering compares ISO strings, so every
  // publishedAt must carry the same offset (+08:00), as the CloudBase adapter assumes too.
  const order = 'ORDER BY published_at DESC, id DESC LIMIT @limit'
  const after = '(published_at, id) < (@p, @i)'
  const listAll = db.prepare<{ limit: number }, SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles ${order}`,
  )
  const listAfter = db.prepare<{ limit: number; p: string; i: string }, SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${after} ${order}`,
  )
  const listCat = db.prepare<{ limit: number; c: string }, SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE category = @c ${order}`,
  )
  const listCatAfter = db.prepare<{ limit: number; c: string; p: string; i: string }, SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE category = @c AND ${after} ${order}`,
  )
  const getOne = db.prepare<[string], ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS}, body FROM articles WHERE id = ?`,
  )
  const incViews = db.prepare<[string], { views: number }>(
    'UPDATE articles SET views = views + 1 WHERE id = ? RETURNING views',
  )
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const insertArticle = db.prepare(
    `INSERT OR IGNORE INTO articles (id, title, summary, cover, category, tags, author, published_at, views, body)
     VALUES (@id, @title, @summary, @cover, @category, @tags, @author, @publishedAt, @views, @body)`,
  )
  const insertSetting = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)')

  const seed = db.transaction((articles: Article[], agency: AgencyContact | null | undefined) => {
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
    if (agency) inserted += insertSetting.run('agency', JSON.stringify(agency)).changes
    return inserted
  })

  return {
    file,

    async listArticles(query: ListArticlesQuery): Promise<ArticleSummary[]> {
      const limit = query.limit
      const rows = query.category
        ? query.after
          ? listCatAfter.all({ limit, c: query.category, p: query.after.publishedAt, i: query.after.id })
          : listCat.all({ limit, c: query.category })
        : query.after
          ? listAfter.all({ limit, p: query.after.publishedAt, i: query.after.id })
          : listAll.all({ limit })
      return rows.map(toSummary)
    },

    async getArticle(id: string): Promise<Article | null> {
      const row = getOne.get(id)
      return row ? { ...toSummary(row), body: row.body } : null
    },

    async incrementArticleViews(id: string): Promise<number | null> {
      return incViews.get(id)?.views ?? null
    },

    async getAgencyContact(): Promise<AgencyContact | null> {
      const row = getSetting.get('agency')
      return row ? (JSON.parse(row.value) as AgencyContact) : null
    },

    seedFromMock({ articles, agency }) {
      return seed(articles, agency)
    },

    close() {
      if (db.open) db.close()
    },
  }
}
