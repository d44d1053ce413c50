import { View } from '@tarojs/components'
import type { ArticleSummary } from '@/domain/article'
import { SectionHeader } from '@/components/SectionHeader'
import { ArticleCard } from './ArticleCard'

interface Props {
  items: ArticleSummary[]
  now: Date
  onOpen: (id: string) => void
}

/** "相关阅读" at the end of an article; nothing when there is none. */
export function RelatedArticles({ items, now, onOpen }: Props) {
  if (items.length === 0) return null
  return (
    <View className='related-articles' aria-label='相关阅读'>
      <SectionHeader title='相关阅读' />
      {items.map((article) => (
        <ArticleCard key={article.id} article={article} now={now} onOpen={onOpen} />
      ))}
    </View>
  )
}
