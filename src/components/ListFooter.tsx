import { View, Text } from '@tarojs/components'
import './ui.scss'

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
      <View className='list-footer list-footer--action' onClick={onRetry}>
        <Text>加载失败，点击重试</Text>
      </View>
    )
  }
  if (hasMore) {
    return (
      <View className='list-footer list-footer--action' onClick={onLoadMore}>
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
