import { useEffect, useState } from 'react'
import { View, Input, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { KEYWORD_MAX_LENGTH, cleanKeyword } from '../query'
// The field, magnifier and input are the design system's SearchBar pieces (components/ui.scss).
import '@/components/ui.scss'
import './ParkSearchBar.scss'

interface Props {
  keyword: string | undefined
  /** The confirmed keyword; undefined clears it. */
  onSearch: (keyword: string | undefined) => void
}

/** Keyword box: searches on the keyboard's 搜索 key; × empties the box and the search. */
export function ParkSearchBar({ keyword, onSearch }: Props) {
  const [text, setText] = useState(keyword ?? '')

  // The keyword can change from outside (a chip removed, 清空): the box follows.
  useEffect(() => setText(keyword ?? ''), [keyword])

  const clear = () => {
    setText('')
    if (keyword) onSearch(undefined)
  }

  return (
    <View className='search-bar__field park-search'>
      <View className='search-bar__icon' />
      <Input
        className='search-bar__input'
        value={text}
        placeholder='搜索园区名称、地址、行业'
        confirmType='search'
        maxlength={KEYWORD_MAX_LENGTH}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={(e) => onSearch(cleanKeyword(e.detail.value))}
        ariaLabel='搜索园区'
      />
      {text ? (
        <View className='park-search__clear' {...tapTarget({ label: '清除搜索' })} onClick={clear}>
          <Text>×</Text>
        </View>
      ) : null}
    </View>
  )
}
