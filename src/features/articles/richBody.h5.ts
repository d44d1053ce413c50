import { sanitizeHtml } from '@/domain/sanitize'
import { withMediaUrls } from './richBody'

/**
 * H5 build: Taro's RichText sets innerHTML as it is, so the body goes through the
 * allow-list sanitiser first. Styles come from the page's stylesheet.
 */
export function prepareRichBody(html: string): string {
  return sanitizeHtml(withMediaUrls(html))
}
