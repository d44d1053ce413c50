import type { AgencyContact } from '@/domain/agency'
import type { ArticleSummary } from '@/domain/article'
import type { CodeTarget, MiniCode } from '@/domain/channels'
import type { Park } from '@/domain/park'
import { fail, type ApiResult } from '@/domain/result'
import { callApi } from '@/lib/api'

export type PosterTarget = Exclude<CodeTarget, { page: 'home' }>

export type PosterData =
  | { kind: 'park'; park: Park; contact: AgencyContact; code: MiniCode }
  | { kind: 'article'; article: ArticleSummary; contact: AgencyContact; code: MiniCode }

/**
 * What a poster shows: the park (with its building facts) or the article, the agency's hotline,
 * and the code for the same target and channel, asked for together. The detail actions count a
 * view, as any open of the page does: one per poster made.
 */
export async function fetchPosterData(
  target: PosterTarget,
  channel?: string,
): Promise<ApiResult<PosterData>> {
  const code = callApi('codes.get', { target, ...(channel ? { channel } : {}) })
  if (target.page === 'park') {
    const [detail, made] = await Promise.all([callApi('parks.get', { id: target.id }), code])
    if (!detail.ok) return detail
    if (!made.ok) return made
    // A withdrawn park is off every public page: a poster would send people to 已下架.
    if ('withdrawn' in detail.data) return fail('NOT_FOUND', '该园区已下架，无法制作海报')
    return {
      ok: true,
      data: { kind: 'park', park: detail.data.park, contact: detail.data.contact, code: made.data },
    }
  }
  const [detail, made] = await Promise.all([callApi('articles.get', { id: target.id }), code])
  if (!detail.ok) return detail
  if (!made.ok) return made
  if ('withdrawn' in detail.data) return fail('NOT_FOUND', '该文章已隐藏，无法制作海报')
  return {
    ok: true,
    data: { kind: 'article', article: detail.data.article, contact: detail.data.contact, code: made.data },
  }
}
