import { View, Text } from '@tarojs/components'
import { tapTarget } from './a11y'
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
        <Text className='section-header__action' {...tapTarget()} onClick={onAction}>
          {actionText} ›
        </Text>
      ) : null}
    </View>
  )
}
