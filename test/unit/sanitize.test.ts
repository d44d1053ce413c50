import { isSafeUrl, safeUrlAttr, sanitizeHtml } from '@/domain/sanitize'
import { xssVectors } from '../fixtures/xss-vectors'

// The HTML spec parser jsdom uses (no type declarations ship with this version).
const parse5 = require('parse5') as { parseFragment(html: string): unknown }

describe('sanitizeHtml', () => {
  it('keeps the structure an article needs', () => {
    const html =
      '<h3>标题</h3><p>正文<strong>重点</strong></p><ul><li>一</li></ul><img src="/media/a.png" alt="图">'
    expect(sanitizeHtml(html)).toBe(html)
  })
  it('drops scripts with their content, and event handlers', () => {
    const out = sanitizeHtml(
      '<p onclick="steal()">hi</p><script>alert(1)</script><img src="/a.png" onerror="x()">',
    )
    expect(out).not.toMatch(/script|alert|onclick|onerror|steal/)
    expect(out).toContain('<p>hi</p>')
  })
  it('refuses javascript: and protocol-relative URLs', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).not.toMatch(/javascript/)
    expect(sanitizeHtml('<img src="//evil.example/x.png">')).not.toMatch(/evil/)
    expect(sanitizeHtml('<a href="https://example.com/">ok</a>')).toContain('href="https://example.com/"')
  })
  it('strips inline styles and unknown tags but keeps their text', () => {
    expect(
      sanitizeHtml('<p style="position:fixed">a</p><marquee>b</marquee><iframe src="/x">c</iframe>'),
    ).toBe('<p>a</p>b')
  })
})

describe('URLs: same-origin paths, http(s) and cloud:// file ids only', () => {
  const offOrigin = [
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    '\\/evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\t/evil.example/x.png',
    '/\n/evil.example/x.png',
    '/\r\n/evil.example/x.png',
    ' //evil.example/x.png',
    '\u0001//evil.example/x.png',
    '/&#47;evil.example/x.png',
    '/&#x2F;evil.example/x.png',
    '/&#92;evil.example/x.png',
    '/&bsol;evil.example/x.png',
    '/&sol;evil.example/x.png',
    '&#47;&#47;evil.example/x.png',
    '/&Tab;/evil.example/x.png',
    '/&NewLine;/evil.example/x.png',
    'http:\\\\evil.example/x.png',
    'https:evil.example/x.png',
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:x',
  ]
  test.each(offOrigin)('%j is dropped', (url) => {
    expect(safeUrlAttr(url)).toBe('')
    const out = sanitizeHtml(`<img src="${url}"><a href="${url}">x</a>`)
    expect(out).not.toMatch(/evil|javascript|data:|vbscript/i)
  })

  test.each([
    ['/media/a.png', '/media/a.png'],
    ['https://cdn.example.com/a.png?x=1&amp;y=2', 'https://cdn.example.com/a.png?x=1&amp;y=2'],
    ['HTTP://example.com/', 'HTTP://example.com/'],
    ['cloud://env-1.7072-env-1-1300000000/parks/a.png', 'cloud://env-1.7072-env-1-1300000000/parks/a.png'],
    ['  /media/a.png  ', '/media/a.png'],
    ['/media/a b.png', '/media/a b.png'],
  ])('%j is kept as %j', (url, kept) => {
    expect(safeUrlAttr(url)).toBe(kept)
  })

  it('keeps cloud:// ids in article HTML, as the media layer expects', () => {
    const html = '<img src="cloud://env-1.bucket/parks/a.png" alt="图">'
    expect(sanitizeHtml(html)).toBe(html)
  })

  it('writes the checked URL back escaped: an undecoded reference cannot turn into a slash', () => {
    expect(sanitizeHtml('<a href="/&fakeentity;/x">x</a>')).toBe('<a href="/&amp;fakeentity;/x">x</a>')
    expect(isSafeUrl('/a/b')).toBe(true)
    expect(isSafeUrl('/\\a')).toBe(false)
  })
})

// ---- the corpus: every output must hold these invariants -------------------------------------

const ALLOWED = new Set([
  'p', 'br', 'strong', 'b', 'em', 'i', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'img', 'a',
  'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]) // prettier-ignore
const URL_ATTRS = new Set(['href', 'src'])

interface P5Node {
  nodeName: string
  tagName?: string
  attrs?: Array<{ name: string; value: string }>
  childNodes?: P5Node[]
  content?: P5Node
}

function elements(node: P5Node, out: P5Node[] = []): P5Node[] {
  if (node.tagName) out.push(node)
  for (const child of node.childNodes ?? []) elements(child, out)
  if (node.content) elements(node.content, out)
  return out
}

/** Where the browser would go: parsed like Chromium resolves it against the app's origin. */
function resolves(value: string): URL | null {
  try {
    return new URL(value, 'http://app.local/articles/')
  } catch {
    return null
  }
}

function violations(output: string): string[] {
  const found: string[] = []
  const fragment = parse5.parseFragment(output) as unknown as P5Node
  for (const el of elements(fragment)) {
    if (!ALLOWED.has(el.tagName!)) found.push(`tag <${el.tagName}>`)
    for (const { name, value } of el.attrs ?? []) {
      if (/^on/i.test(name)) found.push(`handler ${name}`)
      if (name === 'style') found.push('style attribute')
      if (!URL_ATTRS.has(name)) continue
      if (value === '') continue
      if (/^cloud:\/\//i.test(value)) continue
      const url = resolves(value)
      if (!url) found.push(`unparsable ${name}=${JSON.stringify(value)}`)
      else if (url.protocol !== 'http:' && url.protocol !== 'https:')
        found.push(`${name} scheme ${url.protocol}`)
      else if (!/^https?:\/\//i.test(value) && url.host !== 'app.local')
        found.push(`${name}=${JSON.stringify(value)} leaves the origin for ${url.host}`)
      else if (url.hostname.endsWith('evil.test')) found.push(`${name} to ${url.host}`)
    }
  }
  return found
}

describe('the XSS corpus (test/fixtures/xss-vectors.ts)', () => {
  const vectors = xssVectors()

  it('has at least 1,000 distinct vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(1000)
  })

  it('every output: allowed tags only, no handler or style, URLs on this origin / http(s) / cloud://', () => {
    const bad: Array<{ vector: string; output: string; found: string[] }> = []
    for (const vector of vectors) {
      const output = sanitizeHtml(vector)
      const found = violations(output)
      if (found.length) bad.push({ vector, output, found })
    }
    expect(bad).toEqual([])
  })

  it('is stable: sanitising an output again changes nothing', () => {
    const changed = vectors.filter((v) => {
      const once = sanitizeHtml(v)
      return sanitizeHtml(once) !== once
    })
    expect(changed).toEqual([])
  })

  it('the checker itself catches what the sanitiser must remove (guards the invariants)', () => {
    expect(violations('<img src=x onerror=alert(1)>')).toContain('handler onerror')
    expect(violations('<a href="/\\evil.test/">x</a>')).toEqual([
      'href="/\\\\evil.test/" leaves the origin for evil.test',
    ])
    expect(violations('<svg><script>1</script></svg>')).toEqual(['tag <svg>', 'tag <script>'])
    expect(violations('<a href="java&#9;script:x">x</a>')).toEqual(['href scheme javascript:'])
  })
})
