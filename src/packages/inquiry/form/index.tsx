// Placeholder until issue #4 (lead capture) lands.
//
// Interim 留言咨询 page: it collects nothing and submits nothing. It says that online inquiry
// is coming and offers the ways that work today — the hotline and the agent's WeChat — via
// the agency's ContactCard. The park the visitor came from is shown when passed
// (`?parkId=p012&parkName=…`) so the call can start with it.
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CardSkeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { useAgencyContact } from './useAgencyContact'
import './index.scss'

function safeDecode(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export default function InquiryFormPage() {
  const { params } = useRouter()
  const [parkName] = useState(() => safeDecode(params.parkName).trim().slice(0, 60))
  const agency = useAgencyContact()

  return (
    <View className='inquiry-page'>
      <View className='inquiry-page__notice'>
        <Text className='inquiry-page__title'>在线留言即将上线</Text>
        {parkName ? <Text className='inquiry-page__park'>咨询园区：{parkName}</Text> : null}
        <Text className='inquiry-page__desc'>
          在线留言功能正在准备中，暂时无法在这里提交信息。现在您可以直接拨打招商热线，或添加招商顾问微信，
          {parkName ? '说明想了解的园区和' : '告诉我们'}您的需求，我们会尽快为您安排。
        </Text>
      </View>

      {agency.status === 'loading' ? <CardSkeleton rows={1} /> : null}
      {agency.status === 'error' ? (
        <ErrorState error={agency.error} onRetry={() => void agency.reload()} />
      ) : null}
      {agency.status === 'ready' ? <ContactCard contact={agency.contact} /> : null}
    </View>
  )
}
