import { Picker, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { Channel } from '@/domain/channels'
import { useResource } from '@/lib/useResource'
import { listChannels } from '../api'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './channels.scss'

const NO_CHANNEL = '不指定渠道'

interface Props {
  value: string | undefined
  onChange: (code: string | undefined) => void
}

/** 渠道: one of the desk's channels, or 不指定渠道 (the agency's own code, no source). */
export function ChannelPicker({ value, onChange }: Props) {
  const { state, retry } = useResource(listChannels)
  const channels: Channel[] = state.kind === 'ready' ? state.data.items : []
  const labels = [NO_CHANNEL, ...channels.map((c) => `${c.name}（${c.code}）`)]
  const index = value ? channels.findIndex((c) => c.code === value) + 1 : 0
  // A channel from the link that the list does not (yet) hold is still named by its code.
  const shown = value ? (index > 0 ? labels[index] : value) : NO_CHANNEL

  return (
    <View className='ui-panel'>
      <Text className='channels__title'>渠道</Text>
      <Picker
        mode='selector'
        range={labels}
        value={Math.max(index, 0)}
        onChange={(e) => {
          const i = Number(e.detail.value)
          onChange(i > 0 ? channels[i - 1]?.code : undefined)
        }}
      >
        <View className='code-page__picker' {...tapTarget({ label: `渠道：${shown}` })}>
          <Text>{shown}</Text>
          <Text className='channels__go'>更换 ›</Text>
        </View>
      </Picker>
      {state.kind === 'error' ? (
        <Text className='code-page__more' {...tapTarget()} onClick={retry}>
          渠道列表加载失败，点此重试
        </Text>
      ) : null}
      {state.kind === 'ready' && channels.length === 0 ? (
        <Text className='ui-hint'>还没有渠道：可先在“渠道管理”新建，或不指定渠道直接生成。</Text>
      ) : null}
    </View>
  )
}
