import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState, ErrorState } from '@/components/StateView'
import { LoadingState } from '@/components/LoadingState'
import { formatBeijingDateTime } from '@/domain/format'
import type { ApiError } from '@/domain/result'
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffMember, type StaffRole } from '@/domain/staff'
import { useTeam } from '@/features/staff/hooks/useTeam'
import { claimPath, inviteLinkText } from '@/features/staff/invite-link'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import '@/features/staff/components/desk.scss'

const toastError = (error: ApiError) => void Taro.showToast({ title: error.message, icon: 'none' })

function MemberRow({ member, onDeactivate }: { member: StaffMember; onDeactivate?: () => void }) {
  return (
    <View className='desk__member'>
      <View className='desk__member-main'>
        <Text className='desk__link-title'>
          {member.name}
          <Text className={`desk__tag${member.active ? '' : ' desk__tag--off'}`}>
            {member.active ? STAFF_ROLE_LABELS[member.role] : '已停用'}
          </Text>
        </Text>
        <Text className='desk__sub'>{member.mobile}</Text>
      </View>
      {onDeactivate ? (
        <Button
          className='desk__button desk__button--danger'
          {...tapTarget({ label: `停用${member.name}` })}
          onClick={onDeactivate}
        >
          <Text>停用</Text>
        </Button>
      ) : null}
    </View>
  )
}

/** 团队管理 (owners): the members, a one-time invite to share, deactivation after a confirmation. */
function StaffTeamPage() {
  const team = useTeam()
  const [role, setRole] = useState<StaffRole>('agent')
  usePullDownRefresh(() => {
    void team.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // The share button sends the claim page with the code to a WeChat chat.
  useShareAppMessage(() =>
    team.invite
      ? {
          title: `邀请您加入招商团队（${STAFF_ROLE_LABELS[team.invite.role]}）`,
          path: claimPath(team.invite.code),
        }
      : { title: '园区招商', path: '/pages/index/index' },
  )

  async function confirmDeactivate(member: StaffMember) {
    const { confirm } = await Taro.showModal({
      title: `停用${member.name}？`,
      content: '停用后对方将无法进入员工工作台，需要重新邀请才能恢复。',
      confirmText: '停用',
      confirmColor: '#d92d20',
    })
    if (!confirm) return
    const error = await team.deactivate(member.id)
    if (error) toastError(error)
    else void Taro.showToast({ title: '已停用', icon: 'success' })
  }

  async function invite() {
    const error = await team.createInvite(role)
    if (error) toastError(error)
  }

  if (team.state.kind === 'loading') return <LoadingState />
  if (team.state.kind === 'error') {
    const forbidden = team.state.error.code === 'FORBIDDEN'
    return forbidden ? (
      <EmptyState title='仅负责人可以管理团队' description='如需邀请同事，请联系团队负责人。' />
    ) : (
      <ErrorState error={team.state.error} onRetry={team.retry} />
    )
  }
  const members = team.state.members

  return (
    <View className='ui-page desk'>
      <View className='ui-panel desk__card'>
        <Text className='desk__title'>邀请同事</Text>
        <Text className='ui-hint'>生成一次性邀请码，24 小时内有效，只能使用一次。</Text>
        <View className='desk__chips'>
          {STAFF_ROLES.map((r) => (
            <Text
              key={r}
              className={`desk__chip${role === r ? ' desk__chip--on' : ''}`}
              {...tapTarget({ pressed: role === r })}
              onClick={() => setRole(r)}
            >
              {STAFF_ROLE_LABELS[r]}
            </Text>
          ))}
        </View>
        <Button
          className='ui-button desk__button'
          {...tapTarget({ disabled: team.busy })}
          disabled={team.busy || undefined}
          onClick={() => void invite()}
        >
          <Text>生成邀请码</Text>
        </Button>
        {team.invite ? (
          <View className='desk__field' aria-live='polite'>
            <Text className='desk__label'>邀请码（{STAFF_ROLE_LABELS[team.invite.role]}）</Text>
            <Text className='desk__code' userSelect>
              {team.invite.code}
            </Text>
            {inviteLinkText(team.invite.code) !== team.invite.code ? (
              <Text className='desk__url' userSelect>
                {inviteLinkText(team.invite.code)}
              </Text>
            ) : null}
            <Text className='ui-hint'>有效期至 {formatBeijingDateTime(team.invite.expiresAt)}</Text>
            {/* WeChat only: a share card of the claim page with the code (H5 shows the link above). */}
            {process.env.TARO_ENV === 'weapp' ? (
              <Button
                className='ui-button ui-button--secondary desk__button'
                openType='share'
                {...tapTarget()}
              >
                <Text>发送给同事</Text>
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='ui-panel desk__card'>
        <Text className='desk__title'>团队成员（{members.filter((m) => m.active).length}）</Text>
        {members.map((m) => (
          <MemberRow
            key={m.id}
            member={m}
            // Never on the owner's own row (the server refuses it too).
            onDeactivate={m.active && m.id !== team.selfId ? () => void confirmDeactivate(m) : undefined}
          />
        ))}
      </View>
    </View>
  )
}

export default withPageBoundary(StaffTeamPage)
