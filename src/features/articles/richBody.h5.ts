import { sanitizeHtml } from '@/domain/sanitize'
// Not from './richBody': in the H5 build that path resolves back to this file.
import { withMediaUrls } from '@/lib/media'

/**
 * H5 build: Taro's RichText sets innerHTML as it is, so the body goes through the
 * allow-list sanitiser first. Styles come from the page's stylesheet.
 */
export function prepareRichBody(html: string): string {
  return sanitizeHtml(withMediaUrls(html))
}
