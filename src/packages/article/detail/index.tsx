import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
// Design-system styles first (one shared sheet), so every page orders CSS the same way.
import { PrivacyAuthorization } from '@/components/PrivacyAuthorization'
import { ARTICLE_CATEGORY_LABELS, type Article } from '@/domain/article'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { useArticleDetail } from '@/features/articles/hooks/useArticleDetail'
import { ArticleView } from '@/features/articles/components/ArticleView'
import { RelatedArticles } from '@/features/articles/components/RelatedArticles'
import {
  articleDetailUrl,
  articleShareQuery,
  articleSharePath,
  articleTagUrl,
  shareSource,
} from '@/features/articles/routes'
import { ContactBar } from '@/features/contact/components/ContactBar'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { isMomentsSinglePage } from '@/features/parks/platform'
import { useViewedDetail } from '@/features/history/useViewedDetail'
import { useDetailView } from '@/features/visits/useDetailView'
import { getSessionSource, rememberSource } from '@/lib/attribution'
import { mediaUrl } from '@/lib/media'
import { ARTICLE_DETAIL_PATH, HOME_PATH } from '@/lib/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { decodeParam } from '@/lib/params'
import './index.scss'

const goHome = () => void Taro.reLaunch({ url: HOME_PATH })

const viewedArticle = (article: Article) => ({
  kind: 'article' as const,
  id: article.id,
  title: article.title,
  cover: article.cover,
  subtitle: ARTICLE_CATEGORY_LABELS[article.category],
})

function ArticleDetailPage() {
  const { params } = useRouter()
  const id = decodeParam(params.id) || undefined
  const detail = useArticleDetail(id)
  const [now] = useState(() => new Date())
  // Opened from Moments: read-only, nothing leads elsewhere.
  const [singlePage] = useState(isMomentsSinglePage)

  // Opened from a shared card (`src=`): remember where the visit came from.
  useLoad((options: Record<string, string | undefined> = {}) => rememberSource(options.src))

  const live = detail.status === 'ready' && !('withdrawn' in detail.data) ? detail.data : null
  const article = live ? live.article : null
  useViewedDetail(article, viewedArticle)
  useDetailView('article', article?.id, ARTICLE_DETAIL_PATH)

  // The same card for a chat and for Moments; only how the target is written differs.
  const share = () => ({
    card: article ? { title: article.title, imageUrl: mediaUrl(article.cover) } : { title: '园区资讯' },
    target: article?.id ?? id ?? '',
    source: shareSource(getSessionSource()),
  })
  useShareAppMessage(() => {
    const { card, target, source } = share()
    return { ...card, path: articleSharePath(target, source) }
  })
  useShareTimeline(() => {
    const { card, target, source } = share()
    return { ...card, query: articleShareQuery(target, source) }
  })

  const openTag = useCallback((tag: string) => void Taro.navigateTo({ url: articleTagUrl(tag) }), [])
  // Reading on from the end of an article replaces it, so the page stack stays shallow.
  const openRelated = useCallback((next: string) => void Taro.redirectTo({ url: articleDetailUrl(next) }), [])

  if (detail.status === 'loading') return <CardSkeleton rows={3} />
  if (detail.status === 'error')
    return <ErrorState error={detail.error} onRetry={() => void detail.reload()} onHome={goHome} />
  if ('withdrawn' in detail.data) {
    // Hidden by the agency (issue 9 item 5): say so and offer the newest reads instead.
    const gone = detail.data
    return (
      <View className='article-detail-page'>
        <EmptyState
          title='该文章已下架'
          description={`「${gone.title}」已下架，看看最新的园区资讯吧。`}
          actionText='返回首页'
          onAction={goHome}
        />
        <RelatedArticles items={gone.latest} now={now} onOpen={openRelated} title='最新资讯' />
      </View>
    )
  }
  const { article: a, contact, related } = detail.data
  const place = { page: ARTICLE_DETAIL_PATH, articleId: a.id }
  return (
    <View className='article-detail-page'>
      <ArticleView article={a} onTag={singlePage ? undefined : openTag} />
      <ContactCard contact={contact} place={place} kefu={!singlePage} />
      {singlePage ? null : <RelatedArticles items={related ?? []} now={now} onOpen={openRelated} />}
      <ContactBar contact={contact} place={place} inquiry={singlePage ? undefined : { articleId: a.id }} />
      {/* Answers WeChat's privacy prompt for the clipboard / contacts on this page. */}
      <PrivacyAuthorization />
    </View>
  )
}

export default withPageBoundary(ArticleDetailPage)
