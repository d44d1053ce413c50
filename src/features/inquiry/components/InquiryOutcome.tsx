import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { HOME_PATH, MY_INQUIRIES_PATH } from '@/lib/routes'
import { flushOutbox } from '../outbox'
import { useOutboxItems } from '../hooks/useOutbox'
import '@/components/ui.scss'
import './InquiryOutcome.scss'
import { tapTarget } from '@/components/a11y'

export type OutcomeMode = 'new' | 'review' | 'queued'

export const OUTCOME_TEXT: Record<OutcomeMode | 'sent' | 'failed', { title: string; body: string }> = {
  new: {
    title: '提交成功',
    body: '我们已收到您的咨询，招商顾问会在 1 个工作日内与您联系，请留意来电。',
  },
  review: {
    title: '提交成功',
    body: '我们已收到您的咨询，内容确认后，招商顾问会在 1 个工作日内与您联系，请留意来电。',
  },
  queued: {
    title: '已保存，联网后自动发送',
    body: '现在没有网络，您的咨询已保存在本机，联网后会自动发送，无需重新填写，也不用停留在这个页面。发送成功后，招商顾问会在 1 个工作日内与您联系。',
  },
  failed: {
    title: '未能发送',
    body: '您的咨询未通过检查，没有发送成功。请到「我的咨询」查看原因后重新填写，或直接拨打招商热线。',
  },
  sent: {
    title: '已发送',
    body: '网络已恢复，您的咨询已发送成功。招商顾问会在 1 个工作日内与您联系，请留意来电。',
  },
}

const ICONS: Record<keyof typeof OUTCOME_TEXT, { tone: 'ok' | 'queued' | 'failed'; glyph: string }> = {
  new: { tone: 'ok', glyph: '✓' },
  review: { tone: 'ok', glyph: '✓' },
  sent: { tone: 'ok', glyph: '✓' },
  queued: { tone: 'queued', glyph: '…' },
  failed: { tone: 'failed', glyph: '!' },
}

interface Props {
  mode: OutcomeMode
  /** Outbox keys this screen follows: only they can turn 已保存 into 已发送 / 未能发送. */
  waitingKeys: ReadonlySet<string>
  /** The agency's hotline, formatted, and what tapping it does (the page decides). */
  hotlineText?: string
  onCallHotline?: () => void
}

/**
 * What happened to an inquiry: sent, held for review, or saved on the device and then sent or
 * refused once the network is back. It needs nothing from the network to show or to change
 * state, so the form page renders it in place when there is no network (a page change would
 * need a chunk that cannot load offline); the success page renders it after a sent inquiry.
 */
export function InquiryOutcome({ mode, waitingKeys, hotlineText, onCallHotline }: Props) {
  const outbox = useOutboxItems()
  const [retrying, setRetrying] = useState(false)

  const mine = outbox.filter((i) => waitingKeys.has(i.key))
  const shown =
    mode !== 'queued' || waitingKeys.size === 0 || mine.some((i) => i.state === 'queued')
      ? mode
      : mine.some((i) => i.state === 'rejected')
        ? 'failed'
        : 'sent'
  const text = OUTCOME_TEXT[shown]

  const retry = async () => {
    setRetrying(true)
    const result = await flushOutbox()
    setRetrying(false)
    if (result.remaining > 0) {
      void Taro.showToast({ title: '网络仍不可用，稍后会自动发送', icon: 'none', duration: 2000 })
    } else if (result.rejected > 0) {
      void Taro.showToast({ title: '有咨询未能发送，请在我的咨询中查看', icon: 'none', duration: 2500 })
    }
  }

  return (
    <View className='inquiry-done' role='status' aria-live='polite'>
      <View className={`inquiry-done__icon inquiry-done__icon--${ICONS[shown].tone}`}>
        <Text>{ICONS[shown].glyph}</Text>
      </View>
      <Text className='inquiry-done__title'>{text.title}</Text>
      <Text className='inquiry-done__body'>{text.body}</Text>

      {shown === 'queued' ? (
        <Button
          className='ui-btn inquiry-done__btn inquiry-done__btn--ghost'
          {...tapTarget()}
          loading={retrying}
          disabled={retrying || undefined}
          onClick={() => void retry()}
        >
          立即重试发送
        </Button>
      ) : null}

      {hotlineText && onCallHotline ? (
        <View className='inquiry-done__hotline'>
          <Text className='inquiry-done__hotline-tip'>着急的话，可以直接拨打招商热线</Text>
          <Button
            className='ui-btn ui-btn--primary inquiry-done__btn'
            {...tapTarget()}
            onClick={onCallHotline}
          >
            拨打 {hotlineText}
          </Button>
        </View>
      ) : null}

      <View className='inquiry-done__links'>
        <Button
          className='ui-btn inquiry-done__btn inquiry-done__btn--ghost'
          {...tapTarget()}
          onClick={() => void Taro.redirectTo({ url: MY_INQUIRIES_PATH }).catch(() => undefined)}
        >
          查看我的咨询
        </Button>
        <Button
          className='ui-btn inquiry-done__btn inquiry-done__btn--ghost'
          {...tapTarget()}
          onClick={() => void Taro.switchTab({ url: HOME_PATH }).catch(() => undefined)}
        >
          返回首页
        </Button>
      </View>
    </View>
  )
}
