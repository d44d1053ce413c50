import { View } from '@tarojs/components'
import type { ArticleSummary } from '@/domain/article'
import { SectionHeader } from '@/components/SectionHeader'
import { ArticleCard } from './ArticleCard'

interface Props {
  items: ArticleSummary[]
  now: Date
  onOpen: (id: string) => void
  /** Section title; 最新资讯 under a hidden article's 已下架 notice. */
  title?: string
}

/** "相关阅读" at the end of an article; nothing when there is none. */
export function RelatedArticles({ items, now, onOpen, title = '相关阅读' }: Props) {
  if (items.length === 0) return null
  return (
    <View className='related-articles' aria-label={title}>
      <SectionHeader title={title} />
      {items.map((article) => (
        <ArticleCard key={article.id} article={article} now={now} onOpen={onOpen} />
      ))}
    </View>
  )
}
