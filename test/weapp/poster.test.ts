/**
 * 制作海报 and 生成小程序码 as WeChat runs them (BUILT dist/, staff subpackage; issue 9 items 2–3):
 * the poster page finds its `<Canvas type="2d">` node through createSelectorQuery, sizes it for
 * the pixel ratio, downloads the code's https temp link into the canvas's own image, draws; then
 * 保存到相册 (canvasToTempFilePath → saveImageToPhotosAlbum, the album refusal → settings → saved)
 * and 分享 (showShareImageMenu). The canvas is the harness's recording fake (harness.ts
 * FakeCanvas). Build first: npm run build:weapp.
 */
import fs from 'node:fs'
import path from 'node:path'
import { weappSuite, ROOT, type CanvasCall } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const POSTER = 'packages/staff/poster/index'
const CODE = 'packages/staff/code/index'
const CODE_URL = 'https://test-env.tcb.qcloud.la/codes/3f2a.png?sign=x'
const parks = JSON.parse(fs.readFileSync(path.join(ROOT, 'mock/parks.json'), 'utf8'))
const agency = JSON.parse(fs.readFileSync(path.join(ROOT, 'mock/agency.json'), 'utf8'))
const park = {
  ...parks.find((p: { id: string }) => p.id === 'p012'),
  name: '松江小昆山镇智能制造产业园二期标准厂房独栋出售带行车可环评',
  cover: 'cloud://env-1.7465/parks/p012.png',
}
const code = (over: Record<string, unknown> = {}) => ({
  ok: true,
  data: {
    scene: 'p=p012&s=k3m9qa',
    page: 'pages/index/index',
    imageUrl: CODE_URL,
    width: 430,
    created: false,
    ...over,
  },
})

const texts = (calls: CanvasCall[]) => calls.filter((c) => c[0] === 'fillText').map((c) => String(c[1]))

beforeEach(() => {
  h.canvases.clear()
  // A cover in cloud storage arrives as a file id: the canvas loads it from a downloaded temp file.
  // wx.cloud APIs answer a promise when given no callback (as Taro.cloud passes them through).
  ;(h.wx.cloud as any).downloadFile = jest.fn(async () => ({
    tempFilePath: 'http://tmp/cover.png',
    errMsg: 'cloud.downloadFile:ok',
  }))
})

/**
 * Until the poster left 正在生成海报: the page asks for the canvas node again a few frames later
 * when the render layer did not have it yet (first load), on timers flush() does not wait for.
 */
async function drawn(page: { text(): string }) {
  for (let i = 0; i < 60 && page.text().includes('正在生成海报'); i++) {
    await new Promise((r) => setTimeout(r, 50))
    await h.flush()
  }
}

function servePoster(codeAnswer = code()) {
  h.respond({
    'parks.get': (p) => ({ ok: true, data: { park: { ...park, id: p.id }, contact: agency, similar: [] } }),
    'codes.get': () => codeAnswer,
  })
}

it('the three pages are in the staff subpackage, not the main package', () => {
  const app = JSON.parse(fs.readFileSync(`${h.dist}/app.json`, 'utf8'))
  for (const page of ['packages/staff/channels/index', CODE, POSTER]) expect(app.pages).not.toContain(page)
  expect(app.subPackages ?? app.subpackages).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        root: 'packages/staff',
        pages: expect.arrayContaining(['channels/index', 'code/index', 'poster/index']),
      }),
    ]),
  )
})

it('draws a park poster on the type="2d" canvas at 3× with the code and the wrapped name', async () => {
  servePoster()
  const page = await h.loadPage(POSTER, { page: 'park', id: 'p012', channel: 'k3m9qa' })
  await drawn(page)
  expect(page.html()).toMatch(/<canvas[^>]*type="2d"|canvas/)
  const calls = h.cloudCalls().map((c) => [c.data.action, c.data.payload])
  expect(calls).toEqual(
    expect.arrayContaining([
      ['parks.get', { id: 'p012' }],
      ['codes.get', { target: { page: 'park', id: 'p012' }, channel: 'k3m9qa' }],
    ]),
  )
  const canvas = h.canvases.get('poster-canvas')
  expect(canvas).toBeTruthy()
  // 360 × 680 poster pixels at the device's ratio (3), the context scaled to match.
  expect([canvas!.width, canvas!.height]).toEqual([1080, 2040])
  expect(canvas!.calls).toContainEqual(['scale', 3, 3])
  // The code's temp link and the cover's file id were downloaded, then loaded into canvas images.
  expect(h.wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: CODE_URL }))
  expect((h.wx.cloud as any).downloadFile).toHaveBeenCalledWith(
    expect.objectContaining({ fileID: 'cloud://env-1.7465/parks/p012.png' }),
  )
  expect(canvas!.imageSources.sort()).toEqual(['http://tmp/cover.png', 'http://tmp/export.xlsx'].sort())
  expect(canvas!.calls.filter((c) => c[0] === 'drawImage')).toHaveLength(2)
  const lines = texts(canvas!.calls)
  // 22px bold CJK is 22 a character in the fake: 14 fit the 320 px column.
  expect(lines[0]).toBe('松江小昆山镇智能制造产业园二')
  expect(lines.some((l) => l.endsWith('…'))).toBe(true)
  for (const s of ['400-012-3021', '5,200元/m²', '9米', '2,000kg/㎡', '松江']) expect(lines).toContain(s)
  expect(page.text()).not.toContain('正在生成海报')
})

