/**
 * Quick content edits end to end on `npm start` (issue 9 item 5): the owner claims the desk,
 * opens 员工工作台 → 内容管理, withdraws the newest park (下架 → 保存); at once a visitor's 找园区
 * tab no longer lists it and its detail page says 已下架 with similar parks. The audit row is in
 * the server's SQLite file.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { settled, shot, phoneOnLocalServer } from './browser'
import { claimDeskAsOwner } from './staff-session'

const live = phoneOnLocalServer({ visitor: true })

async function parkNames(page: Page): Promise<string[]> {
  await page.goto(`${live.server.url}/#/pages/parks/index`)
  await page.reload()
  await page.locator('.parks-page .park-card__name').first().waitFor()
  await settled(page)
  return page.locator('.parks-page .park-card__name').allTextContents()
}

it('staff withdraws a park → the parks tab no longer lists it → its detail says 已下架', async () => {
  const { page } = live.phone
  await claimDeskAsOwner(page, live.server)

  await page.locator('.desk__link').filter({ hasText: '内容管理' }).click()
  const first = page.locator('.content-row').first()
  await first.waitFor()
  const id = (await first.getAttribute('data-id'))!
  const name = (await first.locator('.content-row__title').innerText()).trim()
  expect(id).toMatch(/^p\w+$/)
  // The newest park is on the visitor's first page before the edit.
  expect(await parkNames(live.visitor.page)).toContain(name)

  await first.click()
  const sheet = page.getByRole('dialog')
  await sheet.waitFor()
  await sheet.locator('.content-segments__item', { hasText: '下架' }).click()
  await sheet.getByText('下架后立即从列表、搜索和首页消失', { exact: false }).waitFor()
  await settled(page)
  await shot(page, 'content-edit-sheet')
  await sheet.locator('.content-sheet__button', { hasText: '保存' }).click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  await page.locator(`.content-row[data-id="${id}"] .content-tag--withdrawn`).waitFor()

  // The visitor: gone from 找园区 at once, and the detail page says 已下架 with similar parks.
  const after = await parkNames(live.visitor.page)
  expect(after).not.toContain(name)
  expect(after.length).toBeGreaterThan(0)
  await live.visitor.page.goto(`${live.server.url}/#/packages/park/detail/index?id=${id}`)
  await live.visitor.page.getByText('该园区已下架').waitFor()
  await live.visitor.page.getByText('相似园区', { exact: true }).waitFor()
  expect(await live.visitor.page.locator('.park-detail-page .park-card').count()).toBeGreaterThan(0)
  await settled(live.visitor.page)
  await shot(live.visitor.page, 'content-withdrawn-detail')

  const db = new Database(path.join(live.server.dataDir, 'park-leads.sqlite'), { readonly: true })
  try {
    const audit = db
      .prepare(
        "SELECT action, target_type, target_id, before_json, after_json FROM audit_log WHERE action = 'content.updatePark'",
      )
      .all()
    expect(audit).toEqual([
      {
        action: 'content.updatePark',
        target_type: 'park',
        target_id: id,
        before_json: JSON.stringify({ status: 'available' }),
        after_json: JSON.stringify({ status: 'withdrawn' }),
      },
    ])
  } finally {
    db.close()
  }
}, 90_000)
