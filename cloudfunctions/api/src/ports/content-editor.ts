import type { ContentArticleRow, ContentList, ContentParkRow } from '@/domain/content-edit'
import type { ParkStatus, Price } from '@/domain/park'

/** The fields content.updatePark may change; absent = unchanged, featuredOrder null = none. */
export interface ParkEdit {
  status?: ParkStatus
  price?: Price | null
  featured?: boolean
  featuredOrder?: number | null
}

export interface ArticleEdit {
  featured?: boolean
  hidden?: boolean
}

/**
 * The staff desk's quick content edits (issue 9 item 5), over the same park and article records
 * the catalogue reads. Writes touch only the given fields plus what derives from them (price sort
 * keys, the featured rank), so the public lists are right at once.
 */
export interface ContentEditor {
  /** Every park and article, hidden / withdrawn included, newest first, at most `max` of each. */
  listContent(max: number): Promise<ContentList>
  findParkRow(id: string): Promise<ContentParkRow | null>
  findArticleRow(id: string): Promise<ContentArticleRow | null>
  /** The row after the write, or null when the park does not exist. */
  updatePark(id: string, edit: ParkEdit): Promise<ContentParkRow | null>
  updateArticle(id: string, edit: ArticleEdit): Promise<ContentArticleRow | null>
}
