import { Button, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { ErrorState } from '@/components/StateView'
import { useAlerts } from '../hooks/useAlerts'
import '@/components/Panel.scss'
import './AlertsCard.scss'

/**
 * 新线索提醒 on the desk home: which channels announce a new lead, how many WeChat alerts the
 * member has left (each subscription allows one message), and 补充提醒 to grant one more.
 */
export function AlertsCard() {
  const { state, busy, reload, topUp } = useAlerts()

  if (state.kind === 'loading') {
    return (
      <View className='ui-panel alerts-card' aria-busy='true'>
        <Text className='alerts-card__title'>新线索提醒</Text>
        <Text className='alerts-card__line'>加载中…</Text>
      </View>
    )
  }
  if (state.kind === 'error') {
    return (
      <View className='ui-panel alerts-card'>
        <ErrorState error={state.error} title='提醒状态加载失败' onRetry={() => void reload()} />
      </View>
    )
  }

  const { robot, subscribe } = state.status
  return (
    <View className='ui-panel alerts-card'>
      <Text className='alerts-card__title'>新线索提醒</Text>
      <Text className='alerts-card__line'>企业微信群：{robot.configured ? '已开启' : '未配置'}</Text>
      {subscribe.configured ? (
        <>
          <Text className='alerts-card__line'>
            微信提醒剩余 <Text className='alerts-card__count'>{subscribe.left}</Text> 次
          </Text>
          <View role={subscribe.left === 0 ? 'alert' : undefined}>
            <Text className={`alerts-card__hint${subscribe.left === 0 ? ' alerts-card__hint--warn' : ''}`}>
              {subscribe.left === 0
                ? '提醒已用完，新线索不会再通过微信通知你，请补充'
                : '每次补充可接收 1 条新线索提醒，用完请再补充'}
            </Text>
          </View>
          <Button
            className='alerts-card__action'
            {...tapTarget({ disabled: busy })}
            disabled={busy}
            onClick={topUp}
          >
            补充提醒
          </Button>
        </>
      ) : (
        <Text className='alerts-card__hint'>微信订阅提醒未开启（仅在小程序中可用，需配置消息模板）</Text>
      )}
    </View>
  )
}
