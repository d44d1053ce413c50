/**
 * Channels, codes and posters end to end on `npm start` (build/server.cjs with A1's handlers;
 * issue 9 items 1–3): the owner claims the desk, 员工工作台 → 渠道与二维码, creates a channel,
 * opens its code page, picks a park by keyword, 生成小程序码 → the QR image loads from
 * /media/codes/ and its scene carries the channel; 制作海报 draws the poster on Taro's H5 canvas
 * (pixels checked, screenshot) and 下载海报 downloads a PNG (saved under test-results/, looked
 * at); an article poster too; and the code's H5 address, opened by a second phone, brings a lead
 * stored with the channel as its source. Screenshots: test-results/channels-*.png, poster-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { RESULTS_DIR, openPhone, settled, shot, phoneOnLocalServer } from './browser'
import { claimDeskAsOwner } from './staff-session'

/** What the first test made: the channel's code and the H5 address its QR encodes. */
const made = { channel: '', h5Url: '' }
// PUBLIC_URL: the codes point at a fixed address (no LAN guess in a test).
const live = phoneOnLocalServer({ env: { PUBLIC_URL: 'http://192.168.1.20:8787' } })

/** Waits for the poster to finish and returns how much of the canvas is not plain white. */
async function posterDrawn(page: Page) {
  await page.locator('.poster__save:not(.ui-button--busy)').waitFor({ timeout: 15_000 })
  await settled(page)
  return page.evaluate(() => {
    const canvas = document.querySelector('.poster__canvas canvas') as HTMLCanvasElement
    const ctx = canvas.getContext('2d')!
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let inked = 0
    for (let i = 0; i < data.length; i += 4 * 97)
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++
    return { width: canvas.width, height: canvas.height, inkedShare: inked / (data.length / (4 * 97)) }
  })
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.poster__save').click()])
  const target = path.join(RESULTS_DIR, name)
  await file.saveAs(target)
  return { suggested: file.suggestedFilename(), bytes: fs.readFileSync(target) }
}

it('channel → code for a park → poster drawn and downloaded as PNG', async () => {
  const { page } = live.phone
  await claimDeskAsOwner(page, live.server)

  await page.locator('.desk__link').filter({ hasText: '渠道与二维码' }).click()
  await page.getByText('还没有渠道').waitFor()
  await settled(page)
  await shot(page, 'channels-empty')

  // The schema on the device first: an empty name never reaches the server.
  await page.locator('.channels__button').filter({ hasText: '创建渠道' }).click()
  await page.locator('.channels__error').filter({ hasText: '请填写渠道名称' }).waitFor()
  await page.locator('.channels__input input').fill('2026 工博会展位')
  await page.locator('.channels__button').filter({ hasText: '创建渠道' }).click()
  const row = page.locator('.channels__row', { hasText: '2026 工博会展位' })
  await row.waitFor()
  const code = (await row.locator('.channels__code').innerText()).trim()
  expect(code).toMatch(/^[a-z0-9]{6}$/)
  expect(await row.innerText()).toContain('张负责')
  await settled(page)
  await shot(page, 'channels-list')
  // It is stored: a reload lists it from the server.
  await page.reload()
  await page.locator('.channels__row', { hasText: '2026 工博会展位' }).waitFor()

  await page.locator('.channels__row', { hasText: '2026 工博会展位' }).click()
  await page
    .locator('.code-page__picker')
    .filter({ hasText: `2026 工博会展位（${code}）` })
    .waitFor()
  await page.locator('.code-page__segment').filter({ hasText: '园区' }).click()
  await page.locator('.code-page__search-input input').fill('小昆山')
  await page.locator('.code-page__search-go').click()
  await page.locator('.code-page__option', { hasText: '小昆山镇 标准厂房出售' }).click()
  await page.getByText('已选：小昆山镇 标准厂房出售').waitFor()
  await settled(page)
  await shot(page, 'channels-code-picker')
  await page.locator('.code-page__make').click()

  const img = page.locator('.code-page__image img')
  await img.waitFor()
  await page.waitForFunction(() => {
    const el = document.querySelector('.code-page__image img') as HTMLImageElement | null
    return !!el && el.complete && el.naturalWidth > 0
  })
  expect(await img.getAttribute('src')).toMatch(/^\/media\/codes\/[0-9a-f]+\.png$/)
  const text = await page.locator('.code-page__preview').innerText()
  expect(text).toContain(`p=p012&s=${code}`)
  made.channel = code
  made.h5Url = (await page.locator('.code-page__fact-value').nth(1).innerText()).trim()
  expect(text).toContain(
    `http://192.168.1.20:8787/#/pages/index/index?scene=${encodeURIComponent(`p=p012&s=${code}`)}`,
  )
  await page.locator('.code-page__preview').scrollIntoViewIfNeeded()
  await settled(page)
  await shot(page, 'channels-code')

  await page.locator('.channels__button').filter({ hasText: '制作海报' }).click()
  const drawn = await posterDrawn(page)
  // 360 × 680 poster pixels at ≥ 3 canvas pixels each; a real drawing, not a blank canvas.
  expect(drawn.width).toBeGreaterThanOrEqual(1080)
  expect(drawn.height / drawn.width).toBeCloseTo(680 / 360, 3)
  expect(drawn.inkedShare).toBeGreaterThan(0.2)
  await shot(page, 'poster-park-page')

  const { suggested, bytes } = await download(page, 'poster-park.png')
  expect(suggested).toBe('海报_小昆山镇标准厂房出售.png')
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  expect(bytes.readUInt32BE(16)).toBe(drawn.width)
  expect(live.phone.pageErrors).toEqual([])
}, 120_000)

