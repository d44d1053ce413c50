import { View } from '@tarojs/components'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { PagedListFooter } from '@/components/ListFooter'
import type { useArticleList } from '../hooks/useArticleList'
import { ArticleCard } from './ArticleCard'

type ListHandle = ReturnType<typeof useArticleList>

interface Props {
  list: ListHandle
  now: Date
  onOpen: (id: string) => void
  empty: { title: string; description?: string; actionText?: string; onAction?: () => void }
}

/** Every state of a paginated article list: skeleton, error with retry, empty, rows + footer. */
export function ArticleList({ list, now, onOpen, empty }: Props) {
  if (list.status === 'idle') return null
  if (list.status === 'loading') return <CardSkeleton rows={5} />
  if (list.status === 'error' && list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.retry()} />
  }
  if (list.items.length === 0) return <EmptyState {...empty} />
  return (
    <View className='article-list'>
      {list.items.map((article) => (
        <ArticleCard key={article.id} article={article} now={now} onOpen={onOpen} />
      ))}
      <PagedListFooter list={list} />
    </View>
  )
}
