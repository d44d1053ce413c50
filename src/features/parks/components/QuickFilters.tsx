import { ScrollView, View } from '@tarojs/components'
import {
  DEALS,
  DEAL_LABELS,
  DISTRICTS,
  DISTRICT_LABELS,
  LISTING_TYPES,
  LISTING_TYPE_LABELS,
} from '@/domain/park'
import { withDeal, type ParkFilters } from '../query'
import { Chip } from './Chip'
import './QuickFilters.scss'

interface Props {
  filters: ParkFilters
  onChange: (next: ParkFilters) => void
}

/**
 * One tap filters: the district row (全部 + every district), then deal and type. Tapping the
 * selected deal or type again clears it.
 */
export function QuickFilters({ filters, onChange }: Props) {
  return (
    <View className='quick-filters'>
      <ScrollView className='quick-filters__row' scrollX enhanced showScrollbar={false}>
        <View className='quick-filters__track' aria-label='区域'>
          <Chip
            label='全部'
            active={!filters.district}
            onTap={() => onChange({ ...filters, district: undefined })}
          />
          {DISTRICTS.map((d) => (
            <Chip
              key={d}
              label={DISTRICT_LABELS[d]}
              active={filters.district === d}
              onTap={() => onChange({ ...filters, district: d })}
            />
          ))}
        </View>
      </ScrollView>
      <ScrollView className='quick-filters__row' scrollX enhanced showScrollbar={false}>
        <View className='quick-filters__track' aria-label='租售与类型'>
          {DEALS.map((d) => (
            <Chip
              key={d}
              label={DEAL_LABELS[d]}
              active={filters.deal === d}
              onTap={() => onChange(withDeal(filters, filters.deal === d ? undefined : d))}
            />
          ))}
          <View className='quick-filters__divider' />
          {LISTING_TYPES.map((t) => (
            <Chip
              key={t}
              label={LISTING_TYPE_LABELS[t]}
              active={filters.type === t}
              onTap={() => onChange({ ...filters, type: filters.type === t ? undefined : t })}
            />
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
