import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { ChannelPicker } from '@/features/channels/components/ChannelPicker'
import { CodePreview } from '@/features/channels/components/CodePreview'
import { TargetPicker } from '@/features/channels/components/TargetPicker'
import { useCodeMaker } from '@/features/channels/hooks/useCodeMaker'
import { channelParam, posterPath } from '@/features/channels/routes'
import { saveCode } from '@/features/channels/save'
import { openDeskPage } from '@/features/staff/navigation'
import { toastAlbumOutcome } from '@/lib/album'
import '@/components/ui.scss'
import '@/components/Panel.scss'

/**
 * 生成小程序码 (`?channel=`): what the code opens and for which channel, then codes.get; the code
 * is previewed, saved (album / download) and leads on to a poster of the same target.
 */
function CodePage() {
  const { params } = useRouter()
  const [initialChannel] = useState(() => channelParam(params.channel))
  const maker = useCodeMaker(initialChannel)
  const [saving, setSaving] = useState(false)
  const savingRef = useRef(false)
  const busy = maker.state.kind === 'loading'
  const blocked = busy || !maker.chosen

  async function save() {
    if (maker.state.kind !== 'ready' || savingRef.current) return
    savingRef.current = true
    setSaving(true)
    try {
      toastAlbumOutcome(await saveCode(maker.state.code))
    } finally {
      savingRef.current = false
      setSaving(false)
    }
  }

  const target = maker.chosen?.target
  const poster =
    target && target.page !== 'home' ? () => void openDeskPage(posterPath(target, maker.channel)) : undefined

  return (
    <View className='ui-page channels'>
      <TargetPicker chosen={maker.chosen} onChoose={maker.choose} />
      <ChannelPicker value={maker.channel} onChange={maker.setChannel} />
      <View className='ui-panel'>
        <Button
          className={`ui-button channels__button code-page__make${busy ? ' ui-button--busy' : ''}`}
          loading={busy}
          disabled={blocked || undefined}
          {...tapTarget({ disabled: blocked })}
          onClick={() => void maker.make()}
        >
          <Text>{busy ? '正在生成…' : '生成小程序码'}</Text>
        </Button>
        {maker.state.kind === 'error' ? (
          <View className='ui-error channels__error' role='alert'>
            {maker.state.error.fields?.channel ?? maker.state.error.message}
          </View>
        ) : null}
      </View>
      {maker.state.kind === 'ready' ? (
        <CodePreview code={maker.state.code} saving={saving} onSave={() => void save()} onPoster={poster} />
      ) : null}
    </View>
  )
}

export default withPageBoundary(CodePage)
