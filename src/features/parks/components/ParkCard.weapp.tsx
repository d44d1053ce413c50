import { memo, useCallback } from 'react'
import type { ParkSummary } from '@/domain/park'
import { mediaUrl } from '@/lib/media'
import { formatPrice } from '@/domain/format-quantity'
import { formatAreaLine, parkMetaLine } from '../query'
import '@/components/ui.scss'
import './ParkCard.scss'

/** What the native `park-card` component draws (park-card/index.wxml): formatted texts only. */
interface ParkCardData {
  name: string
  meta: string
  area: string
  price: string
  cover: string
  tags: string[]
  // Flags travel only when set: every row's data crosses the bridge, `false` would too.
  negotiable?: true
  featured?: true
  /** 已租出 outranks 精选, as in ParkCard.tsx. */
  let?: true
  compact?: true
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** Native component, declared in the usingComponents of the pages that list parks. */
      'park-card': { c: ParkCardData; onOpen?: () => void }
    }
  }
}

interface Props {
  park: ParkSummary
  /** Omitted: the card is read-only (e.g. single-page mode, where nothing can open). */
  onOpen?: (id: string) => void
  /** Smaller card without highlights: similar parks under a detail page. */
  compact?: boolean
}

/**
 * The mini program's park row (ParkCard.tsx is the H5 one, and the one tests render in jsdom).
 * Taro would send the row's whole node tree through setData (≈ 3× the park's JSON per row
 * loaded); the native component takes one object of texts instead (issue 10 item 3).
 */
export const ParkCard = memo(function ParkCard({ park, onOpen, compact = false }: Props) {
  const open = useCallback(() => onOpen?.(park.id), [onOpen, park.id])
  const c: ParkCardData = {
    name: park.name,
    meta: parkMetaLine(park),
    area: formatAreaLine(park),
    price: formatPrice(park.price),
    cover: mediaUrl(park.cover),
    tags: compact ? [] : park.highlights.slice(0, 3),
  }
  if (!park.price) c.negotiable = true
  if (park.status === 'let') c.let = true
  else if (park.featured) c.featured = true
  if (compact) c.compact = true
  return <park-card c={c} onOpen={onOpen ? open : undefined} />
})
