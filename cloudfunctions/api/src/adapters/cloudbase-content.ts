import type { ArticleCategory } from '@/domain/article'
import type { ContentArticleRow, ContentList, ContentParkRow } from '@/domain/content-edit'
import { PARK_STATUSES, type Park, type ParkStatus } from '@/domain/park'
import { FEATURED_RANK_NONE } from '../core/park-order'
import type { ArticleEdit, ContentEditor, ParkEdit } from '../ports/content-editor'
import { COLLECTIONS } from './cloudbase-collections'
import {
  CLOUD_PARK_DERIVED,
  fromCloudPark,
  toCloudPark,
  type CloudDatabase,
  type CloudDoc,
} from './cloudbase-storage'

/*
 * The staff desk's quick edits on the `parks` / `articles` documents (issue 9 item 5). A park
 * write sets only the edited fields plus every field toCloudPark derives, computed by
 * toCloudPark itself from the whole park after the edit: the price sort keys and the featured
 * rank can never disagree with the price and order the pages show.
 */

const PARK_ROW_FIELDS = {
  name: true,
  district: true,
  type: true,
  deal: true,
  status: true,
  price: true,
  featured: true,
  featuredOrder: true,
  updatedAt: true,
}
const ARTICLE_ROW_FIELDS = { title: true, category: true, publishedAt: true, featured: true, hidden: true }

function toParkRow(doc: CloudDoc): ContentParkRow {
  const park = fromCloudPark(doc)
  const status = PARK_STATUSES.includes(doc.status as ParkStatus) ? (doc.status as ParkStatus) : 'available'
  return {
    id: park.id,
    name: park.name,
    district: park.district,
    type: park.type,
    deal: park.deal,
    status,
    price: park.price,
    featured: park.featured,
    featuredOrder: park.featuredOrder ?? null,
    updatedAt: park.updatedAt,
  }
}

function toArticleRow(doc: CloudDoc): ContentArticleRow {
  return {
    id: doc._id,
    title: String(doc.title ?? ''),
    category: doc.category as ArticleCategory,
    publishedAt: String(doc.publishedAt ?? ''),
    featured: doc.featured === true,
    hidden: doc.hidden === true,
  }
}

/**
 * Featured parks written before `featuredRank` existed would sort first by it (a missing field
 * sorts lowest): the setup step gives them the "no order" rank. Returns documents updated.
 */
export async function backfillFeaturedRanks(db: CloudDatabase): Promise<number> {
  const _ = db.command
  const res = await db
    .collection(COLLECTIONS.parks)
    .where({ featured: true, featuredRank: _.exists(false) })
    .update({ data: { featuredRank: FEATURED_RANK_NONE } })
  return res.stats.updated
}

export function createCloudbaseContentEditor(db: CloudDatabase): ContentEditor {
  const _ = db.command
  const one = async (collection: string, id: string, fields?: Record<string, boolean>) => {
    let q = db.collection(collection).where({ _id: id })
    if (fields) q = q.field(fields)
    return (await q.limit(1).get()).data[0] ?? null
  }

  return {
    async listContent(max: number): Promise<ContentList> {
      // A cloud-function query returns at most 1,000 documents: one page of each, newest first.
      const limit = Math.max(1, Math.min(max, 1000))
      const [parks, articles] = await Promise.all([
        db
          .collection(COLLECTIONS.parks)
          .orderBy('updatedAt', 'desc')
          .orderBy('_id', 'desc')
          .field(PARK_ROW_FIELDS)
          .limit(limit)
          .get(),
        db
          .collection(COLLECTIONS.articles)
          .orderBy('publishedAt', 'desc')
          .orderBy('_id', 'desc')
          .field(ARTICLE_ROW_FIELDS)
          .limit(limit)
          .get(),
      ])
      return { parks: parks.data.map(toParkRow), articles: articles.data.map(toArticleRow) }
    },

    async findParkRow(id) {
      const doc = await one(COLLECTIONS.parks, id, PARK_ROW_FIELDS)
      return doc ? toParkRow(doc) : null
    },

    async findArticleRow(id) {
      const doc = await one(COLLECTIONS.articles, id, ARTICLE_ROW_FIELDS)
      return doc ? toArticleRow(doc) : null
    },

    async updatePark(id, edit: ParkEdit) {
      const doc = await one(COLLECTIONS.parks, id)
      if (!doc) return null
      const next: Park = { ...fromCloudPark(doc) }
      const data: Record<string, unknown> = {}
      if (edit.status !== undefined) data.status = next.status = edit.status
      if (edit.price !== undefined) data.price = next.price = edit.price
      if (edit.featured !== undefined) data.featured = next.featured = edit.featured
      if (edit.featuredOrder !== undefined) {
        if (edit.featuredOrder === null) {
          delete next.featuredOrder
          data.featuredOrder = _.remove()
        } else data.featuredOrder = next.featuredOrder = edit.featuredOrder
      }
      const derived = toCloudPark(next)
      for (const field of CLOUD_PARK_DERIVED) data[field] = derived[field]
      // Last write wins per field: only these fields are set (see domain/content-edit.ts).
      await db.collection(COLLECTIONS.parks).doc(id).update({ data })
      const after = await one(COLLECTIONS.parks, id, PARK_ROW_FIELDS)
      return after ? toParkRow(after) : null
    },

    async updateArticle(id, edit: ArticleEdit) {
      if (!(await one(COLLECTIONS.articles, id, { _id: true }))) return null
      const data: Record<string, unknown> = {}
      if (edit.featured !== undefined) data.featured = edit.featured
      if (edit.hidden !== undefined) data.hidden = edit.hidden
      await db.collection(COLLECTIONS.articles).doc(id).update({ data })
      const after = await one(COLLECTIONS.articles, id, ARTICLE_ROW_FIELDS)
      return after ? toArticleRow(after) : null
    },
  }
}
