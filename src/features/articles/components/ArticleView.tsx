import { useMemo } from 'react'
import { View, Text, RichText, Image } from '@tarojs/components'
import { ARTICLE_CATEGORY_LABELS, type Article } from '@/domain/article'
import { formatCount, formatRelativeDate } from '@/domain/format'
import { mediaUrl } from '@/lib/media'
import { Chip } from '@/components/Chip'
import { prepareRichBody } from '../richBody'
import './ArticleView.scss'

interface Props {
  article: Article
  /** Tapping a tag: open the list of articles with that tag. Tags are plain text without it. */
  onTag?: (tag: string) => void
}

export function ArticleView({ article, onTag }: Props) {
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
      <Image
        className='article-view__cover'
        src={mediaUrl(article.cover)}
        mode='widthFix'
        // H5: the page's largest paint. Covers are 750×420; the img's width/height let the
        // browser keep that room before it loads (no jump of the text below) and ask for it first.
        {...(process.env.TARO_ENV === 'h5'
          ? { nativeProps: { width: 750, height: 420, fetchpriority: 'high', decoding: 'async' } }
          : {})}
      />
      <RichText className='article-view__body' nodes={body} />
      {article.tags.length ? (
        <View className='article-view__tags'>
          {article.tags.map((tag) => (
            <Chip key={tag} variant='tag' label={tag} onClick={onTag ? () => onTag(tag) : undefined} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
