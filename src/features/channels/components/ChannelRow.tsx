import { Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { formatBeijingDateTime } from '@/domain/format'
import type { Channel } from '@/domain/channels'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './channels.scss'

/** One channel: its name, the source code it carries, who made it and when; → its codes. */
export function ChannelRow({ channel, onOpen }: { channel: Channel; onOpen: (channel: Channel) => void }) {
  return (
    <View
      className='channels__row'
      {...tapTarget({ label: `${channel.name}，生成二维码` })}
      onClick={() => onOpen(channel)}
    >
      <View className='channels__row-main'>
        <Text className='channels__name'>{channel.name}</Text>
        <Text className='channels__meta'>
          {channel.createdByName} · {formatBeijingDateTime(channel.createdAt)}
        </Text>
      </View>
      <Text className='channels__code' userSelect>
        {channel.code}
      </Text>
      <Text className='channels__go'>生成二维码 ›</Text>
    </View>
  )
}
