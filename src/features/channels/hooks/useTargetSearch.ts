import { useCallback } from 'react'
import type { ApiResult } from '@/domain/result'
import { DISTRICT_LABELS, LISTING_TYPE_LABELS } from '@/domain/park'
import { ARTICLE_CATEGORY_LABELS } from '@/domain/article'
import { usePagedList, type CursorPage } from '@/lib/usePagedList'
import { findArticles, findParks } from '../api'

export type TargetKind = 'park' | 'article'

/** One row of the target list: enough to recognise it and to name it on the page. */
export interface TargetOption {
  id: string
  title: string
  sub: string
}

function mapPage<T>(
  res: ApiResult<CursorPage<T>>,
  row: (item: T) => TargetOption,
): ApiResult<CursorPage<TargetOption>> {
  return res.ok
    ? { ok: true, data: { items: res.data.items.map(row), nextCursor: res.data.nextCursor } }
    : res
}

/**
 * Parks or articles to open with a code, found by keyword, 30 a page (the catalogue is about 50
 * of each: one page and a 加载更多). A new kind or keyword starts over from page one.
 */
export function useTargetSearch(kind: TargetKind | null, keyword: string) {
  const fetchPage = useCallback(
    async (cursor: string | null): Promise<ApiResult<CursorPage<TargetOption>>> => {
      if (kind === 'article') {
        return mapPage(await findArticles(keyword, cursor), (a) => ({
          id: a.id,
          title: a.title,
          sub: ARTICLE_CATEGORY_LABELS[a.category] ?? '',
        }))
      }
      return mapPage(await findParks(keyword, cursor), (p) => ({
        id: p.id,
        title: p.name,
        sub: [DISTRICT_LABELS[p.district], LISTING_TYPE_LABELS[p.type], p.id].filter(Boolean).join(' · '),
      }))
    },
    [kind, keyword],
  )
  return usePagedList(fetchPage, { enabled: kind !== null })
}
