import { ScrollView, View } from '@tarojs/components'
import { withDeal, type ParkFilters } from '../query'
import { Chip } from './Chip'
import { FilterChips } from './FilterChips'
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
          <FilterChips
            filter='district'
            chosen={filters.district}
            onTap={(district) => onChange({ ...filters, district })}
          />
        </View>
      </ScrollView>
      <ScrollView className='quick-filters__row' scrollX enhanced showScrollbar={false}>
        <View className='quick-filters__track' aria-label='租售与类型'>
          <FilterChips
            filter='deal'
            chosen={filters.deal}
            onTap={(d) => onChange(withDeal(filters, filters.deal === d ? undefined : d))}
          />
          <View className='quick-filters__divider' />
          <FilterChips
            filter='type'
            chosen={filters.type}
            onTap={(t) => onChange({ ...filters, type: filters.type === t ? undefined : t })}
          />
        </View>
      </ScrollView>
    </View>
  )
}
