import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { formatPhone } from '@/domain/format-quantity'
import { needFromQuery } from '@/domain/match-need'
import { dial } from '@/features/contact/actions'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { queuedItems } from '@/features/inquiry/outbox'
import { InquiryOutcome, type OutcomeMode } from '@/features/inquiry/components/InquiryOutcome'
import { ParkMatches } from '@/features/parks/components/ParkMatches'
import { openParkDetail } from '@/features/parks/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { decodeParam } from '@/lib/params'
import './index.scss'

const NEED_PARAMS = ['need', 'district', 'areaMin', 'areaMax', 'industry', 'tax'] as const

/**
 * After 提交咨询 (`?status=new|review|queued`, and the need's fields when the form sent them):
 * what happens next, the hotline, the ways on, then parks that may suit the need.
 */
function InquirySuccessPage() {
  const { params } = useRouter()
  const [mode] = useState<OutcomeMode>(() =>
    params.status === 'queued' || params.status === 'review' ? params.status : 'new',
  )
  // What was waiting when the page opened: only those can turn into 已发送 / 未能发送 here.
  const [waitingKeys] = useState(() => new Set(queuedItems().map((i) => i.key)))
  // The need, read once from the link (WeChat hands values over still encoded; H5 decoded).
  const [need] = useState(() =>
    mode === 'queued'
      ? null
      : needFromQuery(Object.fromEntries(NEED_PARAMS.map((k) => [k, decodeParam(params[k]) || undefined]))),
  )
  const { contact } = useAgencyContact()

  return (
    <View className={`inquiry-success${need ? ' inquiry-success--matches' : ''}`}>
      <InquiryOutcome
        mode={mode}
        waitingKeys={waitingKeys}
        hotlineText={contact ? formatPhone(contact.hotline) : undefined}
        onCallHotline={contact ? () => dial(contact.hotline) : undefined}
      />
      {need ? <ParkMatches need={need} onOpen={openParkDetail} /> : null}
    </View>
  )
}

export default withPageBoundary(InquirySuccessPage)
