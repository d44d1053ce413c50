import { Button, Input, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { CHANNEL_NAME_MAX, type Channel } from '@/domain/channels'
import { useCreateChannel } from '../hooks/useCreateChannel'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './channels.scss'

/** 新建渠道: a name (e.g. 2026 工博会展位), checked on the device, then by the server. */
export function ChannelForm({ onCreated }: { onCreated: (channel: Channel) => void }) {
  const form = useCreateChannel(onCreated)
  return (
    <View className='ui-panel channels__form'>
      <Text className='channels__title'>新建渠道</Text>
      <Text className='ui-hint'>
        每个投放位置建一个渠道，如“2026 工博会展位”“松江园区海报”“公众号菜单”。扫码和留言会记在对应渠道下。
      </Text>
      <Input
        className={`ui-input channels__input${form.error ? ' ui-input--invalid' : ''}`}
        value={form.name}
        maxlength={CHANNEL_NAME_MAX + 10}
        placeholder={`渠道名称，最多 ${CHANNEL_NAME_MAX} 个字`}
        confirmType='done'
        aria-label='渠道名称'
        onInput={(e) => form.setName(e.detail.value)}
        onConfirm={() => void form.submit()}
      />
      {form.error ? (
        <View className='ui-error channels__error' role='alert'>
          {form.error}
        </View>
      ) : null}
      <Button
        className={`ui-button channels__button${form.submitting ? ' ui-button--busy' : ''}`}
        loading={form.submitting}
        // Only when true: Taro's H5 button reflects disabled="false" and dims the label for it.
        disabled={form.submitting || undefined}
        {...tapTarget({ disabled: form.submitting })}
        onClick={() => void form.submit()}
      >
        <Text>{form.submitting ? '正在创建…' : '创建渠道'}</Text>
      </Button>
    </View>
  )
}
