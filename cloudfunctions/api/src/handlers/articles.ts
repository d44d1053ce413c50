import type { ArticleDetail, WithdrawnArticleDetail } from '@/domain/actions'
import type { ArticlePage } from '@/domain/article'
import type { GetArticleSchema, ListArticlesSchema } from '@/domain/schemas'
import type * as v from 'valibot'
import { ActionError, MESSAGES } from '../errors'
import { toPage } from './paging'
import type { ArticleKey, StoragePort } from '../ports/storage'

type ListInput = v.InferOutput<typeof ListArticlesSchema>
type GetInput = v.InferOutput<typeof GetArticleSchema>

const ID_RE = /^[\w-]{1,64}$/
export const RELATED_LIMIT = 4
const BASE64URL_RE = /^[A-Za-z0-9_-]+$/

/** The cursor is opaque to clients: base64url of {"p": publishedAt, "i": id}. */
export function encodeCursor(key: ArticleKey): string {
  return Buffer.from(JSON.stringify({ p: key.publishedAt, i: key.id }), 'utf8').toString('base64url')
}

/** Returns null for anything that is not a cursor this server could have issued. */
export function decodeCursor(cursor: string): ArticleKey | null {
  // Buffer's base64 decoder skips junk silently, so check the alphabet first.
  if (!BASE64URL_RE.test(cursor)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
  const { p, i } = parsed as { p?: unknown; i?: unknown }
  if (typeof p !== 'string' || typeof i !== 'string') return null
  if (p.length === 0 || p.length > 40 || Number.isNaN(Date.parse(p)) || !ID_RE.test(i)) return null
  return { publishedAt: p, id: i }
}

export function createArticleHandlers(storage: StoragePort) {
  return {
    async list(input: ListInput): Promise<ArticlePage> {
      let after: ArticleKey | undefined
      if (input.cursor) {
        const key = decodeCursor(input.cursor)
        if (!key) throw new ActionError('VALIDATION', MESSAGES.validation, { cursor: MESSAGES.badCursor })
        after = key
      }
      // One row more than asked tells whether a next page exists without a count query.
      const rows = await storage.listArticles({
        category: input.category,
        tag: input.tag,
        // The schema trims; an all-blank keyword filters nothing.
        keyword: input.keyword ? input.keyword : undefined,
        after,
        limit: input.limit + 1,
      })
      return toPage(rows, input.limit, encodeCursor)
    },

    async get(input: GetInput): Promise<ArticleDetail | WithdrawnArticleDetail> {
      // Count the view and read what the page shows at once: one round of storage calls.
      const [views, article, contact, related] = await Promise.all([
        storage.incrementArticleViews(input.id),
        storage.getArticle(input.id),
        storage.getAgencyContact(),
        storage.listRelatedArticles(input.id, RELATED_LIMIT),
      ])
      if (views === null || !article) throw new ActionError('NOT_FOUND', MESSAGES.notFound)
      // A missing contact is a deployment fault, not the caller's: the router answers INTERNAL.
      if (!contact) throw new Error('agency contact is missing from storage (settings/agency)')
      // Hidden (issue 9 item 5): 已下架 with the latest articles instead; never the body.
      if (article.hidden) {
        const latest = await storage.listArticles({ limit: RELATED_LIMIT })
        return { withdrawn: true, id: article.id, title: article.title, contact, latest }
      }
      return {
        article: { ...article, views },
        contact,
        related: related.filter((a) => a.id !== article.id).slice(0, RELATED_LIMIT),
      }
    },
  }
}
