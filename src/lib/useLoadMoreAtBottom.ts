import { useReachBottom } from '@tarojs/taro'
import type { PagedList } from './usePagedList'

/**
 * Scrolling to the bottom asks for the next page, unless the last attempt failed: then the
 * list's foot offers the retry and a scroll does not hammer a dead network.
 */
export function useLoadMoreAtBottom(
  list: Pick<PagedList<unknown>, 'hasMore' | 'loadMoreError' | 'loadMore'>,
) {
  useReachBottom(() => {
    if (list.hasMore && !list.loadMoreError) void list.loadMore()
  })
}
