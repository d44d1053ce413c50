import { View, Text } from '@tarojs/components'
import './ui.scss'

export interface TabItem<K extends string> {
  key: K
  label: string
}

interface Props<K extends string> {
  items: readonly TabItem<K>[]
  value: K
  onChange: (key: K) => void
  className?: string
}

/** A row of text tabs with an underline on the active one; tapping the active tab does nothing. */
export function Tabs<K extends string>({ items, value, onChange, className }: Props<K>) {
  return (
    <View className={`tabs${className ? ` ${className}` : ''}`} role='tablist'>
      {items.map((item) => {
        const active = item.key === value
        return (
          <View
            key={item.key}
            className={`tabs__item${active ? ' tabs__item--active' : ''}`}
            role='tab'
            aria-selected={active}
            data-key={item.key}
            onClick={() => {
              if (!active) onChange(item.key)
            }}
          >
            <Text className='tabs__label'>{item.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