it('保存到相册: canvasToTempFilePath of that canvas → saveImageToPhotosAlbum; 分享 opens the image menu', async () => {
  servePoster()
  const page = await h.loadPage(POSTER, { page: 'park', id: 'p012' })
  await drawn(page)
  await page.tap('.poster__save')
  await h.flush()
  const canvas = h.canvases.get('poster-canvas')
  expect(h.wx.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas, fileType: 'png' }))
  expect(h.wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'http://tmp/poster.png' }),
  )
  expect(h.wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }))

  await page.tap('.poster__share')
  await h.flush()
  expect(h.wx.showShareImageMenu).toHaveBeenCalledWith(
    expect.objectContaining({ path: 'http://tmp/poster.png' }),
  )
})

it('album refused: a modal leads to the settings, and the poster is saved once allowed', async () => {
  servePoster()
  h.wx.saveImageToPhotosAlbum.mockImplementationOnce((opts: any) => {
    setTimeout(() => opts.fail?.({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }), 0)
  })
  const page = await h.loadPage(POSTER, { page: 'park', id: 'p012' })
  await drawn(page)
  await page.tap('.poster__save')
  await h.flush()
  expect(h.wx.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
  )
  expect(h.wx.openSetting).toHaveBeenCalledTimes(1)
  expect(h.wx.saveImageToPhotosAlbum).toHaveBeenCalledTimes(2)
  expect(h.wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }))
})

it('a code with a cloud file id is loaded from cloud storage by that id', async () => {
  servePoster(code({ fileId: 'cloud://env-1.7465/codes/3f2a.png' }))
  const page = await h.loadPage(POSTER, { page: 'park', id: 'p012' })
  await drawn(page)
  expect((h.wx.cloud as any).downloadFile).toHaveBeenCalledWith(
    expect.objectContaining({ fileID: 'cloud://env-1.7465/codes/3f2a.png' }),
  )
  expect(h.wx.downloadFile).not.toHaveBeenCalled()
  expect(page.text()).toContain('保存到相册')
  expect(page.text()).not.toContain('加载失败')
})

it('a code image that does not load: the error with 重新生成, and nothing to save', async () => {
  servePoster(code({ imageUrl: 'https://test-env.tcb.qcloud.la/codes/broken.png' }))
  h.wx.downloadFile.mockImplementationOnce((opts: any) => {
    setTimeout(
      () =>
        opts.success?.({
          errMsg: 'downloadFile:ok',
          statusCode: 200,
          tempFilePath: `http://tmp/${opts.url.includes('broken') ? 'broken' : 'ok'}.png`,
        }),
      0,
    )
  })
  const page = await h.loadPage(POSTER, { page: 'park', id: 'p012' })
  await drawn(page)
  expect(page.text()).toContain('小程序码图片加载失败，请重试')
  expect(page.text()).toContain('重新生成')
  await page.tap('.poster__save')
  await h.flush()
  expect(h.wx.canvasToTempFilePath).not.toHaveBeenCalled()
})

it('生成小程序码: codes.get for the home page, preview, 保存到相册 downloads the temp link and saves it', async () => {
  h.respond({
    'channels.list': () => ({ ok: true, data: { items: [] } }),
    'codes.get': () => code({ scene: '', imageUrl: CODE_URL }),
  })
  const page = await h.loadPage(CODE)
  await page.tap('.code-page__make')
  await h.flush()
  expect(
    h
      .cloudCalls()
      .filter((c) => c.data.action === 'codes.get')
      .map((c) => c.data.payload),
  ).toEqual([{ target: { page: 'home' } }])
  expect(page.dataJson()).toContain(CODE_URL)
  expect(page.text()).toContain('长按图片可识别或转发')
  await page.tap('.code-page__actions .channels__button')
  await h.flush()
  expect(h.wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: CODE_URL }))
  expect(h.wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'http://tmp/export.xlsx' }),
  )
  expect(h.wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }))
})

it('渠道与二维码: the list, then a new channel through channels.create, shown on top', async () => {
  const expo = {
    code: 'k3m9qa',
    name: '2026 工博会展位',
    createdAt: '2026-11-20T10:00:00+08:00',
    createdByName: '张经理',
  }
  h.respond({
    'channels.list': () => ({ ok: true, data: { items: [expo] } }),
    'channels.create': (p) => ({
      ok: true,
      data: {
        channel: {
          code: 'gzh001',
          name: p.name,
          createdAt: '2026-12-01T10:00:00+08:00',
          createdByName: '张经理',
        },
      },
    }),
  })
  const page = await h.loadPage('packages/staff/channels/index')
  expect(page.text()).toContain('2026 工博会展位')
  expect(page.text()).toContain('k3m9qa')
  await page.trigger('.channels__input', 'input', { value: '公众号菜单' })
  await page.tap('.channels__button')
  await h.flush()
  expect(
    h
      .cloudCalls()
      .filter((c) => c.data.action === 'channels.create')
      .map((c) => c.data.payload),
  ).toEqual([{ name: '公众号菜单' }])
  // The list below the form (whose hint names both examples): the new channel first.
  const text = page.text().slice(page.text().indexOf('全部渠道（2）'))
  expect(text.indexOf('公众号菜单')).toBeGreaterThan(0)
  expect(text.indexOf('公众号菜单')).toBeLessThan(text.indexOf('2026 工博会展位'))
  expect(text).toContain('gzh001')
})
