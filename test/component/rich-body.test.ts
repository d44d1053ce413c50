import { prepareRichBody as forH5 } from '@/features/articles/richBody.h5'
import { prepareRichBody as forWeapp } from '@/features/articles/richBody'

describe('article body preparation', () => {
  const hostile = '<p onclick="x()">正文</p><script>alert(1)</script><img src="/media/a.png" onerror="y()">'

  it('H5: sanitises before RichText sets innerHTML', () => {
    const out = forH5(hostile)
    expect(out).toContain('<p>正文</p>')
    expect(out).toContain('src="/media/a.png"')
    expect(out).not.toMatch(/onclick|onerror|script|alert/)
  })

  it('weapp: adds inline styles the native rich-text needs (it drops unsafe tags itself)', () => {
    const out = forWeapp('<p>a</p><img src="/media/a.png">')
    expect(out).toContain('<img style="max-width:100%;height:auto;border-radius:6px" src="/media/a.png">')
    expect(out).toContain('<p style="margin:0 0 14px">a</p>')
  })
})
