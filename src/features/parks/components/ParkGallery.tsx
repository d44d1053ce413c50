import { useMemo, useState } from 'react'
import { Swiper, SwiperItem, Image, View, Text } from '@tarojs/components'
import { mediaUrl } from '@/lib/media'
import { previewImage } from '@/lib/previewImage'
import './ParkGallery.scss'
import { tapTarget } from '@/components/a11y'

interface Props {
  photos: string[]
  name: string
}

/** Photo carousel; a tap opens every photo full-screen at the one tapped. */
export function ParkGallery({ photos, name }: Props) {
  const urls = useMemo(() => photos.map(mediaUrl).filter(Boolean), [photos])
  const [current, setCurrent] = useState(0)
  if (!urls.length) return null

  const preview = (index: number) => {
    previewImage({ urls, current: urls[index] }).catch(() => undefined)
  }

  return (
    <View className='park-gallery'>
      <Swiper
        className='park-gallery__swiper'
        indicatorDots={urls.length > 1}
        indicatorColor='rgba(255,255,255,0.5)'
        indicatorActiveColor='#ffffff'
        circular={urls.length > 1}
        onChange={(e) => setCurrent(e.detail.current)}
      >
        {urls.map((url, i) => (
          <SwiperItem key={url + i}>
            <Image
              className='park-gallery__photo'
              src={url}
              mode='aspectFill'
              lazyLoad={i > 0}
              {...tapTarget({ label: `${name} 第${i + 1}张照片，点击查看大图` })}
              onClick={() => preview(i)}
              ariaLabel={`${name} 第${i + 1}张照片`}
            />
          </SwiperItem>
        ))}
      </Swiper>
      {urls.length > 1 ? (
        <Text className='park-gallery__count'>
          {current + 1}/{urls.length}
        </Text>
      ) : null}
    </View>
  )
}
