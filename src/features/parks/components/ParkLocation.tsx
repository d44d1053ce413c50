import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Map, View, Text, Button } from '@tarojs/components'
import type { MapProps } from '@tarojs/components'
import type { Park } from '@/domain/park'
import './ParkLocation.scss'
import { tapTarget } from '@/components/a11y'

/** Hands the place to WeChat's map, which offers navigation apps. Closing it is not an error. */
export function navigateToPark(park: Pick<Park, 'name' | 'address' | 'location'>): void {
  const { latitude, longitude } = park.location
  Taro.openLocation({ latitude, longitude, name: park.name, address: park.address, scale: 16 }).catch(
    () => undefined,
  )
}

/**
 * Where the park is: a small fixed map (no drag or zoom, so the page scrolls over it), the
 * address and a 导航 button. H5 has no native map (Taro's needs a Baidu key): address only.
 */
export function ParkLocation({ park }: { park: Pick<Park, 'name' | 'address' | 'location'> }) {
  const { latitude, longitude } = park.location
  // No iconPath: WeChat draws its default pin, and no image ships for it.
  const markers = useMemo(
    () => [{ id: 1, latitude, longitude, title: park.name } as MapProps.marker],
    [latitude, longitude, park.name],
  )
  const hasPoint = Number.isFinite(latitude) && Number.isFinite(longitude)
  return (
    <View className='park-location'>
      <Text className='park-location__title'>园区位置</Text>
      {hasPoint && process.env.TARO_ENV !== 'h5' ? (
        <Map
          className='park-location__map'
          latitude={latitude}
          longitude={longitude}
          scale={14}
          markers={markers}
          enableScroll={false}
          enableZoom={false}
          enableRotate={false}
          onError={() => undefined}
        />
      ) : null}
      <View className='park-location__row'>
        <Text className='park-location__address'>{park.address}</Text>
        {hasPoint ? (
          <Button
            className='park-location__go'
            size='mini'
            {...tapTarget({ label: '导航到园区' })}
            onClick={() => navigateToPark(park)}
          >
            导航
          </Button>
        ) : null}
      </View>
    </View>
  )
}
