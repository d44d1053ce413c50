import { View, Text } from '@tarojs/components'
import { tapTarget } from './a11y'
import './ui.scss'

// Apart from SearchBar.tsx so that pages showing only this door do not load the text input.
/** A search box that is only a door: tapping it opens the real search somewhere else. */
export function SearchEntry({ placeholder, onTap }: { placeholder: string; onTap: () => void }) {
  return (
    // A door to the search, not the search itself: a button named by its placeholder.
    <View className='search-bar search-bar--entry' {...tapTarget({ label: placeholder })} onClick={onTap}>
      <View className='search-bar__field'>
        <View className='search-bar__icon' />
        <Text className='search-bar__placeholder'>{placeholder}</Text>
      </View>
    </View>
  )
}
