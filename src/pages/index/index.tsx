import { useCallback, useState } from 'react'
import Taro, { useDidHide, useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
// Design-system styles first (one shared sheet), so every page orders CSS the same way.
import { PrivacyAuthorization } from '@/components/PrivacyAuthorization'
import { DISTRICTS, DISTRICT_LABELS, type District } from '@/domain/park'
import { parseScene } from '@/domain/scene'
import { getSessionSource, rememberSource } from '@/lib/attribution'
import {
  ARTICLES_TAB_PATH,
  ARTICLE_DETAIL_PATH,
  HOME_PATH,
  PARK_DETAIL_PATH,
  PARKS_TAB_PATH,
  withQuery,
} from '@/lib/routes'
import { BlockSkeleton, CardSkeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { Chip } from '@/components/Chip'
import { Notice } from '@/components/Notice'
import { SearchEntry } from '@/components/SearchEntry'
import { SectionHeader } from '@/components/SectionHeader'
import { useHome } from '@/features/home/hooks/useHome'
import { HotlineBanner } from '@/features/home/components/HotlineBanner'
import { FeaturedParkCard } from '@/features/home/components/FeaturedParkCard'
import { ContactStrip } from '@/features/home/components/ContactStrip'
import { ArticleCard } from '@/features/articles/components/ArticleCard'
import { articleDetailUrl } from '@/features/articles/routes'
import { copyWechat, dial } from '@/features/contact/actions'
import { useContactEventsFlush } from '@/features/contact/hooks/useContactEventsFlush'
import { flushVisits, noteEntry } from '@/features/visits/record'
import { setPendingParkFilter } from '@/features/parks/filterStore'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import './index.scss'

/** switchTab takes no query: the parks tab applies a pending filter on its next show. */
function openParksTab(filter?: { district: District }) {
  if (filter) setPendingParkFilter(filter)
  void Taro.switchTab({ url: PARKS_TAB_PATH })
}

/** Contact taps on the home page are recorded like those on detail pages. */
const HOME_PLACE = { page: HOME_PATH }

const openPark = (id: string) => void Taro.navigateTo({ url: withQuery(PARK_DETAIL_PATH, { id }) })

function HomePage() {
  const home = useHome()
  // Hotline and WeChat taps here are queued like everywhere else: send them when the page hides.
  useContactEventsFlush()
  useDidHide(() => void flushVisits())
  const [now] = useState(() => new Date())

  // QR codes open the home page with `scene`; shared links may carry `src`.
  useLoad((options: Record<string, string | undefined> = {}) => {
    const target = parseScene(options.scene)
    rememberSource(target.source ?? options.src)
    // The funnel's entry by this code or card (once per visit: the app's launch may have noted it).
    if (options.scene || options.src) noteEntry({ path: HOME_PATH, query: options })
    if (target.page === 'park') openPark(target.id)
    else if (target.page === 'article')
      void Taro.navigateTo({ url: withQuery(ARTICLE_DETAIL_PATH, { id: target.id }) })
  })

  usePullDownRefresh(() => {
    void home.refresh().finally(() => Taro.stopPullDownRefresh())
  })

  useShareAppMessage(() => ({
    title: '上海产业园区招商 · 厂房土地租售 · 企业注册落户',
    path: withQuery(HOME_PATH, { src: getSessionSource() ?? 'share' }),
  }))

  const openArticle = useCallback((id: string) => void Taro.navigateTo({ url: articleDetailUrl(id) }), [])

  if (home.status === 'loading') {
    return (
      <View className='home-page'>
        <BlockSkeleton height={300} />
        <BlockSkeleton height={88} />
        <CardSkeleton rows={3} />
      </View>
    )
  }
  if (home.status === 'error') {
    return <ErrorState error={home.error} onRetry={() => void home.retry()} />
  }

  const { contact, featuredParks, latestArticles } = home.data
  return (
    <View className='home-page'>
      {home.stale ? (
        <Notice text='网络异常，显示的是缓存内容' actionText='重试' onAction={() => void home.refresh()} />
      ) : null}
      <HotlineBanner contact={contact} onCall={(n) => dial(n, HOME_PLACE)} />

      <View className='home-page__search'>
        <SearchEntry placeholder='搜索园区、厂房、土地' onTap={() => openParksTab()} />
      </View>

      <View className='home-page__districts' aria-label='按区域找园区'>
        {DISTRICTS.map((district) => (
          <Chip key={district} label={DISTRICT_LABELS[district]} onClick={() => openParksTab({ district })} />
        ))}
        <Chip label='全部区域' onClick={() => openParksTab()} />
      </View>

      {featuredParks.length ? (
        <View className='home-page__section'>
          <SectionHeader title='推荐园区' actionText='全部园区' onAction={() => openParksTab()} />
          <View className='home-page__parks'>
            {featuredParks.map((park) => (
              <FeaturedParkCard key={park.id} park={park} onOpen={openPark} />
            ))}
          </View>
        </View>
      ) : null}

      {latestArticles.length ? (
        <View className='home-page__section'>
          <SectionHeader
            title='最新资讯'
            actionText='更多资讯'
            onAction={() => void Taro.switchTab({ url: ARTICLES_TAB_PATH })}
          />
          {latestArticles.map((article) => (
            <ArticleCard key={article.id} article={article} now={now} onOpen={openArticle} />
          ))}
        </View>
      ) : null}

      <ContactStrip
        contact={contact}
        onCall={(n) => dial(n, HOME_PLACE)}
        onCopyWechat={() => copyWechat(contact, HOME_PLACE)}
      />
      {/* Answers WeChat's privacy prompt for the clipboard / contacts on this page. */}
      <PrivacyAuthorization />
    </View>
  )
}

export default withPageBoundary(HomePage)
