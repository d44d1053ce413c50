import { View, Text, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format-quantity'
import './ContactStrip.scss'

interface Props {
  contact: AgencyContact
  onCall: (number: string) => void
  onCopyWechat: (wechatId: string) => void
}

/** The foot of the home page: one line of who to ask, with call and WeChat next to it. */
export function ContactStrip({ contact, onCall, onCopyWechat }: Props) {
  return (
    <View className='contact-strip' aria-label='联系我们'>
      <View className='contact-strip__text'>
        <Text className='contact-strip__title'>找园区、找厂房，联系{contact.agentName}</Text>
        <Text className='contact-strip__sub'>
          热线 {formatPhone(contact.hotline)} · 微信 {contact.wechatId}
        </Text>
      </View>
      <View className='contact-strip__actions'>
        <Button
          className='contact-strip__btn contact-strip__btn--primary'
          {...tapTarget({ label: `拨打招商热线 ${formatPhone(contact.hotline)}` })}
          onClick={() => onCall(contact.hotline)}
        >
          拨打电话
        </Button>
        <Button
          className='contact-strip__btn'
          {...tapTarget({ label: `复制微信号 ${contact.wechatId}` })}
          onClick={() => onCopyWechat(contact.wechatId)}
        >
          复制微信
        </Button>
      </View>
    </View>
  )
}
