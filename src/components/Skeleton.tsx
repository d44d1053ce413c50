import { View } from '@tarojs/components'
import './Skeleton.scss'

/** Placeholder rows shaped like list cards, shown while the first page loads. */
export function CardSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='skeleton__card'>
          <View className='skeleton__thumb' />
          <View className='skeleton__lines'>
            <View className='skeleton__line' />
            <View className='skeleton__line skeleton__line--short' />
            <View className='skeleton__line skeleton__line--tiny' />
          </View>
        </View>
      ))}
    </View>
  )
}
