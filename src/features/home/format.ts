import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS, type ParkSummary } from '@/domain/park'

// Areas and prices: domain/format-quantity (one formatter for every page).

/** "松江 · 厂房" */
export function parkSubtitle(park: Pick<ParkSummary, 'district' | 'type'>): string {
  return `${DISTRICT_LABELS[park.district] ?? ''} · ${LISTING_TYPE_LABELS[park.type] ?? ''}`
}

export const dealLabel = (park: Pick<ParkSummary, 'deal'>) => DEAL_LABELS[park.deal] ?? ''
