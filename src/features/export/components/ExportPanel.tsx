import { Button, Picker, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { useLeadExport } from '../hooks/useLeadExport'
import '@/components/Panel.scss'
import './ExportPanel.scss'

type DateChange = { detail: { value: string | number } }

function DateField(props: { label: string; value: string; end: string; onChange: (v: string) => void }) {
  return (
    <Picker
      mode='date'
      value={props.value}
      end={props.end}
      onChange={(e: DateChange) => props.onChange(String(e.detail.value))}
    >
      <View className='export-panel__field' {...tapTarget({ label: `${props.label}：${props.value}` })}>
        <Text className='export-panel__label'>{props.label}</Text>
        <Text className='export-panel__value'>{props.value}</Text>
      </View>
    </Picker>
  )
}

/**
 * The lead export (staff subpackage): pick a range of dates, 导出 Excel, then the file opens
 * (weapp) or downloads (H5). Loading, error with 重试, and the result's row count.
 */
export function ExportPanel({ now }: { now?: () => Date }) {
  const { range, setFrom, setTo, state, run, today } = useLeadExport(now)
  const busy = state.kind === 'exporting'
  return (
    <View className='export-panel'>
      <View className='ui-card export-panel__card'>
        <DateField label='开始日期' value={range.from} end={today} onChange={setFrom} />
        <DateField label='结束日期' value={range.to} end={today} onChange={setTo} />
        <Text className='export-panel__hint'>
          按北京时间计，包含起止两天，每条线索一行。文件含客户完整手机号，请妥善保管，勿外传。
        </Text>
        <Button
          className={`ui-button export-panel__action${busy ? ' ui-button--busy' : ''}`}
          loading={busy}
          // Only when true: Taro's H5 button reflects disabled="false" and dims the label for it.
          disabled={busy || undefined}
          {...tapTarget({ disabled: busy })}
          onClick={() => void run()}
        >
          {/* In an element: a bare string child makes React set the button's textContent, which
              wipes the loading icon Taro's H5 button inserts. */}
          <Text>{busy ? '正在导出…' : '导出 Excel'}</Text>
        </Button>
      </View>

      {state.kind === 'error' ? (
        <View className='ui-card export-panel__result export-panel__result--error' role='alert'>
          <Text className='export-panel__result-title'>导出失败</Text>
          <Text className='export-panel__result-text'>{state.error.message}</Text>
          {state.error.code === 'FORBIDDEN' || state.error.code === 'VALIDATION' ? null : (
            <Button className='export-panel__retry' {...tapTarget()} onClick={() => void run()}>
              <Text>重试</Text>
            </Button>
          )}
        </View>
      ) : null}

      {state.kind === 'done' ? (
        <View className='ui-card export-panel__result' role='status'>
          {state.delivery === 'empty' ? (
            <Text className='export-panel__result-title'>这段时间没有线索</Text>
          ) : (
            <>
              <Text className='export-panel__result-title'>已导出 {state.result.rows} 条线索</Text>
              <Text className='export-panel__result-text'>{state.result.fileName}</Text>
              <Text className='export-panel__result-text'>
                {state.delivery === 'opened'
                  ? '文件已打开，可点右上角“···”转发或保存'
                  : '文件已开始下载，请在浏览器的下载列表中查看'}
              </Text>
            </>
          )}
        </View>
      ) : null}
    </View>
  )
}
