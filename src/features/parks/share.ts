import { PARK_DETAIL_PATH, withQuery } from '@/lib/routes'
import { mediaUrl } from '@/lib/media'
import type { Park } from '@/domain/park'
import { formatPrice, unglue } from '@/domain/format-quantity'

/**
 * What a shared park card says: name and price, e.g. "松江新桥独栋厂房 1.2元/m²/天". Plain text
 * (no word joiners): the card is drawn by WeChat, not by our pages.
 */
export const shareTitle = (park: Pick<Park, 'name' | 'price'>) =>
  `${park.name} ${unglue(formatPrice(park.price))}`

/**
 * Share payloads for a park. `source` is where this session came from (a QR code's source),
 * or 'share' — so a lead from the shared card can be attributed.
 */
export function parkShareMessage(id: string, park: Park | null, source: string) {
  const path = withQuery(PARK_DETAIL_PATH, { id, src: source })
  if (!park) return { title: '园区详情', path }
  const image = park.photos[0] ?? park.cover
  return { title: shareTitle(park), path, imageUrl: image ? mediaUrl(image) : undefined }
}

export function parkShareTimeline(id: string, park: Park | null, source: string) {
  const query = withQuery('', { id, src: source }).replace(/^\?/, '')
  if (!park) return { title: '园区详情', query }
  const image = park.photos[0] ?? park.cover
  return { title: shareTitle(park), query, imageUrl: image ? mediaUrl(image) : undefined }
}
