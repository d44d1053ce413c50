import { memo } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { ParkSummary } from '@/domain/park'
import { mediaUrl } from '@/lib/media'
import { formatArea, formatPrice } from '@/domain/format-quantity'
import { dealLabel, parkSubtitle } from '../format'
import './FeaturedParkCard.scss'

interface Props {
  park: ParkSummary
  onOpen: (id: string) => void
}

/** A compact card in the home page's 推荐园区 grid: cover (deal and area on it), name, district · type, price. */
export const FeaturedParkCard = memo(function FeaturedParkCard({ park, onOpen }: Props) {
  return (
    <View className='featured-park' {...tapTarget()} onClick={() => onOpen(park.id)} data-id={park.id}>
      <View className='featured-park__thumb'>
        <Image
          className='featured-park__cover'
          src={mediaUrl(park.cover)}
          mode='aspectFill'
          // H5: the grid is the home page's first screen (its largest paint); Taro's lazy mode
          // would hold each src back until an IntersectionObserver call after mounting.
          lazyLoad={process.env.TARO_ENV !== 'h5'}
        />
        <Text className='featured-park__deal'>{dealLabel(park)}</Text>
        <Text className='featured-park__area'>{formatArea(park.areaMin, park.areaMax)}</Text>
      </View>
      <View className='featured-park__body'>
        <Text className='featured-park__name'>{park.name}</Text>
        <Text className='featured-park__sub'>{parkSubtitle(park)}</Text>
        <Text className='featured-park__price'>{formatPrice(park.price)}</Text>
      </View>
    </View>
  )
})
