import { memo } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { ARTICLE_CATEGORY_LABELS, type ArticleSummary } from '@/domain/article'
import { formatCount, formatRelative } from '@/domain/format'
import { mediaUrl } from '@/lib/media'
import '@/components/ui.scss'
import './ArticleCard.scss'
import { tapTarget } from '@/components/a11y'

interface Props {
  article: ArticleSummary
  now: Date
  onOpen: (id: string) => void
}

/**
 * One list row: cover, title, category, relative date and views. `compileMode`: in the mini
 * program Taro compiles this tree into a static template and a row sends only its values
 * through setData, not its node tree (issue 10 item 3); H5 ignores the attribute. Such a tree
 * holds Taro components only and no hyphenated props (the template would bind `i.data-id`).
 */
export const ArticleCard = memo(function ArticleCard({ article, now, onOpen }: Props) {
  return (
    <View
      compileMode
      className='ui-card article-card'
      {...tapTarget({ label: article.title })}
      onClick={() => onOpen(article.id)}
    >
      <Image
        className='ui-thumb article-card__cover'
        src={mediaUrl(article.cover)}
        mode='aspectFill'
        lazyLoad
      />
      <View className='article-card__main'>
        <Text className='ui-row-title article-card__title'>{article.title}</Text>
        <View className='article-card__meta'>
          <Text className='article-card__category'>{ARTICLE_CATEGORY_LABELS[article.category]}</Text>
          <Text>{formatRelative(article.publishedAt, now)}</Text>
          <Text>{formatCount(article.views)}阅读</Text>
        </View>
      </View>
    </View>
  )
})
