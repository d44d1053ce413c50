import { View, Text, Button } from '@tarojs/components'
import './ParkActionBar.scss'

interface Props {
  favourite: boolean
  onFavourite: () => void
  onCall: () => void
  onWechat: () => void
  /** Omitted (single-page mode from Moments: no navigation), the 留言 button is hidden. */
  onInquiry?: () => void
}

/** Fixed at the foot of the park page, above the home indicator: save, call, WeChat, ask. */
export function ParkActionBar({ favourite, onFavourite, onCall, onWechat, onInquiry }: Props) {
  return (
    <View className='park-actions' aria-label='园区操作'>
      <View
        className={`park-actions__item${favourite ? ' park-actions__item--on' : ''}`}
        onClick={onFavourite}
        aria-pressed={favourite}
      >
        <Text className='park-actions__icon'>{favourite ? '★' : '☆'}</Text>
        <Text className='park-actions__label'>{favourite ? '已收藏' : '收藏'}</Text>
      </View>
      <View className='park-actions__item' onClick={onCall}>
        <Text className='park-actions__icon'>☎</Text>
        <Text className='park-actions__label'>电话</Text>
      </View>
      <View className='park-actions__item' onClick={onWechat}>
        <Text className='park-actions__icon'>✉</Text>
        <Text className='park-actions__label'>微信</Text>
      </View>
      {onInquiry ? (
        <Button className='park-actions__primary' onClick={onInquiry}>
          留言咨询
        </Button>
      ) : null}
    </View>
  )
}
