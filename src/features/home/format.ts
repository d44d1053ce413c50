import {
  DEAL_LABELS,
  DISTRICT_LABELS,
  LISTING_TYPE_LABELS,
  PRICE_UNIT_LABELS,
  type ParkSummary,
  type Price,
} from '@/domain/park'

/** 1500 → "1500", 12000 → "1.2万", 30000 → "3万" */
function compactNumber(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '0'
  if (n < 10000) return String(Math.round(n))
  return `${Number((n / 10000).toFixed(1))}万`
}

/** "2000m²", "500-3000m²", "1.2万-3万m²" */
export function formatArea(min: number, max: number): string {
  if (!(max > min)) return `${compactNumber(min)}m²`
  return `${compactNumber(min)}-${compactNumber(max)}m²`
}

/** "1.2元/m²/天", "6800元/m²", "1200万元"; null is 面议. */
export function formatPrice(price: Price | null): string {
  if (!price || !Number.isFinite(price.value)) return '面议'
  return `${Number(price.value.toFixed(2))}${PRICE_UNIT_LABELS[price.unit]}`
}

/** "松江 · 厂房" */
export function parkSubtitle(park: Pick<ParkSummary, 'district' | 'type'>): string {
  return `${DISTRICT_LABELS[park.district] ?? ''} · ${LISTING_TYPE_LABELS[park.type] ?? ''}`
}

export const dealLabel = (park: Pick<ParkSummary, 'deal'>) => DEAL_LABELS[park.deal] ?? ''
