import { FilterXSS, getDefaultWhiteList, safeAttrValue } from 'xss'

/**
 * Allow-list HTML sanitiser (js-xss) for article bodies and park descriptions: keeps text
 * structure and images, drops scripts, event handlers, styles and any URL that is not
 * http(s), a cloud:// file id or a same-origin path. Runs in browsers and Node alike.
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

/**
 * Character references that change a URL's structure. Any other named reference is left as
 * it is: the URL is written back fully escaped (see escapeUrlAttr), so an undecoded `&sol;`
 * reaches the browser as the literal text `&sol;`, never as a `/`.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  sol: '/',
  bsol: '\\',
  colon: ':',
  period: '.',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
}

function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (ref, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
    }
    return NAMED[body.toLowerCase()] ?? ref
  })
}

/**
 * The URL the browser will use, as its URL parser sees it: leading and trailing C0 controls
 * and spaces go, and tabs and newlines anywhere are dropped (`/\t/host` is `//host`).
 */
function browserView(url: string): string {
  return (
    url
      // eslint-disable-next-line no-control-regex
      .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
      .replace(/[\t\n\r]/g, '')
  )
}

/**
 * Allowed: `http://` / `https://` URLs, `cloud://` file ids, and paths on this origin. A path
 * must not start with two slashes in any spelling: browsers read `\` as `/` in http(s) URLs,
 * so `//host`, `/\host`, `\/host` and `\\host` all leave the origin.
 */
export function isSafeUrl(url: string): boolean {
  if (/^https?:\/\//i.test(url)) return true
  if (/^cloud:\/\/[^/\\]/i.test(url)) return true
  return /^\/(?![/\\])/.test(url)
}

/** Written back escaped, so the browser decodes exactly the string that was checked. */
function escapeUrlAttr(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An href/src value → the safe attribute text, or '' (js-xss then drops the attribute's value). */
export function safeUrlAttr(raw: string): string {
  const url = browserView(decodeReferences(raw))
  return isSafeUrl(url) ? escapeUrlAttr(url) : ''
}

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
    if (name === 'href' || name === 'src') return safeUrlAttr(value)
    return safeAttrValue(tag, name, value, cssFilter)
  },
})

export function sanitizeHtml(html: string): string {
  return filter.process(html)
}
