import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { INQUIRY_STATUS_LABELS, NEED_TYPE_LABELS, type InquirySummary } from '@/domain/inquiryOptions'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { INQUIRY_FORM_PATH } from '@/lib/routes'
import { useMyInquiries } from '@/features/inquiry/hooks/useMyInquiries'
import { useOutboxItems } from '@/features/inquiry/hooks/useOutbox'
import { dismissOutboxItem, type OutboxItem } from '@/features/inquiry/outbox'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import '@/components/ui.scss'
import './index.scss'
import { tapTarget } from '@/components/a11y'
import { formatBeijingDateTime } from '@/domain/format'

function Row({
  need,
  park,
  status,
  tone,
  time,
  note,
  action,
}: {
  need: string
  park?: string
  status: string
  tone: 'normal' | 'pending' | 'failed' | 'done'
  time: string
  note?: string
  action?: { text: string; onTap: () => void }
}) {
  return (
    <View className='ui-card ui-card--roomy my-inquiry'>
      <View className='my-inquiry__top'>
        <Text className='my-inquiry__need'>{need}</Text>
        <Text className={`my-inquiry__status my-inquiry__status--${tone}`}>{status}</Text>
      </View>
      <Text className='my-inquiry__park'>{park ? `咨询园区：${park}` : '未指定园区'}</Text>
      {note ? <Text className='my-inquiry__note'>{note}</Text> : null}
      <View className='my-inquiry__bottom'>
        <Text className='my-inquiry__time'>{time}</Text>
        {action ? (
          <Text className='my-inquiry__action' {...tapTarget()} onClick={action.onTap}>
            {action.text}
          </Text>
        ) : null}
      </View>
    </View>
  )
}

const needLabel = (needType: string) => NEED_TYPE_LABELS[needType as keyof typeof NEED_TYPE_LABELS] ?? '咨询'

function OutboxRow({ item }: { item: OutboxItem }) {
  const rejected = item.state === 'rejected'
  return (
    <Row
      need={needLabel(item.payload.needType)}
      park={item.parkName}
      status={rejected ? '未能发送' : '待发送'}
      tone={rejected ? 'failed' : 'pending'}
      time={`${formatBeijingDateTime(item.queuedAt)} 保存`}
      note={rejected ? `${item.lastError ?? '内容未通过检查'}，请重新填写提交` : '网络恢复后会自动发送'}
      action={rejected ? { text: '移除', onTap: () => dismissOutboxItem(item.key) } : undefined}
    />
  )
}

const TONES: Record<InquirySummary['status'], 'normal' | 'pending' | 'done'> = {
  new: 'normal',
  review: 'pending',
  contacted: 'done',
  closed: 'done',
}

function ServerRow({ item }: { item: InquirySummary }) {
  return (
    <Row
      need={needLabel(item.needType)}
      park={item.parkName}
      status={INQUIRY_STATUS_LABELS[item.status] ?? '已提交'}
      tone={TONES[item.status] ?? 'normal'}
      time={`${formatBeijingDateTime(item.createdAt)} 提交`}
    />
  )
}

const DELETE_EXPLAINED =
  '将删除您通过本小程序提交的全部咨询（需求、面积、公司、联系人、手机号、备注等）和联系记录，以及本机保存的草稿和待发送的咨询。删除后无法恢复，招商顾问也将无法再查看。'

/** 我的咨询: what the visitor has sent (and what waits to be sent), and 删除我的数据. */
function MyInquiriesPage() {
  const inquiries = useMyInquiries()
  const outbox = useOutboxItems()

  usePullDownRefresh(() => {
    void inquiries.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const onDelete = async () => {
    const answer = await Taro.showModal({
      title: '删除我的数据',
      content: DELETE_EXPLAINED,
      confirmText: '删除',
      confirmColor: '#d92d20',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    void Taro.showLoading({ title: '正在删除', mask: true })
    const outcome = await inquiries.deleteAll()
    Taro.hideLoading()
    if (outcome.ok) {
      void Taro.showToast({
        title: `已删除 ${outcome.deletedInquiries} 条咨询、${outcome.deletedEvents} 条联系记录`,
        icon: 'none',
        duration: 2500,
      })
    } else {
      void Taro.showModal({
        title: '删除未完成',
        content: `${outcome.error.message.replace(/[。.]$/, '')}。本机的草稿和待发送内容已删除，服务器上的记录请稍后重试删除，或拨打招商热线要求删除。`,
        showCancel: false,
        confirmText: '知道了',
      })
    }
  }

  const nothing = inquiries.status === 'ready' && inquiries.items.length === 0 && outbox.length === 0

  return (
    <View className='my-inquiries'>
      {outbox.map((item) => (
        <OutboxRow key={item.key} item={item} />
      ))}

      {inquiries.status === 'loading' && inquiries.items.length === 0 ? <CardSkeleton rows={2} /> : null}
      {inquiries.status === 'error' && inquiries.error ? (
        <ErrorState error={inquiries.error} onRetry={() => void inquiries.retry()} />
      ) : null}
      {inquiries.items.map((item) => (
        <ServerRow key={item.id} item={item} />
      ))}

      {nothing ? (
        <EmptyState
          title='还没有咨询记录'
          description='提交需求后，可以在这里查看处理进度'
          actionText='去咨询'
          onAction={() => void Taro.navigateTo({ url: INQUIRY_FORM_PATH })}
        />
      ) : null}

      <View className='my-inquiries__privacy'>
        <Text className='my-inquiries__privacy-text'>
          您的咨询信息保存不超过 2 年，仅用于为您匹配园区和联系您。您可以随时删除在本小程序提交的全部数据。
        </Text>
        <Button className='my-inquiries__delete' {...tapTarget()} onClick={() => void onDelete()}>
          删除我的数据
        </Button>
      </View>
    </View>
  )
}

export default withPageBoundary(MyInquiriesPage)
