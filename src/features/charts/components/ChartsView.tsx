import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import {
  OTHER_KEY,
  type ChannelRow,
  type ChannelSeries,
  type ChartBar,
  type ChartDay,
  type ChartsData,
  type FunnelStep,
} from '@/domain/charts'
import { formatDuration } from '@/domain/lead-pipeline'
import { tapTarget } from '@/components/a11y'
import '@/components/Panel.scss'
import './ChartsView.scss'

/*
 * The desk's charts drawn with plain Views (no chart library: the staff subpackage stays small
 * and the weapp renders them natively): every width and height is a percentage the server
 * computed, every bar carries its number, and nothing here counts rows.
 */

/** "5/2" for "2026-05-02". */
const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`
/** "5月2日" for "2026-05-02". */
const longDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
/** A bar with a count is never thinner than a sliver, so 1 next to 200 still shows. */
const width = (pct: number) => `${Math.max(pct, 2)}%`

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className='ui-panel charts__card'>
      <View className='charts__head'>
        <Text className='charts__title'>{title}</Text>
        {note ? <Text className='charts__note'>{note}</Text> : null}
      </View>
      {children}
    </View>
  )
}

const Empty = ({ text = '暂无数据' }: { text?: string }) => <Text className='charts__empty'>{text}</Text>

/**
 * Horizontal bars: label, a bar as wide as its share of the largest, the number at its end.
 * `stacked` puts the label on a line of its own (park names are long: at 375 px a label column
 * would cut them to four characters). The 其他 bar is grey: it is a sum, not a rank.
 */
export function BarList({ bars, unit, stacked }: { bars: ChartBar[]; unit: string; stacked?: boolean }) {
  if (!bars.length) return <Empty />
  return (
    <View className={stacked ? 'bars bars--stacked' : 'bars'}>
      {bars.map((b) => (
        <View key={b.key} className='bars__row' aria-label={`${b.label} ${b.count} ${unit}`}>
          <Text className='bars__label'>{b.label}</Text>
          <View className='bars__track'>
            <View
              className={b.key === OTHER_KEY ? 'bars__fill bars__fill--other' : 'bars__fill'}
              style={{ width: width(b.pct) }}
            />
            <Text className='bars__value'>{b.count}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** One column per day; the count sits on top of its column; a date under every 5th one. */
export function DayChart({ days }: { days: ChartDay[] }) {
  const last = days.length - 1
  return (
    <View className='days'>
      <View className='days__plot'>
        {days.map((d) => (
          <View key={d.date} className='days__col' aria-label={`${longDate(d.date)} ${d.count} 条`}>
            {d.count > 0 ? <Text className='days__value'>{d.count}</Text> : null}
            <View
              className={d.count > 0 ? 'days__bar' : 'days__bar days__bar--zero'}
              style={{ height: d.count > 0 ? width(d.pct) : '2px' }}
            />
          </View>
        ))}
      </View>
      <View className='days__axis'>
        {days.map((d, i) => (
          <Text key={d.date} className='days__tick'>
            {i === last || (last - i) % 5 === 0 ? shortDate(d.date) : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** Centred bars narrowing stage by stage, each step's conversion from the one before. */
export function Funnel({ steps, invalid }: { steps: FunnelStep[]; invalid: number }) {
  if (steps[0].reached === 0) return <Empty text='这段时间没有有效线索' />
  return (
    <View className='funnel'>
      {steps.map((s) => (
        <View key={s.stage} className='funnel__step'>
          {s.conversion !== null ? <Text className='funnel__conv'>↓ 转化 {s.conversion}%</Text> : null}
          <View className='funnel__bar' style={{ width: `${Math.max(s.pct, 22)}%` }}>
            <Text className='funnel__text'>
              {s.label} {s.reached}
            </Text>
          </View>
          <Text className='funnel__now'>当前停留 {s.count}</Text>
        </View>
      ))}
      <Text className='charts__foot'>无效线索 {invalid} 条，不计入漏斗</Text>
    </View>
  )
}

const conv = (c: number | null) => (c === null ? '—' : `${c}%`)

/**
 * One channel's days: a column per day (entries), the part of it that became leads in accent.
 * Heights come from the server on one scale for every channel, so two channels compare.
 */
export function ChannelDays({ series }: { series: ChannelSeries }) {
  const days = series.days
  const leads = days.reduce((sum, d) => sum + d.leads, 0)
  const entries = days.reduce((sum, d) => sum + d.entries, 0)
  return (
    <View className='channel-days' aria-label={`${series.label} 每日 进入 ${entries} 留资 ${leads}`}>
      <View className='channel-days__legend'>
        <View className='channel-days__key' />
        <Text className='channel-days__legend-text'>每日进入</Text>
        <View className='channel-days__key channel-days__key--lead' />
        <Text className='channel-days__legend-text'>其中留资</Text>
      </View>
      {/* No wrapper or label per day: 30 nodes a channel keep the page's one setData small. */}
      <View className='channel-days__plot'>
        {days.map((d) => {
          // A day with a lead but no entry (the visit came the day before) still shows its lead.
          const top = Math.max(d.entriesPct, d.leadsPct)
          const any = d.entries > 0 || d.leads > 0
          return (
            <View
              key={d.date}
              className={any ? 'channel-days__bar' : 'channel-days__bar channel-days__bar--zero'}
              style={{ height: any ? width(top) : '2px' }}
            >
              {d.leads > 0 ? (
                <View
                  className='channel-days__lead'
                  style={{ height: `${Math.round((d.leadsPct / Math.max(top, 1)) * 100)}%` }}
                />
              ) : null}
            </View>
          )
        })}
      </View>
      <View className='channel-days__axis'>
        <Text>{days.length ? shortDate(days[0].date) : ''}</Text>
        <Text>{days.length ? shortDate(days[days.length - 1].date) : ''}</Text>
      </View>
    </View>
  )
}

/**
 * The channel funnel, one row per channel: entries as a bar (of the busiest channel's), then the
 * steps after them — scan / share split, detail views, contact taps, leads — and the share of
 * entries that became a lead. A top channel's row opens its days (one at a time, on demand).
 */
export function ChannelFunnel({ rows, series }: { rows: ChannelRow[]; series: ChannelSeries[] }) {
  const [open, setOpen] = useState<string | null>(null)
  if (!rows.length) return <Empty text='这段时间还没有访问记录' />
  const seriesOf = (key: string) => series.find((x) => x.key === key)
  return (
    <View className='channels'>
      {series.length ? (
        <Text className='charts__note ui-hint'>点按前 {series.length} 个渠道查看每日趋势</Text>
      ) : null}
      {rows.map((r) => {
        const days = seriesOf(r.key)
        const opened = days !== undefined && open === r.key
        return (
          <View
            key={r.key}
            className={days ? 'channels__row channels__row--open-able' : 'channels__row'}
            aria-label={`${r.label} 进入 ${r.entries} 浏览 ${r.views} 点击 ${r.taps} 留资 ${r.leads}`}
            {...(days ? tapTarget({ pressed: opened }) : {})}
            onClick={days ? () => setOpen(opened ? null : r.key) : undefined}
          >
            <View className='channels__head'>
              <Text className='channels__name'>{r.label}</Text>
              <Text className='channels__conv'>转化 {conv(r.conversion)}</Text>
            </View>
            <View className='bars__track channels__track'>
              <View
                className={r.key === OTHER_KEY ? 'bars__fill bars__fill--other' : 'bars__fill'}
                style={{ width: width(r.pct) }}
              />
              <Text className='bars__value'>{r.entries}</Text>
            </View>
            <View className='channels__steps'>
              <Text className='channels__step'>
                扫码 {r.scan} · 分享 {r.share} · 浏览 {r.views} · 点击 {r.taps}
              </Text>
              <Text className='channels__step channels__step--lead'>留资 {r.leads}</Text>
            </View>
            {opened ? <ChannelDays series={days} /> : null}
          </View>
        )
      })}
    </View>
  )
}

const med = (m: number | null) => (m === null ? '暂无' : formatDuration(m))

export function ChartsView({ data }: { data: ChartsData }) {
  const { response } = data
  return (
    <View className='ui-page charts'>
      <View className='ui-panel charts__card charts__summary'>
        <Text className='charts__range'>
          {longDate(data.from)} — {longDate(data.to)}
        </Text>
        <View className='charts__kpis'>
          <View className='charts__kpi'>
            <Text className='charts__kpi-value'>{data.totalLeads}</Text>
            <Text className='charts__kpi-label'>新增线索</Text>
          </View>
          <View className='charts__kpi'>
            <Text className='charts__kpi-value'>{data.totalTaps}</Text>
            <Text className='charts__kpi-label'>联系点击</Text>
          </View>
          <View className='charts__kpi'>
            <Text className='charts__kpi-value charts__kpi-value--text'>{med(response.medianMinutes)}</Text>
            <Text className='charts__kpi-label'>首次联系中位用时</Text>
          </View>
        </View>
      </View>

      <Section title='每日新增线索' note={`共 ${data.totalLeads} 条`}>
        <DayChart days={data.days} />
      </Section>

      <Section title='跟进漏斗' note='到达该阶段的线索数'>
        <Funnel steps={data.funnel} invalid={data.invalid} />
      </Section>

      {/* A function deployed before the funnel answers without it: the section says so, nothing breaks. */}
      <Section title='渠道漏斗' note={`进入 ${data.totalEntries ?? 0} 次`}>
        <ChannelFunnel rows={data.channels ?? []} series={data.channelDays ?? []} />
      </Section>

      <Section title='线索来源'>
        <BarList bars={data.sources} unit='条' />
      </Section>

      <Section title='热门园区' note='前 10 名'>
        <BarList bars={data.parks} unit='条' stacked />
      </Section>

      <Section title='联系方式点击' note={`共 ${data.totalTaps} 次`}>
        <BarList bars={data.taps} unit='次' />
      </Section>

      <Section title='首次联系用时' note={`已联系 ${response.contacted}/${response.leads}`}>
        {response.agents.length ? (
          <View className='agents'>
            {response.agents.map((a) => (
              <View key={a.id} className='agents__row'>
                <Text className='agents__name'>{a.name}</Text>
                <Text className='agents__value'>
                  {a.contacted} 条 · 中位 {med(a.medianMinutes)}
                </Text>
              </View>
            ))}
          </View>
        ) : (
          <Empty text='这段时间还没有首次联系记录' />
        )}
      </Section>
    </View>
  )
}
