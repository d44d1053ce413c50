import { memo } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { ParkSummary } from '@/domain/park'
import { mediaUrl } from '@/lib/media'
import { formatPrice } from '@/domain/format-quantity'
import { formatAreaLine, parkMetaLine } from '../query'
import '@/components/ui.scss'
import './ParkCard.scss'

interface Props {
  park: ParkSummary
  /** Omitted: the card is read-only (e.g. single-page mode, where nothing can open). */
  onOpen?: (id: string) => void
  /** Smaller card without highlights: similar parks under a detail page. */
  compact?: boolean
}

/**
 * One park row: cover (精选 / 已租出 badge), name, district · type · deal, area, price, highlights.
 * H5 (and jsdom tests) only: the mini program draws ParkCard.weapp.tsx with the native
 * park-card/index.wxml, the same tree and classes; change both (test/unit/park-card-parity.test.ts).
 */
export const ParkCard = memo(function ParkCard({ park, onOpen, compact = false }: Props) {
  const highlights = compact ? [] : park.highlights.slice(0, 3)
  return (
    <View
      className={`ui-card park-card${compact ? ' park-card--compact' : ''}`}
      {...(onOpen ? tapTarget() : {})}
      onClick={onOpen ? () => onOpen(park.id) : undefined}
      data-id={park.id}
    >
      <View className='park-card__media'>
        <Image className='ui-thumb park-card__cover' src={mediaUrl(park.cover)} mode='aspectFill' lazyLoad />
        {/* 已租出 (issue 9 item 5) outranks 精选: the listing stays visible, marked as taken. */}
        {park.status === 'let' ? (
          <Text className='ui-corner-badge park-card__badge park-card__badge--let'>已租出</Text>
        ) : park.featured ? (
          <Text className='ui-corner-badge park-card__badge'>精选</Text>
        ) : null}
      </View>
      <View className='park-card__main'>
        <Text className='park-card__name'>{park.name}</Text>
        <Text className='park-card__meta'>{parkMetaLine(park)}</Text>
        <Text className='park-card__area'>{formatAreaLine(park)}</Text>
        <Text className={`park-card__price${park.price ? '' : ' park-card__price--negotiable'}`}>
          {formatPrice(park.price)}
        </Text>
        {highlights.length ? (
          <View className='park-card__tags'>
            {highlights.map((h, i) => (
              <Text key={`${i}-${h}`} className='park-card__tag'>
                {h}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  )
})
