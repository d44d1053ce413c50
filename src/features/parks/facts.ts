import { DISTRICT_LABELS, type Park } from '@/domain/park'
import { formatArea, formatMeasure, formatPrice } from '@/domain/format-quantity'

export interface ParkFact {
  label: string
  value: string
}

/**
 * The key-facts grid of the park page, in the order a tenant checks them. Facts the record
 * does not have (no floor height for land) are left out rather than shown as "—".
 */
export function parkFacts(park: Park): ParkFact[] {
  const facts: (ParkFact | null)[] = [
    // "可分割" goes in the label: the value stays one short line in a three-column grid.
    { label: park.divisible ? '面积（可分割）' : '面积', value: formatArea(park.areaMin, park.areaMax) },
    { label: '价格', value: formatPrice(park.price) },
    park.floorHeight !== undefined && park.floorHeight !== null
      ? { label: '层高', value: formatMeasure(park.floorHeight, '米') }
      : null,
    park.floorLoad !== undefined && park.floorLoad !== null
      ? { label: '承重', value: formatMeasure(park.floorLoad, 'kg/㎡') }
      : null,
    park.power !== undefined && park.power !== null
      ? { label: '配电', value: formatMeasure(park.power, 'kVA') }
      : null,
    typeof park.standalone === 'boolean' ? { label: '独门独院', value: park.standalone ? '是' : '否' } : null,
    typeof park.propertyCert === 'boolean' ? { label: '产证', value: park.propertyCert ? '有' : '无' } : null,
    typeof park.envAssessment === 'boolean'
      ? { label: '环评', value: park.envAssessment ? '可' : '否' }
      : null,
    DISTRICT_LABELS[park.district] ? { label: '区域', value: DISTRICT_LABELS[park.district] } : null,
  ]
  return facts.filter((f): f is ParkFact => f !== null)
}
