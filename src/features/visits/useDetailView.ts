import { useEffect, useRef } from 'react'
import { useDidHide } from '@tarojs/taro'
import { flushVisits, recordView } from './record'

/**
 * What a park or article detail page does for the channel funnel: one 'view' once its item has
 * loaded (a retry or a refresh of the same item is not another view), and the queued visits go
 * out when the page is hidden (the visitor moves on or leaves). `id` is undefined while loading
 * or on error.
 */
export function useDetailView(kind: 'park' | 'article', id: string | undefined, page: string): void {
  const seen = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!id || seen.current === id) return
    seen.current = id
    recordView(kind === 'park' ? { parkId: id } : { articleId: id }, page)
  }, [kind, id, page])
  useDidHide(() => void flushVisits())
}
