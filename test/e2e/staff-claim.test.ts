/**
 * End to end (issue 8 items 1 and 4): `npm start` (build/server.cjs) on a fresh data dir prints a
 * one-time staff link; opened on a phone, 员工认领 has the code filled in; the owner adds name and
 * mobile and lands on 员工工作台; 我的 now shows 员工工作台. A second visitor with the same link is
 * refused (the code is spent), and never sees the entry on 我的. Screenshot:
 * test-results/staff-desk-home.png.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { openPhone, settled, shot, startServer, until, type LocalServer, type PhoneBrowser } from './browser'

let server: LocalServer
let owner: PhoneBrowser
let other: PhoneBrowser | undefined

beforeAll(async () => {
  server = await startServer()
  owner = await openPhone()
}, 60_000)

afterAll(async () => {
  await other?.close()
  await owner?.close()
  await server?.stop()
})

const LINK_RE = /(http:\/\/127\.0\.0\.1:\d+\/#\/packages\/staff\/claim\/index\?code=([A-Z0-9]+))/

async function printedLink(): Promise<{ url: string; code: string }> {
  const out = await until(
    async () => server.output(),
    (o) => LINK_RE.test(o),
  )
  const m = LINK_RE.exec(out)!
  return { url: m[1], code: m[2] }
}

const input = (page: Page, placeholder: string) => page.locator(`.desk input[placeholder="${placeholder}"]`)

async function claim(page: Page, url: string, name: string, mobile: string) {
  await page.goto(url)
  await settled(page)
  await input(page, '请输入您的姓名').fill(name)
  await input(page, '请输入 11 位手机号').fill(mobile)
  await page.locator('.desk .desk__button').filter({ hasText: '认领' }).click()
}

describe('claiming the desk with the printed one-time link', () => {
  it('the owner claims, sees the desk home, and 我的 shows 员工工作台', async () => {
    const { url, code } = await printedLink()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    const { page } = owner
    await page.goto(url)
    await settled(page)
    expect(await input(page, '请输入邀请码').inputValue()).toBe(code)

    await claim(page, url, '张负责', '13524678515')
    await page.locator('.desk__title').filter({ hasText: '张负责' }).waitFor()
    await settled(page)
    const desk = page.locator('.desk')
    expect(await desk.innerText()).toContain('负责人')
    for (const link of ['线索收件箱', '导出线索', '团队管理']) expect(await desk.innerText()).toContain(link)
    await shot(page, 'staff-desk-home')

    // Stored: one active owner, the audit row, the code spent.
    const db = new Database(path.join(server.dataDir, 'park-leads.sqlite'), { readonly: true })
    try {
      expect(db.prepare('SELECT name, role, active FROM staff').all()).toEqual([
        { name: '张负责', role: 'owner', active: 1 },
      ])
      expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'staff.claim' }])
      expect(db.prepare('SELECT count(*) AS n FROM staff_invites WHERE used_at IS NULL').get()).toEqual({
        n: 0,
      })
    } finally {
      db.close()
    }

    // 团队管理: a one-time invite with its shareable link.
    await page.locator('.desk__link').filter({ hasText: '团队管理' }).click()
    await page.getByText('团队成员（1）').waitFor()
    await page.locator('.desk__button').filter({ hasText: '生成邀请码' }).click()
    const shown = await page.locator('.desk__code').innerText()
    expect(shown).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    expect(await page.locator('.desk__url').innerText()).toBe(
      `${server.url}/#/packages/staff/claim/index?code=${shown}`,
    )
    await settled(page)
    await shot(page, 'staff-team-invite')

    await page.goto(`${server.url}/#/pages/mine/index`)
    await settled(page)
    await page.locator('.staff-entry').filter({ hasText: '员工工作台' }).waitFor()
    await page.locator('.staff-entry').click()
    // The desk opened before is still in the H5 page stack: the newest one is last.
    await page.locator('.desk__title').filter({ hasText: '张负责' }).last().waitFor()
  }, 60_000)

  it('the same link is spent for anyone else, and a visitor never sees the entry', async () => {
    const { url } = await printedLink()
    other = await openPhone()
    const { page } = other
    await claim(page, url, '路人甲', '13800001111')
    await page.getByText('邀请码无效、已使用或已过期，请向负责人索取新的邀请码').waitFor()
    await shot(page, 'staff-claim-refused')
    await page.goto(url.replace(/#.*$/, '#/pages/mine/index'))
    await settled(page)
    await page.getByText('我的咨询').waitFor()
    // staff.me has answered (null) by the time the contact card is drawn; give it a moment more.
    await page.waitForTimeout(500)
    expect(await page.locator('.staff-entry').count()).toBe(0)
  }, 60_000)
})