it('an article poster (no channel): title and summary wrap, the code is drawn', async () => {
  const { page } = live.phone
  const articles = JSON.parse(fs.readFileSync(path.join(__dirname, '../../mock/articles.json'), 'utf8'))
  const longest = [...articles].sort((a, b) => b.title.length - a.title.length)[0]
  await page.goto(`${live.server.url}/#/packages/staff/poster/index?page=article&id=${longest.id}`)
  const drawn = await posterDrawn(page)
  expect(drawn.inkedShare).toBeGreaterThan(0.15)
  await shot(page, 'poster-article-page')
  const { bytes } = await download(page, 'poster-article.png')
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)

it('opening the code’s address (as a phone scanning it would) attributes the lead to the channel', async () => {
  expect(made.channel).toMatch(/^[a-z0-9]{6}$/)
  // The QR points at PUBLIC_URL; this test reaches the same server on its loopback port.
  const url = made.h5Url.replace('http://192.168.1.20:8787', live.server.url)
  const visitor = await openPhone()
  try {
    const { page } = visitor
    await page.goto(url)
    await page.waitForURL(/#\/packages\/park\/detail\/index\?id=p012$/, { timeout: 15_000 })
    await page.locator('.park-detail-page .contact-bar__primary').filter({ hasText: '留言咨询' }).click()
    const field = (name: string) => page.locator(`.inquiry-page #inquiry-field-${name}`)
    await field('needType').waitFor({ timeout: 15_000 })
    await field('needType').locator('.chip').first().click()
    await field('contactName').locator('input').first().fill('周女士')
    await field('phone').locator('input').first().fill('13524678515')
    await field('phone').locator('input').first().blur()
    await page.locator('.inquiry-page .inquiry-consent__box').click()
    const [submitted] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('inquiries.submit')),
      page.locator('.inquiry-page .inquiry-form__submit').click(),
    ])
    expect(JSON.parse(submitted.postData() ?? '{}').payload.context).toEqual({
      parkId: 'p012',
      source: made.channel,
    })
    await page.locator('.inquiry-done .inquiry-done__title').filter({ hasText: '提交成功' }).waitFor()
  } finally {
    await visitor.close()
  }
  // Stored with the channel as its source: the owner's desk reads it back.
  const lead = await live.phone.page.evaluate(async () => {
    const res = await fetch('/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'leads.list', payload: {} }),
    })
    return (await res.json()) as {
      ok: boolean
      data: { items: Array<{ contactName: string; source?: string }> }
    }
  })
  expect(lead.ok).toBe(true)
  expect(lead.data.items.find((l) => l.contactName === '周女士')?.source).toBe(made.channel)
}, 90_000)
