import { View, Text } from '@tarojs/components'
import { tapTarget } from './a11y'
import './ui.scss'

interface Props {
  text: string
  actionText?: string
  onAction?: () => void
}

/** A thin, non-blocking line at the top of a page (e.g. "showing cached content"). */
export function Notice({ text, actionText, onAction }: Props) {
  return (
    <View className='notice' role='status'>
      <Text className='notice__text'>{text}</Text>
      {actionText && onAction ? (
        <Text className='notice__action' {...tapTarget()} onClick={onAction}>
          {actionText}
        </Text>
      ) : null}
    </View>
  )
}
