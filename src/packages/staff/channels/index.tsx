import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState, ErrorState } from '@/components/StateView'
import { LoadingState } from '@/components/LoadingState'
import type { Channel } from '@/domain/channels'
import { ChannelForm } from '@/features/channels/components/ChannelForm'
import { ChannelRow } from '@/features/channels/components/ChannelRow'
import { useChannels } from '@/features/channels/hooks/useChannels'
import { codePath } from '@/features/channels/routes'
import { openDeskPage } from '@/features/staff/navigation'
import '@/components/ui.scss'
import '@/components/Panel.scss'

/** 渠道与二维码 (staff subpackage): make a channel, see them all, go on to a channel's code. */
function ChannelsPage() {
  const { state, items, reload, retry, add } = useChannels()
  usePullDownRefresh(() => {
    void reload()
      .then((error) => {
        if (error) void Taro.showToast({ title: '刷新失败，请稍后重试', icon: 'none' })
      })
      .finally(() => Taro.stopPullDownRefresh())
  })
  const onCreated = useCallback(
    (channel: Channel) => {
      add(channel)
      void Taro.showToast({ title: '渠道已创建', icon: 'success' })
    },
    [add],
  )
  const open = (channel?: Channel) => void openDeskPage(codePath(channel?.code))

  if (state.kind === 'loading') return <LoadingState />
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={retry} />

  return (
    <View className='ui-page channels'>
      <ChannelForm onCreated={onCreated} />
      <View className='ui-panel channels__solo'>
        <View
          className='channels__row'
          {...tapTarget({ label: '不指定渠道，生成二维码' })}
          onClick={() => open()}
        >
          <View className='channels__row-main'>
            <Text className='channels__name'>不指定渠道</Text>
            <Text className='channels__meta'>机构自己的二维码，不计入任何渠道</Text>
          </View>
          <Text className='channels__go'>生成二维码 ›</Text>
        </View>
      </View>
      {items.length === 0 ? (
        <EmptyState
          title='还没有渠道'
          description='在上方新建第一个渠道，再为它生成小程序码和海报。下拉可刷新。'
        />
      ) : (
        <View className='ui-panel'>
          <Text className='channels__section'>全部渠道（{items.length}）</Text>
          {items.map((channel) => (
            <ChannelRow key={channel.code} channel={channel} onOpen={open} />
          ))}
        </View>
      )}
    </View>
  )
}

export default withPageBoundary(ChannelsPage)
