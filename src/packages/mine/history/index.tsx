import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { formatRelative } from '@/domain/format'
import { EmptyState } from '@/components/StateView'
import { MediaRow } from '@/components/MediaRow'
import { clearHistory, useHistory, type ViewedItem } from '@/features/history/store'
import { mediaUrl } from '@/lib/media'
import { ARTICLE_DETAIL_PATH, HOME_PATH, PARK_DETAIL_PATH, withQuery } from '@/lib/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import './index.scss'

const open = (item: ViewedItem) =>
  void Taro.navigateTo({
    url: withQuery(item.kind === 'park' ? PARK_DETAIL_PATH : ARTICLE_DETAIL_PATH, { id: item.id }),
  })

async function confirmClear() {
  const res = await Taro.showModal({
    title: '清空浏览记录',
    content: '清空后无法恢复，确定要清空吗？',
    confirmText: '清空',
    confirmColor: '#d92d20',
  }).catch(() => ({ confirm: false }))
  if (res.confirm) clearHistory()
}

/** Parks and articles seen recently on this device, newest first. */
function HistoryPage() {
  const items = useHistory()
  const [now] = useState(() => new Date())

  if (items.length === 0) {
    return (
      <EmptyState
        title='还没有浏览记录'
        description='看过的园区和资讯会出现在这里'
        actionText='去首页看看'
        onAction={() => void Taro.switchTab({ url: HOME_PATH })}
      />
    )
  }
  return (
    <View className='history-page'>
      <View className='history-page__bar'>
        <Text className='history-page__count'>最近 {items.length} 条 · 仅保存在本机</Text>
        <Text
          className='history-page__clear'
          {...tapTarget({ label: '清空浏览记录' })}
          onClick={() => void confirmClear()}
        >
          清空
        </Text>
      </View>
      {items.map((item) => (
        <MediaRow
          key={`${item.kind}:${item.id}`}
          image={mediaUrl(item.cover)}
          badge={item.kind === 'park' ? '园区' : '资讯'}
          title={item.title}
          subtitle={item.subtitle}
          meta={<Text>{formatRelative(item.viewedAt, now)}浏览</Text>}
          onOpen={() => open(item)}
        />
      ))}
    </View>
  )
}

export default withPageBoundary(HistoryPage)
