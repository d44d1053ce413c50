import { View, Text } from '@tarojs/components'
import type { PagedList } from '@/lib/usePagedList'
import './ui.scss'
import { tapTarget } from './a11y'

interface Props {
  loading: boolean
  hasMore: boolean
  failed: boolean
  onRetry: () => void
  onLoadMore: () => void
}

/** The foot of a paginated list: a tappable "load more", a spinner, a retry, or the end. */
export function ListFooter({ loading, hasMore, failed, onRetry, onLoadMore }: Props) {
  if (loading) {
    return (
      <View className='list-footer'>
        <View className='list-footer__spinner' />
        <Text>加载中…</Text>
      </View>
    )
  }
  if (failed) {
    return (
      <View className='list-footer list-footer--action' {...tapTarget()} onClick={onRetry}>
        <Text>加载失败，点击重试</Text>
      </View>
    )
  }
  if (hasMore) {
    return (
      <View className='list-footer list-footer--action' {...tapTarget()} onClick={onLoadMore}>
        <Text>加载更多</Text>
      </View>
    )
  }
  return (
    <View className='list-footer'>
      <Text>没有更多了</Text>
    </View>
  )
}

/** The foot of a list from usePagedList: load-more and its retry go to the same request. */
export function PagedListFooter({
  list,
}: {
  list: Pick<PagedList<unknown>, 'loadingMore' | 'hasMore' | 'loadMoreError' | 'loadMore'>
}) {
  const more = () => void list.loadMore()
  return (
    <ListFooter
      loading={list.loadingMore}
      hasMore={list.hasMore}
      failed={list.loadMoreError !== null}
      onRetry={more}
      onLoadMore={more}
    />
  )
}
