import { View } from '@tarojs/components'
import './ui.scss'

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

/** A plain placeholder block (a banner, a row of chips) in a skeleton screen. */
export function BlockSkeleton({ height = 200 }: { height?: number }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label='加载中'>
      <View className='skeleton__block' style={{ height: `${height / 2}px` }} />
    </View>
  )
}
