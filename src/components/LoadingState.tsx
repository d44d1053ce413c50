import { Text, View } from '@tarojs/components'
import './Panel.scss'

/**
 * A staff page's first load: one card saying 正在加载… where the page's cards will stand.
 * Not in StateView.tsx: that ships in the main package, this only in the staff subpackage.
 */
export function LoadingState() {
  return (
    <View className='ui-page'>
      <View className='ui-panel' role='status'>
        <Text className='ui-panel__status'>正在加载…</Text>
      </View>
    </View>
  )
}
