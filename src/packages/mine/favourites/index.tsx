import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { EmptyState } from '@/components/StateView'
import { MediaRow } from '@/components/MediaRow'
import { useFavourites } from '@/features/favourites/store'
import { formatArea, formatPrice } from '@/domain/format-quantity'
import { parkMetaLine } from '@/features/parks/query'
import { mediaUrl } from '@/lib/media'
import { PARK_DETAIL_PATH, PARKS_TAB_PATH, withQuery } from '@/lib/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import './index.scss'

/** Favourite parks, kept on this device: open one, or take it off the list. */
function FavouritesPage() {
  const { items, toggle } = useFavourites()

  if (items.length === 0) {
    return (
      <EmptyState
        title='还没有收藏的园区'
        description='在园区详情页点「收藏」，就能在这里快速找到它'
        actionText='去找园区'
        onAction={() => void Taro.switchTab({ url: PARKS_TAB_PATH })}
      />
    )
  }
  return (
    <View className='favourites-page'>
      <Text className='favourites-page__count'>共 {items.length} 个园区 · 仅保存在本机</Text>
      {items.map(({ park }) => (
        <MediaRow
          key={park.id}
          image={mediaUrl(park.cover)}
          title={park.name}
          subtitle={parkMetaLine(park)}
          meta={
            <>
              <Text className='favourites-page__price'>{formatPrice(park.price)}</Text>
              <Text>{formatArea(park.areaMin, park.areaMax)}</Text>
            </>
          }
          onOpen={() => void Taro.navigateTo({ url: withQuery(PARK_DETAIL_PATH, { id: park.id }) })}
          extra={
            <Button
              className='favourites-page__remove'
              size='mini'
              {...tapTarget({ label: `取消收藏 ${park.name}` })}
              onClick={() => toggle(park)}
            >
              取消收藏
            </Button>
          }
        />
      ))}
    </View>
  )
}

export default withPageBoundary(FavouritesPage)
