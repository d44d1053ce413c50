import { useMemo } from 'react'
import { View, Text, RichText, Image } from '@tarojs/components'
import { ARTICLE_CATEGORY_LABELS, type Article } from '@/domain/article'
import { formatCount, formatRelativeDate } from '@/domain/format'
import { mediaUrl } from '@/lib/media'
import { prepareRichBody } from '../richBody'
import './ArticleView.scss'

export function ArticleView({ article }: { article: Article }) {
  const body = useMemo(() => prepareRichBody(article.body), [article.body])
  return (
    <View className='article-view'>
      <Text className='article-view__title'>{article.title}</Text>
      <View className='article-view__meta'>
        <Text>{article.author}</Text>
        <Text>{formatRelativeDate(article.publishedAt)}</Text>
        <Text className='article-view__category'>{ARTICLE_CATEGORY_LABELS[article.category]}</Text>
        <Text>{formatCount(article.views)}次阅读</Text>
      </View>
      <Image className='article-view__cover' src={mediaUrl(article.cover)} mode='widthFix' />
      <RichText className='article-view__body' nodes={body} />
      {article.tags.length ? (
        <View className='article-view__tags'>
          {article.tags.map((tag) => (
            <Text key={tag} className='article-view__tag'>
              #{tag}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
