import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ArticleCard } from '@/features/articles/components/ArticleCard'
import { useArticleList } from '@/features/articles/hooks/useArticleList'
import { articleDetailUrl } from '@/features/articles/routes'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { ListFooter } from '@/components/ListFooter'
import './index.scss'

export default function IndexPage() {
  const list = useArticleList()
  // One clock for the visit keeps every row's "n天前" consistent and memoised rows stable.
  const [now] = useState(() => new Date())

  usePullDownRefresh(() => {
    void list.refresh({ silent: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loadMoreError) void list.loadMore()
  })

  const open = useCallback((id: string) => {
    void Taro.navigateTo({ url: articleDetailUrl(id) })
  }, [])

  if (list.status === 'loading') return <CardSkeleton rows={5} />
  if (list.status === 'error' && list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.refresh()} />
  }
  if (list.items.length === 0) {
    return (
      <EmptyState
        title='暂无文章'
        description='编辑正在整理最新的园区资讯，请稍后再来看看'
        actionText='刷新'
        onAction={() => void list.refresh()}
      />
    )
  }
  return (
    <View className='index-page'>
      {list.items.map((article) => (
        <ArticleCard key={article.id} article={article} now={now} onOpen={open} />
      ))}
      <ListFooter
        loading={list.loadingMore}
        hasMore={list.hasMore}
        failed={list.loadMoreError !== null}
        onRetry={() => void list.loadMore()}
        onLoadMore={() => void list.loadMore()}
      />
    </View>
  )
}
