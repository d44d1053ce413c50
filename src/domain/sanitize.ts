import { FilterXSS, getDefaultWhiteList, safeAttrValue } from 'xss'

/**
 * Allow-list HTML sanitiser (js-xss) for article bodies: keeps text structure and images,
 * drops scripts, event handlers, styles and any URL that is not http(s), cloud:// or a
 * same-origin path. Runs in browsers and Node alike.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'img',
  'a',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]
const defaults = getDefaultWhiteList()

const filter = new FilterXSS({
  whiteList: Object.fromEntries(
    ALLOWED_TAGS.map((tag) => {
      if (tag === 'img') return [tag, ['src', 'alt', 'width', 'height']]
      if (tag === 'a') return [tag, ['href', 'title']]
      return [tag, (defaults[tag] ?? []).filter((attr) => attr !== 'style')]
    }),
  ),
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'noscript', 'template'],
  safeAttrValue(tag, name, value, cssFilter) {
    if ((name === 'href' || name === 'src') && !/^(https?:\/\/|\/(?!\/)|cloud:\/\/)/i.test(value.trim())) {
      return ''
    }
    return safeAttrValue(tag, name, value, cssFilter)
  },
})

export function sanitizeHtml(html: string): string {
  return filter.process(html)
}
