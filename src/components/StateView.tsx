import { View, Text, Button } from '@tarojs/components'
import type { ApiError } from '@/domain/result'
import './ui.scss'
import { tapTarget } from './a11y'

interface EmptyProps {
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
}

/** Nothing to show yet: says why and, where there is one, offers the next step. */
export function EmptyState({ title, description, actionText, onAction }: EmptyProps) {
  return (
    <View className='state-view' role='status'>
      <View className='state-view__icon state-view__icon--empty' />
      <Text className='state-view__title'>{title}</Text>
      {description ? <Text className='state-view__desc'>{description}</Text> : null}
      {actionText && onAction ? (
        <Button className='state-view__action' {...tapTarget()} onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

interface ErrorProps {
  error: ApiError
  /** Overrides the title derived from the error's code. */
  title?: string
  onRetry?: () => void
  /** A way out for pages opened from a shared card or QR code, which have no page to go back to. */
  onHome?: () => void
}

const ERROR_TITLES: Partial<Record<ApiError['code'], string>> = {
  NETWORK: '网络连接失败',
  NOT_FOUND: '内容不存在',
}

/** A failed load: the reason in plain Chinese and a retry button (except for a missing item). */
export function ErrorState({ error, title, onRetry, onHome }: ErrorProps) {
  return (
    <View className='state-view' role='alert'>
      <View className='state-view__icon state-view__icon--error' />
      <Text className='state-view__title'>{title ?? ERROR_TITLES[error.code] ?? '加载失败'}</Text>
      <Text className='state-view__desc'>{error.message}</Text>
      {onRetry && error.code !== 'NOT_FOUND' ? (
        <Button className='state-view__action' {...tapTarget()} onClick={onRetry}>
          重新加载
        </Button>
      ) : null}
      {onHome ? (
        <Button
          className='state-view__action state-view__action--secondary'
          {...tapTarget()}
          onClick={onHome}
        >
          返回首页
        </Button>
      ) : null}
    </View>
  )
}
