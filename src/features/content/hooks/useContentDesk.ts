import { useCallback, useMemo, useRef, useState } from 'react'
import type { ContentArticleRow, ContentList, ContentParkRow } from '@/domain/content-edit'
import type { ApiError } from '@/domain/result'
import { useResource } from '@/lib/useResource'
import { fetchContent, saveArticleEdit } from '../api'

/**
 * The 内容管理 page's data: every park and article (content.list), with rows the page saved
 * since laid over the list, so a saved edit shows at once without reloading everything. A
 * reload (pull-to-refresh) starts from the server's rows again.
 */
export function useContentDesk() {
  const resource = useResource(fetchContent)
  const [saved, setSaved] = useState<{
    parks: Record<string, ContentParkRow>
    articles: Record<string, ContentArticleRow>
  }>({
    parks: {},
    articles: {},
  })
  // Article toggles in flight, by id: a second tap while one is saving does nothing.
  const [busyArticles, setBusyArticles] = useState<Record<string, boolean>>({})
  const inFlight = useRef(new Set<string>())

  const list: ContentList | null = useMemo(() => {
    if (resource.state.kind !== 'ready') return null
    const { parks, articles } = resource.state.data
    return {
      parks: parks.map((p) => saved.parks[p.id] ?? p),
      articles: articles.map((a) => saved.articles[a.id] ?? a),
    }
  }, [resource.state, saved])

  const reload = useCallback(async () => {
    const error = await resource.reload()
    if (!error) setSaved({ parks: {}, articles: {} })
    return error
  }, [resource])

  const parkSaved = useCallback((row: ContentParkRow) => {
    setSaved((s) => ({ ...s, parks: { ...s.parks, [row.id]: row } }))
  }, [])

  /** Flips one flag of an article; answers the error, or null when saved. */
  const toggleArticle = useCallback(
    async (row: ContentArticleRow, field: 'featured' | 'hidden'): Promise<ApiError | null> => {
      if (inFlight.current.has(row.id)) return null
      inFlight.current.add(row.id)
      setBusyArticles((b) => ({ ...b, [row.id]: true }))
      try {
        const res = await saveArticleEdit({ id: row.id, [field]: !row[field] })
        if (!res.ok) return res.error
        setSaved((s) => ({ ...s, articles: { ...s.articles, [row.id]: res.data.article } }))
        return null
      } finally {
        inFlight.current.delete(row.id)
        setBusyArticles((b) => ({ ...b, [row.id]: false }))
      }
    },
    [],
  )

  return {
    state: resource.state,
    list,
    reload,
    retry: resource.retry,
    parkSaved,
    toggleArticle,
    busyArticles,
  }
}
