/**
 * The desk end to end on `npm start` (build/server.cjs, real staff seats): the owner claims the
 * desk with the printed one-time link; a lead submitted from a second browser context appears in
 * 线索收件箱 (reached from 员工工作台) with its full phone; a status change and a note are stored
 * in the server's SQLite file, each with its audit row (phones masked).
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { settled, shot, phoneOnLocalServer } from './browser'
import { claimDeskAsOwner } from './staff-session'

const live = phoneOnLocalServer({ visitor: true })

it('claim the desk → a visitor’s lead is in the inbox → 已联系 and a note, audited', async () => {
  const { page } = live.phone
  await claimDeskAsOwner(page, live.server)

  // A visitor in another browser sends a lead through the same /api the form uses.
  await live.visitor.page.goto(`${live.server.url}/#/pages/index/index`)
  const sent = await live.visitor.page.evaluate(async () => {
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

  const db = new Database(path.join(live.server.dataDir, 'park-leads.sqlite'), { readonly: true })
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
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)
