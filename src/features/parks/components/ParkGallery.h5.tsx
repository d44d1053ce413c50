import { useMemo, useState } from 'react'
import { Image, View, Text } from '@tarojs/components'
import { mediaUrl } from '@/lib/media'
import { previewImage } from '@/lib/previewImage'
import './ParkGallery.scss'
import './ParkGalleryStrip.scss'
import { tapTarget } from '@/components/a11y'

interface Props {
  photos: string[]
  name: string
}

/**
 * The H5 photo carousel: a native scroll-snap strip instead of Taro's Swiper. On H5 the Swiper
 * component pulls in the swiper library (≈ 45 KB gzipped) and, because Taro's component library
 * is one module, it would load on every page's first screen; a scrolling row does the same job
 * with the browser's own touch handling. A tap opens every photo full-screen at the one tapped.
 * The first photo is the page's largest paint: it loads at once and first; the rest lazily.
 */
export function ParkGallery({ photos, name }: Props) {
  const urls = useMemo(() => photos.map(mediaUrl).filter(Boolean), [photos])
  const [current, setCurrent] = useState(0)
  if (!urls.length) return null

  const preview = (index: number) => {
    previewImage({ urls, current: urls[index] }).catch(() => undefined)
  }

  const onScroll = (e: { currentTarget: { scrollLeft: number; clientWidth: number } }) => {
    const { scrollLeft, clientWidth } = e.currentTarget
    if (clientWidth > 0)
      setCurrent(Math.min(urls.length - 1, Math.max(0, Math.round(scrollLeft / clientWidth))))
  }

  return (
    <View className='park-gallery'>
      {/* View's types have no onScroll; on H5 it is the element's own scroll event. */}
      <View className='park-gallery__strip' {...({ onScroll } as object)}>
        {urls.map((url, i) => (
          <View className='park-gallery__slide' key={url + i}>
            <Image
              className='park-gallery__photo'
              src={url}
              mode='aspectFill'
              nativeProps={
                i === 0
                  ? { fetchpriority: 'high', decoding: 'async' }
                  : { loading: 'lazy', decoding: 'async' }
              }
              {...tapTarget({ label: `${name} 第${i + 1}张照片，点击查看大图` })}
              onClick={() => preview(i)}
              ariaLabel={`${name} 第${i + 1}张照片`}
            />
          </View>
        ))}
      </View>
      {urls.length > 1 ? (
        <Text className='park-gallery__count'>
          {current + 1}/{urls.length}
        </Text>
      ) : null}
    </View>
  )
}
