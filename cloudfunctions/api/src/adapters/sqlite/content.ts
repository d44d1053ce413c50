import type Database from 'better-sqlite3'
import type { ArticleCategory } from '@/domain/article'
import type { ContentArticleRow, ContentList, ContentParkRow } from '@/domain/content-edit'
import type { Deal, District, ListingType, ParkStatus, PriceUnit } from '@/domain/park'
import type { ArticleEdit, ContentEditor, ParkEdit } from '../../ports/content-editor'

/*
 * The staff desk's quick edits on the catalogue tables (migration step "content edits"). A write
 * sets only the columns given; the price sort keys and the featured rank are generated columns,
 * so every list order follows the new price / order at once. search_text holds no price.
 */

interface ParkRowDb {
  id: string
  name: string
  district: string
  type: string
  deal: string
  status: string
  price_value: number | null
  price_unit: string | null
  featured: number
  featured_order: number | null
  updated_at: string
}

interface ArticleRowDb {
  id: string
  title: string
  category: string
  published_at: string
  featured: number
  hidden: number
}

const PARK_COLUMNS =
  'id, name, district, type, deal, status, price_value, price_unit, featured, featured_order, updated_at'
const ARTICLE_COLUMNS = 'id, title, category, published_at, featured, hidden'

function toParkRow(r: ParkRowDb): ContentParkRow {
  return {
    id: r.id,
    name: r.name,
    district: r.district as District,
    type: r.type as ListingType,
    deal: r.deal as Deal,
    status: r.status as ParkStatus,
    price:
      r.price_value === null
        ? null
        : { value: r.price_value, unit: (r.price_unit ?? 'yuan_m2') as PriceUnit },
    featured: r.featured === 1,
    featuredOrder: r.featured_order,
    updatedAt: r.updated_at,
  }
}

function toArticleRow(r: ArticleRowDb): ContentArticleRow {
  return {
    id: r.id,
    title: r.title,
    category: r.category as ArticleCategory,
    publishedAt: r.published_at,
    featured: r.featured === 1,
    hidden: r.hidden === 1,
  }
}

export function createSqliteContentEditor(db: Database.Database): ContentEditor {
  // Both walk the newest indexes (parks_newest, articles_published) with a LIMIT.
  const allParks = db.prepare<[number], ParkRowDb>(
    `SELECT ${PARK_COLUMNS} FROM parks ORDER BY updated_at DESC, id DESC LIMIT ?`,
  )
  const allArticles = db.prepare<[number], ArticleRowDb>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY published_at DESC, id DESC LIMIT ?`,
  )
  const parkById = db.prepare<[string], ParkRowDb>(`SELECT ${PARK_COLUMNS} FROM parks WHERE id = ?`)
  const articleById = db.prepare<[string], ArticleRowDb>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`,
  )

  // Statements per set of columns written (at most 2⁴ shapes), prepared once each.
  const statements = new Map<string, Database.Statement>()
  const prepared = (sql: string) => {
    let stmt = statements.get(sql)
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)))
    return stmt
  }

  function update(table: 'parks' | 'articles', id: string, values: Record<string, string | number | null>) {
    const columns = Object.keys(values)
    if (columns.length === 0) return
    const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`
    prepared(sql).run({ ...values, id })
  }

  const updateParkTx = db.transaction((id: string, edit: ParkEdit): ContentParkRow | null => {
    if (!parkById.get(id)) return null
    const values: Record<string, string | number | null> = {}
    if (edit.status !== undefined) values.status = edit.status
    if (edit.price !== undefined) {
      values.price_value = edit.price ? edit.price.value : null
      values.price_unit = edit.price ? edit.price.unit : null
    }
    if (edit.featured !== undefined) values.featured = edit.featured ? 1 : 0
    if (edit.featuredOrder !== undefined) values.featured_order = edit.featuredOrder
    update('parks', id, values)
    return toParkRow(parkById.get(id)!)
  })

  const updateArticleTx = db.transaction((id: string, edit: ArticleEdit): ContentArticleRow | null => {
    if (!articleById.get(id)) return null
    const values: Record<string, number> = {}
    if (edit.featured !== undefined) values.featured = edit.featured ? 1 : 0
    if (edit.hidden !== undefined) values.hidden = edit.hidden ? 1 : 0
    update('articles', id, values)
    return toArticleRow(articleById.get(id)!)
  })

  return {
    async listContent(max: number): Promise<ContentList> {
      return { parks: allParks.all(max).map(toParkRow), articles: allArticles.all(max).map(toArticleRow) }
    },
    async findParkRow(id) {
      const row = parkById.get(id)
      return row ? toParkRow(row) : null
    },
    async findArticleRow(id) {
      const row = articleById.get(id)
      return row ? toArticleRow(row) : null
    },
    async updatePark(id, edit) {
      return updateParkTx.immediate(id, edit)
    },
    async updateArticle(id, edit) {
      return updateArticleTx.immediate(id, edit)
    },
  }
}
