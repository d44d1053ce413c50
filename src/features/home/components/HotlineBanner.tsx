import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format-quantity'
import '@/components/ui.scss'
import './HotlineBanner.scss'

interface Props {
  contact: AgencyContact
  onCall: (number: string) => void
}

/** The top of the home page: who we are, what we do, and the hotline one tap away. */
export function HotlineBanner({ contact, onCall }: Props) {
  return (
    <View className='ui-hero hotline-banner'>
      <Text className='ui-hero__agency'>{contact.agencyName}</Text>
      <Text className='hotline-banner__slogan'>上海及长三角产业园区 · 一站式招商服务</Text>
      <Text className='hotline-banner__services'>厂房土地租售 · 企业注册落户</Text>
      <View
        className='hotline-banner__call'
        {...tapTarget({ label: `拨打招商热线 ${formatPhone(contact.hotline)}` })}
        onClick={() => onCall(contact.hotline)}
      >
        <Text className='hotline-banner__call-label'>招商热线</Text>
        <Text className='hotline-banner__call-number'>{formatPhone(contact.hotline)}</Text>
        <Text className='hotline-banner__call-action'>立即拨打</Text>
      </View>
    </View>
  )
}
