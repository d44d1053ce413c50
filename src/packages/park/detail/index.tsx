import { useCallback, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
// Design-system styles first (one shared sheet), so every page orders CSS the same way.
import { PrivacyAuthorization } from '@/components/PrivacyAuthorization'
import type { Park } from '@/domain/park'
import { parseScene } from '@/domain/scene'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { getSessionSource, rememberSource } from '@/lib/attribution'
import { HOME_PATH, PARK_DETAIL_PATH } from '@/lib/routes'
import { useParkDetail } from '@/features/parks/hooks/useParkDetail'
import { ParkGallery } from '@/features/parks/components/ParkGallery'
import { ParkView } from '@/features/parks/components/ParkView'
import { ParkLocation } from '@/features/parks/components/ParkLocation'
import { ParkCard } from '@/features/parks/components/ParkCard'
import { ParkFavouriteAction } from '@/features/parks/components/ParkActionBar'
import { openParkDetail } from '@/features/parks/routes'
import { parkMetaLine, toParkSummary } from '@/features/parks/query'
import { parkShareMessage, parkShareTimeline } from '@/features/parks/share'
import { isMomentsSinglePage } from '@/features/parks/platform'
import { ContactBar } from '@/features/contact/components/ContactBar'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { toggleFavourite, useFavourites } from '@/features/favourites/store'
import { useViewedDetail } from '@/features/history/useViewedDetail'
import { useDetailView } from '@/features/visits/useDetailView'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { decodeParam } from '@/lib/params'
import './index.scss'

const goHome = () => void Taro.reLaunch({ url: HOME_PATH })

/**
 * The park to show: `?id=p012&src=…` from a list, a shared card or Moments, or a QR code's
 * `?scene=p%3Dp012%26s%3D…`. The source is remembered for the session (first touch wins).
 */
function readEntry(params: Record<string, string | undefined>): string | undefined {
  if (params.id) {
    rememberSource(params.src)
    return decodeParam(params.id)
  }
  if (params.scene) {
    const target = parseScene(params.scene)
    rememberSource(target.source)
    return target.page === 'park' ? target.id : undefined
  }
  return undefined
}

const shareSource = () => getSessionSource() ?? 'share'

const viewedPark = (park: Park) => ({
  kind: 'park' as const,
  id: park.id,
  title: park.name,
  cover: park.cover,
  subtitle: parkMetaLine(park),
})

function ParkDetailPage() {
  const { params } = useRouter()
  const [id] = useState(() => readEntry(params))
  // Opened from Moments: read-only, nothing leads elsewhere.
  const [singlePage] = useState(isMomentsSinglePage)
  const detail = useParkDetail(id)
  const { isFavourite } = useFavourites()
  const park = detail.status === 'ready' && !('withdrawn' in detail.data) ? detail.data.park : null

  useViewedDetail(park, viewedPark)
  useDetailView('park', park?.id, PARK_DETAIL_PATH)

  useShareAppMessage(() => parkShareMessage(park?.id ?? id ?? '', park, shareSource()))
  useShareTimeline(() => parkShareTimeline(park?.id ?? id ?? '', park, shareSource()))

  const openSimilar = useCallback((similarId: string) => openParkDetail(similarId), [])

  if (detail.status === 'loading') {
    return (
      <View className='park-detail-page'>
        <View className='park-detail-page__photo-placeholder' />
        <CardSkeleton rows={3} />
      </View>
    )
  }
  if (detail.status === 'error') {
    return <ErrorState error={detail.error} onRetry={() => void detail.reload()} onHome={goHome} />
  }

  if ('withdrawn' in detail.data) {
    // Withdrawn by the agency (issue 9 item 5): a shared card or a poster's code may outlive the
    // listing, so say so plainly and offer similar parks and the agency's contact instead.
    const gone = detail.data
    return (
      <View className='park-detail-page park-detail-page--withdrawn'>
        <EmptyState
          title='该园区已下架'
          description={`「${gone.name}」已下架，您可以看看下面的相似园区，或直接联系我们了解最新房源。`}
          actionText='返回首页'
          onAction={goHome}
        />
        {gone.similar.length && !singlePage ? (
          <View className='park-detail-page__similar'>
            <Text className='park-detail-page__section'>相似园区</Text>
            {gone.similar.map((s) => (
              <ParkCard key={s.id} park={s} compact onOpen={openSimilar} />
            ))}
          </View>
        ) : null}
        <ContactCard
          contact={gone.contact}
          place={{ page: PARK_DETAIL_PATH, parkId: gone.id }}
          kefu={!singlePage}
        />
      </View>
    )
  }

  const { park: p, contact, similar } = detail.data
  const favourite = isFavourite(p.id)
  const place = { page: PARK_DETAIL_PATH, parkId: p.id }

  const onFavourite = () => {
    const saved = toggleFavourite(toParkSummary(p))
    void Taro.showToast({ title: saved ? '已收藏' : '已取消收藏', icon: 'none' })
  }

  return (
    <View className='park-detail-page'>
      <ParkGallery photos={p.photos.length ? p.photos : [p.cover]} name={p.name} />
      {p.status === 'let' ? (
        <View className='park-detail-page__let' role='status'>
          <Text>该房源已租出，可留言咨询同区域的其他房源或下一次空置时间</Text>
        </View>
      ) : null}
      <ParkView park={p} />
      <ParkLocation park={p} />

      {singlePage ? (
        <View className='park-detail-page__hint'>
          <Text>打开小程序查看更多</Text>
        </View>
      ) : similar.length ? (
        <View className='park-detail-page__similar'>
          <Text className='park-detail-page__section'>相似园区</Text>
          {similar.map((s) => (
            <ParkCard key={s.id} park={s} compact onOpen={openSimilar} />
          ))}
        </View>
      ) : null}

      <ContactCard contact={contact} place={place} kefu={!singlePage} />

      <ContactBar
        ariaLabel='园区操作'
        contact={contact}
        place={place}
        leading={<ParkFavouriteAction favourite={favourite} onFavourite={onFavourite} />}
        inquiry={
          singlePage
            ? undefined
            : { parkId: p.id, parkName: p.name, district: p.district, type: p.type, deal: p.deal }
        }
      />
      {/* Answers WeChat's privacy prompt for the clipboard / contacts on this page. */}
      <PrivacyAuthorization />
    </View>
  )
}

export default withPageBoundary(ParkDetailPage)
