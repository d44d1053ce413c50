import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import '@/components/ui.scss'

interface Props {
  favourite: boolean
  onFavourite: () => void
}

/**
 * The park's own item of the detail page's contact bar (its leading slot): save the park.
 * The bar itself (电话 / 微信 / 留言) is the contact feature's ContactBar, composed by the page.
 */
export function ParkFavouriteAction({ favourite, onFavourite }: Props) {
  return (
    <View
      className={`ui-bar-item${favourite ? ' ui-bar-item--on' : ''}`}
      {...tapTarget({ label: '收藏', pressed: favourite })}
      onClick={onFavourite}
    >
      <Text className='ui-bar-item__icon'>{favourite ? '★' : '☆'}</Text>
      <Text className='ui-bar-item__label'>{favourite ? '已收藏' : '收藏'}</Text>
    </View>
  )
}
