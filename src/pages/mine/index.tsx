import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
// Design-system styles first (one shared sheet), so every page orders CSS the same way.
import { PrivacyAuthorization } from '@/components/PrivacyAuthorization'
import { ABOUT_PATH, FAVOURITES_PATH, HISTORY_PATH, MY_INQUIRIES_PATH } from '@/lib/routes'
import { useFavourites } from '@/features/favourites/store'
import { useHistory } from '@/features/history/store'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { StaffEntry } from '@/features/staff/components/StaffEntry'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import '@/components/ui.scss'
import './index.scss'

interface EntryProps {
  title: string
  value?: string
  onTap: () => void
}

function Entry({ title, value, onTap }: EntryProps) {
  return (
    <View className='mine-page__entry' {...tapTarget()} onClick={onTap}>
      <Text className='mine-page__entry-title'>{title}</Text>
      {value ? <Text className='mine-page__entry-value'>{value}</Text> : null}
      <Text className='mine-page__entry-arrow'>›</Text>
    </View>
  )
}

const go = (url: string) => () => void Taro.navigateTo({ url })

function MinePage() {
  const favourites = useFavourites()
  const history = useHistory()
  const agency = useAgencyContact()

  return (
    <View className='mine-page'>
      <View className='ui-hero mine-page__header'>
        <View className='mine-page__avatar'>
          <Text>园</Text>
        </View>
        <View className='mine-page__hello'>
          <Text className='mine-page__name'>您好，欢迎来找园区</Text>
          <Text className='mine-page__tip'>无需登录 · 收藏和浏览记录只保存在本机</Text>
        </View>
      </View>

      <View className='mine-page__group'>
        <Entry title='我的收藏' value={`${favourites.items.length}个园区`} onTap={go(FAVOURITES_PATH)} />
        <Entry title='最近浏览' value={`${history.length}条`} onTap={go(HISTORY_PATH)} />
        <Entry title='我的咨询' onTap={go(MY_INQUIRIES_PATH)} />
        <Entry title='关于我们与隐私政策' onTap={go(ABOUT_PATH)} />
      </View>

      {/* Only for active staff; renders nothing for visitors. */}
      <StaffEntry />

      {agency.contact ? (
        <ContactCard contact={agency.contact} />
      ) : agency.error ? (
        <View className='mine-page__contact-error' {...tapTarget()} onClick={() => void agency.reload()}>
          <Text>联系方式加载失败，点击重试</Text>
        </View>
      ) : null}
      {/* Answers WeChat's privacy prompt for the clipboard / contacts on this page. */}
      <PrivacyAuthorization />
    </View>
  )
}

export default withPageBoundary(MinePage)
