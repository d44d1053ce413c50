import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { ActiveChip, ChipKey } from '../query'
import './ActiveFilters.scss'

interface Props {
  chips: ActiveChip[]
  onRemove: (key: ChipKey) => void
  onClear: () => void
}

/** What narrows the list now: each chip's × removes it; 清空 removes them all. */
export function ActiveFilters({ chips, onRemove, onClear }: Props) {
  if (!chips.length) return null
  return (
    <View className='active-filters' aria-label='已选条件'>
      <View className='active-filters__chips'>
        {chips.map((chip) => (
          <View
            key={chip.key}
            className='active-filters__chip'
            {...tapTarget({ label: `移除条件 ${chip.label}` })}
            onClick={() => onRemove(chip.key)}
          >
            <Text>{chip.label}</Text>
            <Text className='active-filters__x'>×</Text>
          </View>
        ))}
      </View>
      <View className='active-filters__clear' {...tapTarget({ label: '清空筛选条件' })} onClick={onClear}>
        <Text>清空</Text>
      </View>
    </View>
  )
}
