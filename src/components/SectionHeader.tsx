import { View, Text } from '@tarojs/components'
import './ui.scss'

interface Props {
  title: string
  actionText?: string
  onAction?: () => void
}

/** A section title with an optional "更多 ›" link on the right. */
export function SectionHeader({ title, actionText, onAction }: Props) {
  return (
    <View className='section-header'>
      <Text className='section-header__title'>{title}</Text>
      {actionText && onAction ? (
        <Text className='section-header__action' onClick={onAction}>
          {actionText} ›
        </Text>
      ) : null}
    </View>
  )
}
