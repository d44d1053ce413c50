import Taro from '@tarojs/taro'
import { escapeHtmlText, setPageTitle } from '@/lib/pageTitle'

const HOSTILE = '#<img src=x onerror=window.__xss=1><base href=//evil.example/>&amp;'

describe('setPageTitle', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  test('H5: Taro gets HTML-escaped text (its router writes the title with innerHTML)', async () => {
    process.env.TARO_ENV = 'h5'
    await setPageTitle(HOSTILE)
    const { title } = (Taro.setNavigationBarTitle as jest.Mock).mock.calls[0][0]
    expect(title).not.toMatch(/[<>]/)
    // What the router does with it: innerHTML renders exactly the original text, no element.
    const bar = document.createElement('div')
    bar.innerHTML = title
    expect(bar.textContent).toBe(HOSTILE)
    expect(bar.children).toHaveLength(0)
    // The tab title is a text property: it shows the plain text.
    expect(document.title).toBe(HOSTILE)
  })

  test('weapp: the plain text (the native bar renders text)', async () => {
    process.env.TARO_ENV = 'weapp'
    await setPageTitle('松江<厂房>')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '松江<厂房>' })
  })

  test('control characters and blank titles', async () => {
    await setPageTitle(' \u0000\n ')
    expect(Taro.setNavigationBarTitle).not.toHaveBeenCalled()
    await setPageTitle('a\nb')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'a b' })
  })

  test('escapeHtmlText', () => {
    expect(escapeHtmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c')
  })
})
