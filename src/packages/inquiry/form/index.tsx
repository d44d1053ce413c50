import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { formatPhone } from '@/domain/format'
import { PrivacyAuthorization } from '@/components/PrivacyAuthorization'
import { getSessionSource } from '@/lib/attribution'
import { dial } from '@/features/contact/actions'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { InquiryForm } from '@/features/inquiry/components/InquiryForm'
import { buildContext, isDistrict, needTypeForListing } from '@/features/inquiry/form'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { decodeParam } from '@/lib/params'
import './index.scss'

/**
 * 留言咨询 (`?parkId=&parkName=&articleId=`, optionally `district`, `type`, `deal` of the park
 * to preselect chips). The context goes with the lead: which park or article, and the
 * visit's source (QR print run, shared link).
 */
function InquiryFormPage() {
  const { params } = useRouter()
  const [setup] = useState(() => {
    const parkName = decodeParam(params.parkName).trim().slice(0, 60)
    const district = decodeParam(params.district)
    const needType = needTypeForListing(params.type, params.deal)
    return {
      parkName,
      context: buildContext({
        parkId: params.parkId,
        articleId: decodeParam(params.articleId),
        source: getSessionSource(),
      }),
      prefill: {
        ...(needType ? { needType } : {}),
        ...(isDistrict(district) ? { district } : {}),
      },
    }
  })
  const { contact } = useAgencyContact()
  const hotline = contact?.hotline

  return (
    <View className='inquiry-page'>
      <InquiryForm
        context={setup.context}
        parkName={setup.parkName || undefined}
        prefill={setup.prefill}
        agencyName={contact?.agencyName}
        hotlineText={hotline ? formatPhone(hotline) : undefined}
        onCallHotline={hotline ? () => dial(hotline) : undefined}
      />
      <PrivacyAuthorization />
    </View>
  )
}

export default withPageBoundary(InquiryFormPage)
