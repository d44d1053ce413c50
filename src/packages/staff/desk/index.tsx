import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState, ErrorState } from '@/components/StateView'
import { LoadingState } from '@/components/LoadingState'
import { maskPhone } from '@/domain/phone'
import { STAFF_ROLE_LABELS } from '@/domain/staff'
import { AlertsCard } from '@/features/alerts/components/AlertsCard'
import { STAFF_CONTENT_PATH } from '@/features/content/routes'
import { useStaffDesk } from '@/features/staff/hooks/useStaffDesk'
import { STAFF_CHANNELS_PATH } from '@/features/channels/routes'
import { openDeskPage } from '@/features/staff/navigation'
import {
  STAFF_CHARTS_PATH,
  STAFF_CLAIM_PATH,
  STAFF_EXPORT_PATH,
  STAFF_INBOX_PATH,
  STAFF_TEAM_PATH,
} from '@/lib/routes'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import '@/features/staff/components/desk.scss'

interface LinkProps {
  title: string
  badge?: number
  url: string
}

function DeskLink({ title, badge, url }: LinkProps) {
  return (
    <View
      className='desk__link'
      {...tapTarget({ label: badge ? `${title}，${badge} 条新线索` : title })}
      onClick={() => void openDeskPage(url)}
    >
      <Text className='desk__link-title'>{title}</Text>
      {badge ? <Text className='ui-count-badge desk__badge'>{badge > 99 ? '99+' : badge}</Text> : null}
      <Text className='ui-arrow desk__arrow'>›</Text>
    </View>
  )
}

/** 员工工作台: who I am, the way to the inbox, export and (owners) the team; with the lead alerts card. */
function StaffDeskPage() {
  const { state, reload, retry } = useStaffDesk()
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (state.kind === 'loading') return <LoadingState />
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={retry} />
  const { member, unreadLeads } = state.data
  if (!member) {
    return (
      <EmptyState
        title='此页面仅对员工开放'
        description='如果您是招商团队成员，请使用负责人发给您的邀请码认领员工身份。'
        actionText='认领员工身份'
        onAction={() => void Taro.redirectTo({ url: STAFF_CLAIM_PATH })}
      />
    )
  }

  return (
    <View className='ui-page desk'>
      <View className='ui-panel desk__card'>
        <Text className='desk__title'>
          {member.name}
          <Text className='desk__tag'>{STAFF_ROLE_LABELS[member.role]}</Text>
        </Text>
        <Text className='desk__sub'>{maskPhone(member.mobile)}</Text>
        <Text className='ui-hint'>
          {unreadLeads > 0 ? `有 ${unreadLeads} 条新线索等待跟进` : '暂无待跟进的新线索'}
        </Text>
      </View>

      <AlertsCard />

      <View className='ui-panel desk__card'>
        <DeskLink title='线索收件箱' badge={unreadLeads} url={STAFF_INBOX_PATH} />
        <DeskLink title='数据看板' url={STAFF_CHARTS_PATH} />
        <DeskLink title='内容管理' url={STAFF_CONTENT_PATH} />
        <DeskLink title='渠道与二维码' url={STAFF_CHANNELS_PATH} />
        {/* Owner-only actions (ACTION_ACCESS): an agent would only meet 没有权限. */}
        {member.role === 'owner' ? <DeskLink title='导出线索' url={STAFF_EXPORT_PATH} /> : null}
        {member.role === 'owner' ? <DeskLink title='团队管理' url={STAFF_TEAM_PATH} /> : null}
      </View>
    </View>
  )
}

export default withPageBoundary(StaffDeskPage)
