import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { CardSkeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { idParam } from '@/lib/params'
import { setPageTitle } from '@/lib/pageTitle'
import { useLeadDetail } from '@/features/leads/hooks/useLeadDetail'
import { LeadView } from '@/features/leads/components/LeadView'
import { LeadMatchesCard } from '@/features/leads/components/LeadMatchesCard'
import { LEAD_ID_RE, leadPath } from '@/features/leads/routes'
import '@/components/ui.scss'
import './index.scss'

/** 线索详情: one lead in full for staff, with its pipeline, follow-up and notes, and parks to recommend. */
function LeadPage() {
  const id = idParam(useRouter().params.id, LEAD_ID_RE)
  const lead = useLeadDetail(id)
  const name = lead.detail?.lead.contactName

  useEffect(() => {
    if (name) void setPageTitle(`${name} · 线索`)
  }, [name])

  usePullDownRefresh(() => {
    void lead.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='lead-page'>
      {lead.status === 'loading' ? (
        <CardSkeleton rows={3} />
      ) : lead.status === 'error' && lead.error ? (
        <ErrorState error={lead.error} onRetry={() => void lead.reload()} />
      ) : lead.detail ? (
        <LeadView
          detail={lead.detail}
          saving={lead.saving}
          conflict={lead.conflict}
          onSave={lead.save}
          onAddNote={lead.addNote}
          onReload={() => void lead.reload()}
          onOpenLead={(other) => void Taro.navigateTo({ url: leadPath(other) })}
          afterNeed={<LeadMatchesCard lead={lead.detail.lead} />}
        />
      ) : null}
    </View>
  )
}

export default withPageBoundary(LeadPage)
