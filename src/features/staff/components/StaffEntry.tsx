import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { StaffMe } from '@/domain/staff-schemas'
import { STAFF_DESK_PATH } from '@/lib/routes'
import { loadStaffMe } from '../me'
import { openDeskPage } from '../navigation'
import '@/components/ui.scss'
import './StaffEntry.scss'

/**
 * 我的 → 员工工作台: rendered only for active staff (from `staff.me`), with the count of leads
 * still 新线索. Visitors get nothing, not even an empty row. Kept tiny: it is the only staff code
 * in the main package; the desk itself lives in the subpackage.
 */
export function StaffEntry() {
  const [me, setMe] = useState<StaffMe | null>(null)
  const refresh = useCallback(() => {
    void loadStaffMe().then(setMe)
  }, [])
  // On mount and on every show of 我的 (cached for a short while, one call in flight at most), so
  // a claim or a read on the desk shows on return.
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  if (!me?.member) return null
  const unread = me.unreadLeads
  return (
    <View
      className='staff-entry'
      {...tapTarget({ label: unread > 0 ? `员工工作台，${unread} 条新线索` : '员工工作台' })}
      onClick={() => void openDeskPage(STAFF_DESK_PATH)}
    >
      <Text className='staff-entry__title'>员工工作台</Text>
      {unread > 0 ? (
        <Text className='ui-count-badge staff-entry__badge'>{unread > 99 ? '99+' : unread}</Text>
      ) : null}
      <Text className='ui-arrow'>›</Text>
    </View>
  )
}
