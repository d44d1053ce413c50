import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { formatPhone } from '@/domain/format-quantity'
import { dial } from '@/features/contact/actions'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { queuedItems } from '@/features/inquiry/outbox'
import { InquiryOutcome, type OutcomeMode } from '@/features/inquiry/components/InquiryOutcome'
import { withPageBoundary } from '@/components/PageErrorBoundary'

/** After 提交咨询 (`?status=new|review|queued`): what happens next, the hotline, and the ways on. */
function InquirySuccessPage() {
  const { params } = useRouter()
  const [mode] = useState<OutcomeMode>(() =>
    params.status === 'queued' || params.status === 'review' ? params.status : 'new',
  )
  // What was waiting when the page opened: only those can turn into 已发送 / 未能发送 here.
  const [waitingKeys] = useState(() => new Set(queuedItems().map((i) => i.key)))
  const { contact } = useAgencyContact()

  return (
    <InquiryOutcome
      mode={mode}
      waitingKeys={waitingKeys}
      hotlineText={contact ? formatPhone(contact.hotline) : undefined}
      onCallHotline={contact ? () => dial(contact.hotline) : undefined}
    />
  )
}

export default withPageBoundary(InquirySuccessPage)
