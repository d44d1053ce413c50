import { useEffect } from 'react'
import { setPageTitle } from '@/lib/pageTitle'
import { recordView, type ViewedItem } from './store'

/**
 * What every detail page does once its item has loaded: the navigation bar shows the item's
 * title and the visit goes to the top of 浏览记录. `loaded` is null while loading or on error;
 * `toViewed` is a module-level function, so the effect runs again only for a newly loaded item.
 */
export function useViewedDetail<T>(loaded: T | null, toViewed: (item: T) => Omit<ViewedItem, 'viewedAt'>) {
  useEffect(() => {
    if (!loaded) return
    const viewed = toViewed(loaded)
    void setPageTitle(viewed.title)
    recordView(viewed)
  }, [loaded, toViewed])
}
