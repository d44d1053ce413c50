/**
 * Issue 7 item 8: malformed page parameters never crash a page, and every page sits inside
 * the page error boundary (error state + 返回首页) for what it did not expect.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router } from '../doubles/taro'
import { PageErrorBoundary } from '@/components/PageErrorBoundary'
import { decodeParam, idParam } from '@/lib/params'
import { HOME_PATH } from '@/lib/routes'
import ArticleDetailPage from '@/packages/article/detail/index'
import ArticleTagPage from '@/packages/article/tag/index'
import ParkDetailPage from '@/packages/park/detail/index'
import InquiryFormPage from '@/packages/inquiry/form/index'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock
/** Each throws URIError in decodeURIComponent. */
const MALFORMED = ['%E0%A4%A', '%', '%zz', 'a%2', '%C0%AF%']

let consoleError: jest.SpyInstance
beforeEach(() => {
  resetTaroDouble()
  // React logs caught render errors; the boundary logs them too. Kept quiet, still counted.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => consoleError.mockRestore())

describe('decodeParam / idParam', () => {
  test.each(MALFORMED)('%s: returned raw, no throw', (raw) => {
    expect(() => decodeURIComponent(raw)).toThrow(URIError)
    expect(decodeParam(raw)).toBe(raw)
  })
  test('decodes, and checks ids', () => {
    expect(decodeParam('%E6%9D%BE%E6%B1%9F')).toBe('松江')
    expect(decodeParam(undefined)).toBe('')
    expect(idParam('p012', /^p\d+$/)).toBe('p012')
    expect(idParam('%', /^p\d+$/)).toBeUndefined()
  })
})

describe('malformed parameters on each page with parameters', () => {
  test.each(MALFORMED)('article detail ?id=%s: not found, nothing asked', async (id) => {
    router.params = { id }
    render(<ArticleDetailPage />)
    expect(await screen.findByText('文章不存在或已下线')).toBeTruthy()
    expect(screen.getByText('返回首页')).toBeTruthy()
    expect(screen.queryByText('页面出错了')).toBeNull()
    expect(request).not.toHaveBeenCalled()
  })

  test.each(MALFORMED)('park detail ?id=%s: not found, nothing asked', async (id) => {
    router.params = { id, src: '%' }
    render(<ParkDetailPage />)
    expect(await screen.findByText('园区不存在或已下架')).toBeTruthy()
    expect(screen.queryByText('页面出错了')).toBeNull()
    expect(request).not.toHaveBeenCalled()
  })

  test('park detail ?scene= malformed: not found', async () => {
    router.params = { scene: '%E0%A4%A' }
    render(<ParkDetailPage />)
    expect(await screen.findByText('园区不存在或已下架')).toBeTruthy()
  })

  test.each(MALFORMED)('tag page ?tag=%s: the raw text is the tag, no crash', async (tag) => {
    router.params = { tag }
    request.mockResolvedValueOnce(httpAnswer({ ok: true, data: { items: [], nextCursor: null } }))
    render(<ArticleTagPage />)
    expect(await screen.findByText('这个标签下还没有文章')).toBeTruthy()
    expect(screen.getByText(`#${tag}`)).toBeTruthy()
    expect(screen.queryByText('页面出错了')).toBeNull()
  })

  test('inquiry form with malformed parkName / articleId / district: the form still opens', async () => {
    router.params = { parkId: '%', parkName: '%E0%A4%A', articleId: '%zz', district: '%', type: '%' }
    render(<InquiryFormPage />)
    expect(await screen.findByText('提交咨询')).toBeTruthy()
    expect(screen.queryByText('页面出错了')).toBeNull()
  })
})

function Thrower({ when }: { when: () => boolean }) {
  if (when()) throw new Error('boom')
  return <span>页面内容</span>
}

describe('PageErrorBoundary', () => {
  test('a throwing child shows the error state with 重新加载 and 返回首页', () => {
    let fail = true
    render(
      <PageErrorBoundary name='test'>
        <Thrower when={() => fail} />
      </PageErrorBoundary>,
    )
    expect(screen.getByText('页面出错了')).toBeTruthy()
    expect(screen.getByRole('alert')).toBeTruthy()
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: HOME_PATH })

    fail = false
    fireEvent.click(screen.getByText('重新加载'))
    expect(screen.getByText('页面内容')).toBeTruthy()
  })

  test('a page that throws while rendering shows the boundary, not a blank screen', () => {
    // useRouter answering without params: every page reading params would throw.
    router.params = null as unknown as Record<string, string>
    render(<ArticleTagPage />)
    expect(screen.getByText('页面出错了')).toBeTruthy()
    expect(screen.getByText('返回首页')).toBeTruthy()
  })

  test('every page config names a title: Taro H5 would otherwise write document.title with innerHTML', () => {
    const src = path.resolve(__dirname, '../../src')
    const configs: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, name.name)
        if (name.isDirectory()) walk(full)
        else if (name.name === 'index.config.ts') configs.push(full)
      }
    }
    walk(path.join(src, 'pages'))
    walk(path.join(src, 'packages'))
    expect(configs.length).toBeGreaterThanOrEqual(14)
    for (const file of configs) {
      const text = readFileSync(file, 'utf8')
      expect([path.relative(src, file), /navigationBarTitleText:\s*'[^']+'/.test(text)]).toEqual([
        path.relative(src, file),
        true,
      ])
    }
  })

  test('every page and subpackage page exports its component inside the boundary', () => {
    const src = path.resolve(__dirname, '../../src')
    const entries: string[] = []
    for (const root of ['pages', 'packages']) {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, name.name)
          if (name.isDirectory()) walk(full)
          else if (name.name === 'index.tsx') entries.push(full)
        }
      }
      if (existsSync(path.join(src, root))) walk(path.join(src, root))
    }
    expect(entries.length).toBeGreaterThanOrEqual(14)
    for (const file of entries) {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const page = require(file).default as { displayName?: string }
      expect([path.relative(src, file), page.displayName]).toEqual([
        path.relative(src, file),
        expect.stringMatching(/^withPageBoundary\(/),
      ])
    }
  })
})
