import { useMemo } from 'react'
import { View, Text, RichText } from '@tarojs/components'
import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS, type Park } from '@/domain/park'
import { parkFacts } from '../facts'
import { formatLotTotal, formatPrice } from '@/domain/format-quantity'
import { prepareDescription } from '../richDescription'
import '@/components/ui.scss'
import './ParkView.scss'

/** A wrapping row of chips (准入行业, 园区亮点); highlights are tinted. */
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
            <View className='park-view__block'>
              <Text className='park-view__section'>准入行业</Text>
              <Chips items={park.industries} />
            </View>
          ) : null}
          {park.taxRequirement ? (
            <View className='park-view__block'>
              <Text className='park-view__section'>税收要求</Text>
              <Text className='park-view__text'>{park.taxRequirement}</Text>
            </View>
          ) : null}
          {park.highlights.length ? (
            <View className='park-view__block'>
              <Text className='park-view__section'>园区亮点</Text>
              <Chips items={park.highlights} highlight />
            </View>
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
