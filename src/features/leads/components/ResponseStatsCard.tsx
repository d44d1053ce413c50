import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ResponseStats } from '@/domain/lead-desk'
import { formatDuration } from '@/domain/lead-pipeline'
import { tapTarget } from '@/components/a11y'
import './ResponseStatsCard.scss'

const med = (m: number | null) => (m === null ? '暂无' : formatDuration(m))

/** 响应时间: this week's median on one line; a tap shows the weeks and each agent. */
export function ResponseStatsCard({ stats }: { stats: ResponseStats }) {
  const [open, setOpen] = useState(false)
  const [thisWeek, lastWeek] = stats.weeks
  if (!thisWeek) return null
  return (
    <View className='response-stats'>
      <View
        className='response-stats__line'
        {...tapTarget({ label: open ? '收起响应时间' : '展开响应时间' })}
        onClick={() => setOpen(!open)}
      >
        <Text className='response-stats__title'>首次联系用时</Text>
        <Text className='response-stats__value'>
          本周中位 {med(thisWeek.medianMinutes)}
          {lastWeek ? ` · 上周 ${med(lastWeek.medianMinutes)}` : ''}
        </Text>
        <Text className='response-stats__more'>{open ? '收起' : '明细'}</Text>
      </View>
      {open ? (
        <View className='response-stats__detail'>
          {stats.weeks.map((w) => (
            <View key={w.week} className='response-stats__row'>
              <Text>{w.week.slice(5)} 起一周</Text>
              <Text>
                {w.contacted}/{w.leads} 已联系 · 中位 {med(w.medianMinutes)}
              </Text>
            </View>
          ))}
          {stats.agents.map((a) => (
            <View key={a.id} className='response-stats__row'>
              <Text>{a.name}</Text>
              <Text>
                {a.contacted} 条 · 中位 {med(a.medianMinutes)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
