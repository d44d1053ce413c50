import { useMemo, type ReactNode } from 'react'
import { View, Text, RichText } from '@tarojs/components'
import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS, type Park } from '@/domain/park'
import { parkFacts } from '../facts'
import { formatLotTotal, formatPrice } from '@/domain/format-quantity'
import { prepareDescription } from '../richDescription'
import '@/components/ui.scss'
import './ParkView.scss'

/** One titled part of a card (准入行业, 税收要求, 园区亮点). */
function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='park-view__block'>
      <Text className='park-view__section'>{title}</Text>
      {children}
    </View>
  )
}

/** A wrapping row of chips; highlights are tinted. */
function Chips({ items, highlight = false }: { items: string[]; highlight?: boolean }) {
  return (
    <View className='park-view__chips'>
      {items.map((item) => (
        <Text key={item} className={`park-view__chip${highlight ? ' park-view__chip--highlight' : ''}`}>
          {item}
        </Text>
      ))}
    </View>
  )
}

/** The park's read-only content: name, tags, price, key facts, industries, tax, highlights, text. */
export function ParkView({ park }: { park: Park }) {
  const facts = useMemo(() => parkFacts(park), [park])
  const lotTotal = formatLotTotal(park)
  const description = useMemo(() => prepareDescription(park.description || ''), [park.description])
  return (
    <View className='park-view'>
      <View className='ui-card ui-card--roomy park-view__card'>
        <Text className='park-view__name'>{park.name}</Text>
        <View className='park-view__tags'>
          <Text className='park-view__tag'>{DISTRICT_LABELS[park.district]}</Text>
          <Text className='park-view__tag'>{LISTING_TYPE_LABELS[park.type]}</Text>
          <Text className='park-view__tag park-view__tag--deal'>{DEAL_LABELS[park.deal]}</Text>
          {park.featured ? <Text className='park-view__tag park-view__tag--featured'>精选</Text> : null}
        </View>
        <Text className={`park-view__price${park.price ? '' : ' park-view__price--negotiable'}`}>
          {formatPrice(park.price)}
        </Text>
        {/* A sale lot's total, apart from the unit price that sorts and filters compare. */}
        {lotTotal ? <Text className='park-view__total'>{lotTotal}</Text> : null}
        {park.address ? <Text className='park-view__address'>{park.address}</Text> : null}
      </View>

      <View className='ui-card ui-card--roomy park-view__card'>
        <Text className='park-view__section'>核心信息</Text>
        <View className='park-view__facts' aria-label='核心信息'>
          {facts.map((f) => (
            <View key={f.label} className='park-view__fact'>
              <Text className='park-view__fact-value'>{f.value}</Text>
              <Text className='park-view__fact-label'>{f.label}</Text>
            </View>
          ))}
        </View>
      </View>

      {park.industries.length || park.taxRequirement || park.highlights.length ? (
        <View className='ui-card ui-card--roomy park-view__card'>
          {park.industries.length ? (
            <Block title='准入行业'>
              <Chips items={park.industries} />
            </Block>
          ) : null}
          {park.taxRequirement ? (
            <Block title='税收要求'>
              <Text className='park-view__text'>{park.taxRequirement}</Text>
            </Block>
          ) : null}
          {park.highlights.length ? (
            <Block title='园区亮点'>
              <Chips items={park.highlights} highlight />
            </Block>
          ) : null}
        </View>
      ) : null}

      {description ? (
        <View className='ui-card ui-card--roomy park-view__card'>
          <Text className='park-view__section'>园区介绍</Text>
          <RichText className='park-view__description' nodes={description} />
        </View>
      ) : null}
    </View>
  )
}
