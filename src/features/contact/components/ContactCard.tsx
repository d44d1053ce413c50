import { View, Text, Image, Button } from '@tarojs/components'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format'
import { mediaUrl } from '@/lib/media'
import { callNumber, copyWechatId, previewWechatQr } from '../actions'
import './ContactCard.scss'

interface Props {
  contact: AgencyContact
}

/** The agency's card at the end of every detail page: call, add on WeChat, what to tell us. */
export function ContactCard({ contact }: Props) {
  const callable = contact.mobiles.filter((m) => !m.wechatOnly)
  return (
    <View className='contact-card' aria-label='联系我们'>
      <View className='contact-card__head'>
        <Text className='contact-card__title'>找园区、找厂房，联系{contact.agentName}</Text>
        <Text className='contact-card__agency'>{contact.agencyName}</Text>
      </View>

      <Button className='contact-card__hotline' onClick={() => void callNumber(contact.hotline)}>
        <Text className='contact-card__hotline-label'>拨打招商热线</Text>
        <Text className='contact-card__hotline-number'>{formatPhone(contact.hotline)}</Text>
      </Button>

      <View className='contact-card__rows'>
        {callable.map((m) => (
          <View key={m.number} className='contact-card__row' onClick={() => void callNumber(m.number)}>
            <Text className='contact-card__row-label'>手机</Text>
            <Text className='contact-card__row-value'>{formatPhone(m.number)}</Text>
            <Text className='contact-card__row-action'>拨打</Text>
          </View>
        ))}
        <View className='contact-card__row'>
          <Text className='contact-card__row-label'>微信</Text>
          <Text className='contact-card__row-value'>{contact.wechatId}</Text>
          <Button
            className='contact-card__copy'
            size='mini'
            onClick={() => void copyWechatId(contact.wechatId)}
          >
            复制微信号
          </Button>
        </View>
      </View>

      <View className='contact-card__qr'>
        {/* No onClick here: long-press would fire it too. The button below opens the preview. */}
        <Image
          className='contact-card__qr-image'
          src={mediaUrl(contact.wechatQr)}
          mode='aspectFit'
          showMenuByLongpress
          lazyLoad
          ariaLabel={`${contact.agentName}的微信二维码`}
        />
        <View className='contact-card__qr-side'>
          <Text className='contact-card__qr-tip'>长按二维码，添加{contact.agentName}微信</Text>
          <Button className='contact-card__qr-open' size='mini' onClick={() => previewWechatQr(contact)}>
            查看大图
          </Button>
        </View>
      </View>

      <Text className='contact-card__hint'>{contact.inquiryHint}</Text>
    </View>
  )
}
