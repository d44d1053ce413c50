import { sanitizeHtml } from '@/domain/sanitize'
import { withMediaUrls } from '@/lib/media'

/**
 * H5 build: Taro's RichText sets innerHTML as it is, so the description goes through the
 * allow-list sanitiser first. Styles come from the page's stylesheet. Loaded on its own by
 * richDescription.h5.ts (the sanitiser stays off the park page's first screen).
 */
export function prepareDescription(html: string): string {
  return sanitizeHtml(withMediaUrls(html))
}
