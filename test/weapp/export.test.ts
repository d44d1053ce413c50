/**
 * 导出线索 as WeChat runs it (BUILT dist/, staff subpackage): the default range goes to
 * export.leads, the answered cloud-storage link is downloaded (wx.downloadFile) and opened as
 * xlsx (wx.openDocument); a failed call shows 导出失败 with 重试. Build first: npm run build:weapp.
 */
import { weappSuite } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const PAGE = 'packages/staff/export/index'
const URL = 'https://test-env.tcb.qcloud.la/exports/2026-12-01/0123456789abcdef0123456789abcdef.xlsx?sign=x'
const answer = {
  ok: true,
  data: {
    rows: 12,
    fileName: '线索导出_2026-11-02_2026-12-01.xlsx',
    url: URL,
    expiresAt: '2026-12-01T04:10:00.000Z',
  },
}

it('is in the staff subpackage, not the main package', () => {
  const app = JSON.parse(require('node:fs').readFileSync(`${h.dist}/app.json`, 'utf8'))
  expect(app.pages).not.toContain(PAGE)
  expect(app.subPackages ?? app.subpackages).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ root: 'packages/staff', pages: expect.arrayContaining(['export/index']) }),
    ]),
  )
})

it('导出 Excel: export.leads for the last 30 days, then downloadFile → openDocument(xlsx)', async () => {
  h.respond({ 'export.leads': () => answer })
  const page = await h.loadPage(PAGE)
  expect(page.text()).toContain('导出 Excel')
  await page.tap('.export-panel__action')
  await h.flush()

  const calls = h.cloudCalls().filter((c) => c.data?.action === 'export.leads')
  expect(calls).toHaveLength(1)
  const { from, to } = calls[0].data.payload
  expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(29)

  expect(h.wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: URL }))
  expect(h.wx.openDocument).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'http://tmp/export.xlsx', fileType: 'xlsx', showMenu: true }),
  )
  expect(page.text()).toContain('已导出 12 条线索')
  expect(page.text()).toContain('文件已打开')
  h.assertNoUnexpected()
  await h.closeAll()
})

it('a failure shows 导出失败 and 重试 exports again', async () => {
  let n = 0
  h.respond({
    'export.leads': () =>
      ++n === 1 ? { ok: false, error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } } : answer,
  })
  const page = await h.loadPage(PAGE)
  await page.tap('.export-panel__action')
  await h.flush()
  expect(page.text()).toContain('导出失败')
  expect(page.text()).toContain('服务器开小差了')
  await page.tap('.export-panel__retry')
  await h.flush()
  expect(page.text()).toContain('已导出 12 条线索')
  expect(h.wx.openDocument).toHaveBeenCalled()
  h.assertNoUnexpected()
  await h.closeAll()
})
