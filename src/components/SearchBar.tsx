import { View, Text, Input } from '@tarojs/components'
import { tapTarget } from './a11y'
import './ui.scss'

interface Props {
  value: string
  placeholder: string
  onInput: (value: string) => void
  /** Keyboard "搜索" or the button: the trimmed text. */
  onConfirm: (value: string) => void
  onClear?: () => void
  focus?: boolean
  maxLength?: number
}

/** A controlled search input with a clear (×) and a 搜索 button. */
export function SearchBar({ value, placeholder, onInput, onConfirm, onClear, focus, maxLength = 30 }: Props) {
  return (
    <View className='search-bar' role='search'>
      <View className='search-bar__field'>
        <View className='search-bar__icon' />
        <Input
          className='search-bar__input'
          value={value}
          placeholder={placeholder}
          placeholderClass='search-bar__placeholder'
          confirmType='search'
          focus={focus}
          maxlength={maxLength}
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={(e) => onConfirm(e.detail.value.trim())}
        />
        {value && onClear ? (
          <Text className='search-bar__clear' {...tapTarget({ label: '清除' })} onClick={onClear}>
            ×
          </Text>
        ) : null}
      </View>
      <Text className='search-bar__submit' {...tapTarget()} onClick={() => onConfirm(value.trim())}>
        搜索
      </Text>
    </View>
  )
}
