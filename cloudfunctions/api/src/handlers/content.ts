import type * as v from 'valibot'
import {
  CONTENT_LIST_MAX,
  priceFieldProblem,
  type ContentArticleRow,
  type ContentList,
  type ContentParkRow,
  type UpdateArticleSchema,
  type UpdateParkSchema,
} from '@/domain/content-edit'
import type { ActionContext } from '../context'
import { ActionError, MESSAGES } from '../errors'
import type { AuditLog } from '../ports/audit-log'
import type { ArticleEdit, ContentEditor, ParkEdit } from '../ports/content-editor'

/*
 * content.list / content.updatePark / content.updateArticle (issue 9 item 5), staff only (the
 * router has checked the caller). Last write wins per field (domain/content-edit.ts); every write
 * that changes something is audit-logged with the changed fields before → after.
 */

const NO_CONTENT = 'content editor is not wired (ApiDeps.content)'
const PARK_GONE = '园区不存在'
const ARTICLE_GONE = '文章不存在'

type ParkInput = v.InferOutput<typeof UpdateParkSchema>
type ArticleInput = v.InferOutput<typeof UpdateArticleSchema>

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The fields of `edit` whose value differs from `row`, as before / after objects. */
function diff<R extends object>(row: R, edit: Partial<R>) {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(edit)) {
    if (value === undefined) continue
    const old = (row as Record<string, unknown>)[key]
    if (same(old, value)) continue
    before[key] = old ?? null
    after[key] = value
  }
  return { before, after, changed: Object.keys(after).length > 0 }
}

export function createContentHandlers(deps: { content?: ContentEditor; audit?: AuditLog }) {
  const content = (): ContentEditor => {
    if (!deps.content) throw new Error(NO_CONTENT)
    return deps.content
  }
  const audit = (): AuditLog => {
    if (!deps.audit) throw new Error(MESSAGES.noAudit)
    return deps.audit
  }

  /**
   * Writes the fields `edit` changes on `row`, then audit-logs them before → after. An edit that
   * changes nothing writes nothing and logs nothing; a row gone in between is NOT_FOUND.
   */
  async function applyEdit<R extends { id: string }, E extends Partial<R>>(
    target: 'park' | 'article',
    row: R,
    edit: E,
    write: (changes: E) => Promise<R | null>,
    log: AuditLog,
    ctx: ActionContext,
  ): Promise<R> {
    const { before, after, changed } = diff(row, edit)
    if (!changed) return row
    const updated = await write(after as E)
    if (!updated) throw new ActionError('NOT_FOUND', target === 'park' ? PARK_GONE : ARTICLE_GONE)
    const action = target === 'park' ? 'content.updatePark' : 'content.updateArticle'
    await log.record({
      actorId: ctx.staff!.id,
      action,
      targetType: target,
      targetId: row.id,
      before,
      after,
      at: ctx.now().toISOString(),
    })
    ctx.logger.info(`${target} edited`, { id: row.id, fields: Object.keys(after), by: ctx.staff!.id })
    return updated
  }

  return {
    async list(): Promise<ContentList> {
      return content().listContent(CONTENT_LIST_MAX)
    },

    async updatePark(p: ParkInput, ctx: ActionContext): Promise<{ park: ContentParkRow }> {
      const log = audit() // before anything is written: no write goes unrecorded
      const store = content()
      const row = await store.findParkRow(p.id)
      if (!row) throw new ActionError('NOT_FOUND', PARK_GONE)
      if (p.price !== undefined) {
        // The unit follows the park's deal (rent 元/m²/天, sale 元/m²): priceProblem's rule.
        const problem = priceFieldProblem(row.deal, p.price)
        if (problem) throw new ActionError('VALIDATION', MESSAGES.validation, { price: problem })
      }
      const edit: ParkEdit = {
        status: p.status,
        price: p.price,
        featured: p.featured,
        featuredOrder: p.featuredOrder,
      }
      return {
        park: await applyEdit('park', row, edit, (changes) => store.updatePark(row.id, changes), log, ctx),
      }
    },

    async updateArticle(p: ArticleInput, ctx: ActionContext): Promise<{ article: ContentArticleRow }> {
      const log = audit()
      const store = content()
      const row = await store.findArticleRow(p.id)
      if (!row) throw new ActionError('NOT_FOUND', ARTICLE_GONE)
      const edit: ArticleEdit = { featured: p.featured, hidden: p.hidden }
      return {
        article: await applyEdit(
          'article',
          row,
          edit,
          (changes) => store.updateArticle(row.id, changes),
          log,
          ctx,
        ),
      }
    },
  }
}
