import { View, Text, Image, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format-quantity'
import { mediaUrl } from '@/lib/media'
import {
  addToPhoneContacts,
  callableMobiles,
  canAddPhoneContact,
  canOpenKefu,
  copyWechat,
  dial,
  recordKefu,
  viewWechatQr,
  type ContactPlace,
} from '../actions'
import { useContactEventsFlush } from '../hooks/useContactEventsFlush'
import './ContactCard.scss'

interface Props {
  contact: AgencyContact
  /** The page and what it shows, recorded with every tap (default: the current page). */
  place?: ContactPlace
  /** 在线咨询 (customer-service chat); off in Moments single-page mode. Default on. */
  kefu?: boolean
}

/** Tells the customer-service chat what the visitor was looking at (≤ 1,000 chars). */
const sessionFrom = (place?: ContactPlace) =>
  place?.parkId ? `park:${place.parkId}` : place?.articleId ? `article:${place.articleId}` : 'contact-card'

/** The agency's card at the end of every detail page and on 我的: call, add on WeChat, ask. */
export function ContactCard({ contact, place, kefu = true }: Props) {
  useContactEventsFlush()
  const callable = callableMobiles(contact)
  const showAdd = canAddPhoneContact()
  const showKefu = kefu && canOpenKefu()
  return (
    <View className='contact-card' aria-label='联系我们'>
      <View className='contact-card__head'>
        <Text className='contact-card__title'>找园区、找厂房，联系{contact.agentName}</Text>
        <Text className='contact-card__agency'>{contact.agencyName}</Text>
      </View>

      <Button
        className='contact-card__hotline'
        {...tapTarget({ label: `拨打招商热线 ${formatPhone(contact.hotline)}` })}
        onClick={() => dial(contact.hotline, place)}
      >
        <Text className='contact-card__hotline-label'>拨打招商热线</Text>
        <Text className='contact-card__hotline-number'>{formatPhone(contact.hotline)}</Text>
      </Button>

      <View className='contact-card__rows'>
        {callable.map((m) => (
          <View
            key={m.number}
            className='contact-card__row'
            {...tapTarget({ label: `拨打手机 ${formatPhone(m.number)}` })}
            onClick={() => dial(m.number, place)}
          >
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
            {...tapTarget({ label: `复制微信号 ${contact.wechatId}` })}
            onClick={() => copyWechat(contact, place)}
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
          <Button
            className='contact-card__qr-open'
            size='mini'
            {...tapTarget({ label: '查看微信二维码大图' })}
            onClick={() => viewWechatQr(contact, place)}
          >
            查看大图
          </Button>
        </View>
      </View>

      {showAdd || showKefu ? (
        <View className='contact-card__more'>
          {showAdd ? (
            <Button
              className='contact-card__more-btn'
              {...tapTarget()}
              onClick={() => addToPhoneContacts(contact, place)}
            >
              存入通讯录
            </Button>
          ) : null}
          {showKefu ? (
            <Button
              className='contact-card__more-btn'
              openType='contact'
              sessionFrom={sessionFrom(place)}
              {...tapTarget()}
              onClick={() => recordKefu(place)}
            >
              在线咨询
            </Button>
          ) : null}
        </View>
      ) : null}

      <Text className='contact-card__hint'>{contact.inquiryHint}</Text>
    </View>
  )
}
