import { sanitizeHtml } from '@/domain/sanitize'

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
