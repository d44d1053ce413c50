import { sanitizeHtml } from '@/domain/sanitize'
// Not from './richDescription': in the H5 build that path resolves back to this file.
import { withMediaUrls } from '@/lib/media'

/**
 * H5 build: Taro's RichText sets innerHTML as it is, so the description goes through the
 * allow-list sanitiser first. Styles come from the page's stylesheet.
 */
export function prepareDescription(html: string): string {
  return sanitizeHtml(withMediaUrls(html))
}
