import type { ReactNode } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { tapTarget } from './a11y'
import './ui.scss'

interface Props {
  /** Full URL (run media paths through mediaUrl first). */
  image: string
  title: string
  subtitle?: string
  /** A line of smaller facts under the subtitle (price, area, time …). */
  meta?: ReactNode
  /** Small label over the image corner, e.g. 园区 / 资讯. */
  badge?: string
  /**
   * An action in the row's bottom-right corner (e.g. a 取消收藏 button). It is a sibling of the
   * tappable area, not inside it, so tapping it never opens the row.
   */
  extra?: ReactNode
  onOpen?: () => void
}

/** A list row with a thumbnail: the shape of park and article rows outside their own lists. */
export function MediaRow({ image, title, subtitle, meta, badge, extra, onOpen }: Props) {
  return (
    <View className={`ui-card media-row${extra ? ' media-row--with-extra' : ''}`}>
      <View className='media-row__open' {...(onOpen ? tapTarget() : {})} onClick={onOpen}>
        <View className='media-row__thumb'>
          <Image className='ui-thumb media-row__image' src={image} mode='aspectFill' lazyLoad />
          {badge ? <Text className='ui-corner-badge media-row__badge'>{badge}</Text> : null}
        </View>
        <View className='media-row__main'>
          <Text className='ui-row-title media-row__title'>{title}</Text>
          {subtitle ? <Text className='media-row__subtitle'>{subtitle}</Text> : null}
          {meta ? <View className='media-row__meta'>{meta}</View> : null}
        </View>
      </View>
      {extra ? <View className='media-row__extra'>{extra}</View> : null}
    </View>
  )
}
