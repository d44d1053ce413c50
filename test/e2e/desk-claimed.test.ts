/**
 * The desk end to end on `npm start` (build/server.cjs, real staff seats): the owner claims the
 * desk with the printed one-time link; a lead submitted from a second browser context appears in
 * 线索收件箱 (reached from 员工工作台) with its full phone; a status change and a note are stored
 * in the server's SQLite file, each with its audit row (phones masked).
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { openPhone, settled, shot, startServer, until, type LocalServer, type PhoneBrowser } from './browser'

let server: LocalServer
let owner: PhoneBrowser
let visitor: PhoneBrowser

beforeAll(async () => {
  server = await startServer()
  owner = await openPhone()
  visitor = await openPhone()
}, 60_000)

afterAll(async () => {
  await visitor?.close()
  await owner?.close()
  await server?.stop()
})

const LINK_RE = /(http:\/\/127\.0\.0\.1:\d+\/#\/packages\/staff\/claim\/index\?code=[A-Z0-9]+)/
const input = (page: Page, placeholder: string) => page.locator(`.desk input[placeholder="${placeholder}"]`)

it('claim the desk → a visitor’s lead is in the inbox → 已联系 and a note, audited', async () => {
  const url = LINK_RE.exec(
    await until(
      async () => server.output(),
      (o) => LINK_RE.test(o),
    ),
  )![1]
  const { page } = owner
  await page.goto(url)
  await settled(page)
  await input(page, '请输入您的姓名').fill('张负责')
  await input(page, '请输入 11 位手机号').fill('13900001111')
  await page.locator('.desk .desk__button').filter({ hasText: '认领' }).click()
  await page.locator('.desk__title').filter({ hasText: '张负责' }).waitFor()

  // A visitor in another browser sends a lead through the same /api the form uses.
  await visitor.page.goto(`${server.url}/#/pages/index/index`)
  const sent = await visitor.page.evaluate(async () => {
    const res = await fetch('/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'inquiries.submit',
        payload: {
          needType: 'rent-factory',
          contactName: '陈先生',
          company: '上海恒锐精密机械有限公司',
          phone: '13524678515',
          consent: true,
          idempotencyKey: 'desk-claimed-e2e-0001',
          context: { parkId: 'p003', source: 'expo26' },
        },
      }),
    })
    return res.json()
  })
  expect(sent.ok).toBe(true)

  await page.locator('.desk__link').filter({ hasText: '线索收件箱' }).click()
  const row = page.locator('.inbox__list .lead-row', { hasText: '陈先生' })
  await row.waitFor()
  expect(await row.innerText()).toContain('135 2467 8515')
  expect(await row.getAttribute('class')).toContain('lead-row--unread')
  await settled(page)
  await shot(page, 'desk-claimed-inbox')

  await row.click()
  await page.getByText('改为已联系').click()
  await page.getByText('改为已约看').waitFor()
  await page.locator('textarea').fill('已回电，客户另留号码 13611112222')
  await page.getByText('添加记录').click()
  await page.getByText('已回电，客户另留号码 13611112222').waitFor()

  const db = new Database(path.join(server.dataDir, 'park-leads.sqlite'), { readonly: true })
  try {
    expect(db.prepare('SELECT stage, status, version FROM inquiries').all()).toEqual([
      { stage: 'contacted', status: 'contacted', version: 2 },
    ])
    const audit = db
      .prepare('SELECT action, before_json, after_json FROM audit_log ORDER BY id')
      .all() as Array<{
      action: string
      before_json: string | null
      after_json: string | null
    }>
    expect(audit.map((a) => a.action)).toEqual(['staff.claim', 'leads.update', 'leads.addNote'])
    expect(JSON.parse(audit[1].after_json!)).toMatchObject({ stage: 'contacted', version: 2 })
    expect(audit[2].after_json).toContain('136****2222')
    expect(JSON.stringify(audit)).not.toContain('13611112222')
  } finally {
    db.close()
  }
  expect(owner.pageErrors).toEqual([])
}, 60_000)
