import type { ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { AgencyContact } from '@/domain/agency'
import { callAgency, chooseWechatAction, openInquiry, type ContactPlace, type InquiryQuery } from '../actions'
import { useContactEventsFlush } from '../hooks/useContactEventsFlush'
import '@/components/ui.scss'
import './ContactBar.scss'

interface Props {
  contact: AgencyContact
  /** The page and what it shows, recorded with every tap. */
  place: ContactPlace
  /** 留言咨询 opens the inquiry form with this query; omitted (Moments single-page mode), hidden. */
  inquiry?: InquiryQuery
  /** A page's own item before 电话, e.g. the park's 收藏. */
  leading?: ReactNode
  ariaLabel?: string
}

/** Fixed at the foot of a detail page, above the home indicator: call, WeChat, ask. */
export function ContactBar({ contact, place, inquiry, leading, ariaLabel = '联系操作' }: Props) {
  useContactEventsFlush()
  return (
    <View className='contact-bar' aria-label={ariaLabel}>
      {leading}
      <View
        className='ui-bar-item contact-bar__item'
        {...tapTarget({ label: '电话' })}
        onClick={() => callAgency(contact, place)}
      >
        <Text className='ui-bar-item__icon'>☎</Text>
        <Text className='ui-bar-item__label'>电话</Text>
      </View>
      <View
        className='ui-bar-item contact-bar__item'
        {...tapTarget({ label: '微信' })}
        onClick={() => chooseWechatAction(contact, place)}
      >
        <Text className='ui-bar-item__icon'>✉</Text>
        <Text className='ui-bar-item__label'>微信</Text>
      </View>
      {inquiry ? (
        <Button
          className='ui-btn ui-btn--compact ui-btn--primary contact-bar__primary'
          {...tapTarget()}
          onClick={() => openInquiry(inquiry, place)}
        >
          留言咨询
        </Button>
      ) : null}
    </View>
  )
}
