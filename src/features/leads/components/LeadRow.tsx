import { View, Text } from '@tarojs/components'
import type { LeadListItem } from '@/domain/lead-desk'
import { formatRelative } from '@/domain/format'
import { formatPhone } from '@/domain/format-quantity'
import { formatDuration } from '@/domain/lead-pipeline'
import { tapTarget } from '@/components/a11y'
import { followUpLabel, NEED_TYPE_LABELS, originOf, stageLabel } from '../format'
import './LeadRow.scss'

interface Props {
  item: LeadListItem
  today: string
  onOpen: (id: string) => void
}

/** One lead in the inbox: who, what, where from, its stage, follow-up and an unread dot. */
export function LeadRow({ item, today, onOpen }: Props) {
  const follow = item.nextFollowUp && today ? followUpLabel(item.nextFollowUp, today) : null
  return (
    <View
      className={`lead-row${item.unread ? ' lead-row--unread' : ''}`}
      {...tapTarget({ label: `${item.contactName} ${item.company}${item.unread ? '，未读' : ''}` })}
      onClick={() => onOpen(item.id)}
      data-lead={item.id}
    >
      <View className='lead-row__top'>
        {item.unread ? <View className='lead-row__dot' aria-label='未读' /> : null}
        <Text className='lead-row__name'>{item.contactName}</Text>
        <Text className='lead-row__phone'>{formatPhone(item.phone)}</Text>
        <Text className={`lead-row__stage lead-row__stage--${item.stage}`}>{stageLabel(item.stage)}</Text>
      </View>
      <Text className='lead-row__company'>
        {[item.company, NEED_TYPE_LABELS[item.needType]].filter(Boolean).join(' · ')}
      </Text>
      <View className='lead-row__meta'>
        <Text className='lead-row__origin'>{originOf(item)}</Text>
        {item.status === 'review' ? (
          <Text className='lead-row__tag lead-row__tag--review'>待审核</Text>
        ) : null}
        {follow ? <Text className={`lead-row__tag lead-row__tag--${follow.tone}`}>{follow.text}</Text> : null}
        {item.assigneeName ? <Text className='lead-row__tag'>{item.assigneeName}</Text> : null}
        {item.responseMinutes !== undefined ? (
          <Text className='lead-row__tag'>响应 {formatDuration(item.responseMinutes)}</Text>
        ) : null}
        <Text className='lead-row__time'>{formatRelative(item.createdAt)}</Text>
      </View>
    </View>
  )
}
