import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { formatPhone } from '@/domain/format-quantity'
import { HOME_PATH, MY_INQUIRIES_PATH } from '@/lib/routes'
import { dial } from '@/features/contact/actions'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { flushOutbox, queuedItems } from '@/features/inquiry/outbox'
import { useOutboxItems } from '@/features/inquiry/hooks/useOutbox'
import './index.scss'

type Mode = 'new' | 'review' | 'queued'

const TEXT: Record<Mode | 'sent' | 'failed', { title: string; body: string }> = {
  new: {
    title: '提交成功',
    body: '我们已收到您的咨询，招商顾问会在 1 个工作日内与您联系，请留意来电。',
  },
  review: {
    title: '提交成功',
    body: '我们已收到您的咨询，内容确认后，招商顾问会在 1 个工作日内与您联系，请留意来电。',
  },
  queued: {
    title: '已保存，待发送',
    body: '网络不稳定，您的咨询已保存在本机，网络恢复后会自动发送，无需重新填写。发送成功后，招商顾问会在 1 个工作日内与您联系。',
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

const ICONS: Record<keyof typeof TEXT, { tone: 'ok' | 'queued' | 'failed'; glyph: string }> = {
  new: { tone: 'ok', glyph: '✓' },
  review: { tone: 'ok', glyph: '✓' },
  sent: { tone: 'ok', glyph: '✓' },
  queued: { tone: 'queued', glyph: '…' },
  failed: { tone: 'failed', glyph: '!' },
}

/** After 提交咨询: what happens next, the hotline, and the ways on. */
export default function InquirySuccessPage() {
  const { params } = useRouter()
  const [mode] = useState<Mode>(() =>
    params.status === 'queued' || params.status === 'review' ? params.status : 'new',
  )
  const outbox = useOutboxItems()
  // What was waiting when the page opened: only those can turn into 已发送 / 未能发送 here.
  const [waitingKeys] = useState(() => new Set(queuedItems().map((i) => i.key)))
  const [retrying, setRetrying] = useState(false)
  const { contact } = useAgencyContact()

  const mine = outbox.filter((i) => waitingKeys.has(i.key))
  const shown =
    mode !== 'queued' || waitingKeys.size === 0 || mine.some((i) => i.state === 'queued')
      ? mode
      : mine.some((i) => i.state === 'rejected')
        ? 'failed'
        : 'sent'
  const text = TEXT[shown]

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
    <View className='inquiry-done'>
      <View className={`inquiry-done__icon inquiry-done__icon--${ICONS[shown].tone}`}>
        <Text>{ICONS[shown].glyph}</Text>
      </View>
      <Text className='inquiry-done__title'>{text.title}</Text>
      <Text className='inquiry-done__body'>{text.body}</Text>

      {shown === 'queued' ? (
        <Button
          className='inquiry-done__btn inquiry-done__btn--ghost'
          loading={retrying}
          disabled={retrying || undefined}
          onClick={() => void retry()}
        >
          立即重试发送
        </Button>
      ) : null}

      {contact ? (
        <View className='inquiry-done__hotline'>
          <Text className='inquiry-done__hotline-tip'>着急的话，可以直接拨打招商热线</Text>
          <Button
            className='inquiry-done__btn inquiry-done__btn--primary'
            {...tapTarget()}
            onClick={() => dial(contact.hotline)}
          >
            拨打 {formatPhone(contact.hotline)}
          </Button>
        </View>
      ) : null}

      <View className='inquiry-done__links'>
        <Button
          className='inquiry-done__btn inquiry-done__btn--ghost'
          onClick={() => void Taro.redirectTo({ url: MY_INQUIRIES_PATH }).catch(() => undefined)}
        >
          查看我的咨询
        </Button>
        <Button
          className='inquiry-done__btn inquiry-done__btn--ghost'
          onClick={() => void Taro.switchTab({ url: HOME_PATH }).catch(() => undefined)}
        >
          返回首页
        </Button>
      </View>
    </View>
  )
}
