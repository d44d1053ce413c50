/**
 * End to end, as a visitor on a phone: 留言咨询 on the H5 build served by the local runtime
 * (build/server.cjs, what `npm start` runs), checked in the server's own SQLite file.
 *   (a) QR code with a source (expo26) → park p003 → 留言咨询 → a bad phone shows its message
 *       at the field → fixed → consent → submit → success page → ONE lead in SQLite.
 *   (b) the submit request is cut → the inquiry is kept on the device (queued, shown in place) → the network
 *       comes back → the outbox sends it with the same key: ONE lead → 我的咨询 lists it.
 *   (c) a double tap on 提交咨询 → one request, one lead.
 * One visitor (one `vid` cookie) for the three: 3 leads, under the 5-per-hour limit.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Locator, Page, Request, Route } from 'playwright-core'
import { INQUIRY_STATUS_LABELS, NEED_TYPE_LABELS } from '@/domain/inquiryOptions'
import { ROOT, callApi, openFresh, settled, shot, until, phoneOnLocalServer } from './browser'

let parkName: string

const live = phoneOnLocalServer()

beforeAll(async () => {
  const res = await callApi<{ park: { name: string } }>(live.server.url, 'parks.get', { id: 'p003' })
  expect(res.ok).toBe(true)
  parkName = res.data.park.name
}, 60_000)

// ---- the server's SQLite file -----------------------------------------------------------------

interface LeadRow {
  id: string
  openid: string
  idempotency_key: string
  need_type: string
  contact_name: string
  phone: string
  consent: number
  source: string | null
  park_id: string | null
  park_name: string | null
  status: string
  flagged: string | null
}

/** Every stored lead, oldest first, read straight from the server's database (read-only). */
function storedLeads(): LeadRow[] {
  const file = path.join(live.server.dataDir, 'park-leads.sqlite')
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch {
    return [] // no database yet
  }
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inquiries'")
      .get()
    if (!table) return []
    return db.prepare('SELECT * FROM inquiries ORDER BY created_at, id').all() as LeadRow[]
  } finally {
    db.close()
  }
}

const leadsWithKey = (key: string) => storedLeads().filter((r) => r.idempotency_key === key)

/** `npm run leads -- --json` against this server's data dir: what staff would read. */
function leadsCli(): Array<Record<string, unknown>> {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/leads.mjs'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: live.server.dataDir },
    encoding: 'utf8',
  })
  return JSON.parse(out) as Array<Record<string, unknown>>
}

/** Waits a while longer and checks nothing else arrived (a late duplicate would show here). */
async function stillOne(key: string, waitMs = 1_500): Promise<void> {
  await new Promise((r) => setTimeout(r, waitMs))
  expect(leadsWithKey(key)).toHaveLength(1)
}

// ---- the page ---------------------------------------------------------------------------------

interface SubmitPayload {
  idempotencyKey: string
  phone: string
  context: { parkId?: string; source?: string }
}

const submitPayloadOf = (req: Request): SubmitPayload | null => {
  if (req.method() !== 'POST' || new URL(req.url()).pathname !== '/api') return null
  try {
    const body = JSON.parse(req.postData() ?? '{}') as { action?: string; payload?: SubmitPayload }
    return body.action === 'inquiries.submit' && body.payload ? body.payload : null
  } catch {
    return null
  }
}

/** The payload of every inquiries.submit the page sends from now on (stop() to detach). */
function recordSubmits(page: Page) {
  const payloads: SubmitPayload[] = []
  const listener = (req: Request) => {
    const payload = submitPayloadOf(req)
    if (payload) payloads.push(payload)
  }
  page.on('request', listener)
  return { payloads, stop: () => void page.off('request', listener) }
}

const form = (page: Page) => page.locator('.inquiry-page .inquiry-form')
const field = (page: Page, name: string) => page.locator(`.inquiry-page #inquiry-field-${name}`)
const fieldInput = (page: Page, name: string) => field(page, name).locator('input, textarea').first()
const fieldErrors = (page: Page, name: string) => field(page, name).locator('.inquiry-field__error')
const submitButton = (page: Page) => page.locator('.inquiry-page .inquiry-form__submit')
const doneTitle = (page: Page) => page.locator('.inquiry-done .inquiry-done__title')

async function snap(page: Page, name: string) {
  await settled(page)
  await shot(page, name)
}

/** The QR code of the expo26 print run for park p003 → the park → 留言咨询 → the empty form. */
async function openFormFromQr(page: Page): Promise<void> {
  await openFresh(page, `${live.server.url}/#/pages/index/index?scene=p%3Dp003%26s%3Dexpo26`)
  await page.waitForURL(/#\/packages\/park\/detail\/index\?id=p003$/, { timeout: 15_000 })
  const title = page.locator('.park-detail-page .park-view__name')
  await title.waitFor({ timeout: 15_000 })
  await expect(title.textContent()).resolves.toBe(parkName)
  await page.locator('.park-detail-page .contact-bar__primary').filter({ hasText: '留言咨询' }).click()
  await form(page).waitFor({ timeout: 15_000 })
  expect(page.url()).toContain('/packages/inquiry/form/index?parkId=p003')
  await settled(page)
  // The park card: which park this inquiry is about.
  await expect(page.locator('.inquiry-form__park-label').textContent()).resolves.toBe(`咨询园区：${parkName}`)
}

/** Visible and wholly inside the 375×667 viewport. */
async function expectOnScreen(page: Page, locator: Locator) {
  expect(await locator.isVisible()).toBe(true)
  const box = await locator.boundingBox()
  const view = page.viewportSize()!
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(view.height)
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width)
}

async function chooseNeed(page: Page, label: string) {
  await field(page, 'needType')
    .locator('.chip')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click()
  await expect(field(page, 'needType').locator('.chip--active').allTextContents()).resolves.toEqual([label])
}

async function tickConsent(page: Page) {
  // The checkbox itself, as a thumb would: the row's tap handler toggles the consent.
  await page.locator('.inquiry-page .inquiry-consent__box').click()
  await until(
    () => page.locator('.inquiry-page .inquiry-consent__box').getAttribute('checked'),
    (v) => v === 'true',
  )
}

/** A complete, valid form: need, name, phone, consent. */
async function fillValid(page: Page, need: string, name: string, phoneNumber: string) {
  await chooseNeed(page, need)
  await fieldInput(page, 'contactName').fill(name)
  await fieldInput(page, 'phone').fill(phoneNumber)
  await fieldInput(page, 'phone').blur()
  await tickConsent(page)
  expect(await page.locator('.inquiry-page .inquiry-field__error').count()).toBe(0)
}

// ---- the tests --------------------------------------------------------------------------------

test('(a) QR expo26 → p003 → 留言咨询: a bad phone is named at the field, fixed, sent → one lead in SQLite', async () => {
  const { page } = live.phone
  const submits = recordSubmits(page)
  expect(storedLeads()).toEqual([])

  await openFormFromQr(page)
  await chooseNeed(page, NEED_TYPE_LABELS['rent-factory'])
  await fieldInput(page, 'contactName').fill('王先生')

  // A bad phone: no message while typing, the field's own message on leaving it.
  const phoneInput = fieldInput(page, 'phone')
  await phoneInput.fill('12345')
  expect(await fieldErrors(page, 'phone').count()).toBe(0)
  await phoneInput.blur()
  const phoneError = fieldErrors(page, 'phone')
  await phoneError.waitFor({ timeout: 5_000 })
  await expect(phoneError.textContent()).resolves.toBe('请填写正确的 11 位手机号')
  // On screen, right under the phone box (the field scrolled into the middle of the screen).
  await field(page, 'phone').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await expectOnScreen(page, phoneError)
  const [box, message] = await Promise.all([phoneInput.boundingBox(), phoneError.boundingBox()])
  expect(message!.y).toBeGreaterThanOrEqual(box!.y + box!.height)
  expect(message!.y - (box!.y + box!.height)).toBeLessThan(40)
  await expect(field(page, 'phone').getAttribute('class')).resolves.toContain('inquiry-field--invalid')
  // Only that field complains.
  expect(await page.locator('.inquiry-page .inquiry-field__error').count()).toBe(1)
  await snap(page, '30-inquiry-bad-phone')

  // Fixed (as people type it, with spaces): the message goes as soon as it is right.
  await phoneInput.fill('135 2467 8515')
  await phoneError.waitFor({ state: 'detached', timeout: 5_000 })
  await phoneInput.blur()
  expect(await fieldErrors(page, 'phone').count()).toBe(0)
  await expect(field(page, 'phone').getAttribute('class')).resolves.not.toContain('inquiry-field--invalid')

  await tickConsent(page)
  await submitButton(page).click()

  await doneTitle(page).waitFor({ timeout: 15_000 })
  await expect(doneTitle(page).textContent()).resolves.toBe('提交成功')
  expect(page.url()).toContain('/packages/inquiry/success/index?status=new')
  await expect(page.locator('.inquiry-done__body').textContent()).resolves.toContain('1 个工作日内')
  await page.waitForLoadState('networkidle')
  await snap(page, '31-inquiry-success')

  // The request: one, with the phone normalised by the shared schema.
  submits.stop()
  expect(submits.payloads).toHaveLength(1)
  const sent = submits.payloads[0]
  expect(sent.phone).toBe('13524678515')
  expect(sent.context).toEqual({ parkId: 'p003', source: 'expo26' })

  // The server's SQLite file: exactly one lead, as submitted.
  const rows = storedLeads()
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({
    idempotency_key: sent.idempotencyKey,
    need_type: 'rent-factory',
    contact_name: '王先生',
    phone: '13524678515',
    consent: 1,
    park_id: 'p003',
    park_name: parkName,
    source: 'expo26',
    status: 'new',
    flagged: null,
  })
  expect(rows[0].openid).toMatch(/^h5:/)

  // What staff read with `npm run leads -- --json`: the same lead, phone masked.
  const cli = leadsCli()
  expect(cli).toHaveLength(1)
  expect(cli[0]).toMatchObject({
    id: rows[0].id,
    phone: '135****8515',
    parkId: 'p003',
    source: 'expo26',
    status: 'new',
    needType: 'rent-factory',
  })

  expect(live.phone.pageErrors).toEqual([])
}, 90_000)

test('(b) the submit request is cut: kept on the device, sent once when the network is back; 我的咨询 lists it', async () => {
  const { page } = live.phone
  const before = storedLeads() // (a)'s, when run with it

  await openFormFromQr(page)
  await fillValid(page, NEED_TYPE_LABELS['buy-factory'], '李女士', '139-1234-5678')

  // Cut only inquiries.submit; everything else goes through.
  const cut: SubmitPayload[] = []
  const handler = async (route: Route) => {
    const payload = submitPayloadOf(route.request())
    if (payload) {
      cut.push(payload)
      await route.abort('internetdisconnected')
    } else {
      await route.continue()
    }
  }
  await page.route('**/api', handler)

  await submitButton(page).click()

  // The visitor is told it is saved and will be sent, in place of the form (no page change:
  // offline, the next page's chunk could not load).
  await doneTitle(page).waitFor({ timeout: 15_000 })
  await expect(doneTitle(page).textContent()).resolves.toBe('已保存，联网后自动发送')
  expect(page.url()).toContain('/packages/inquiry/form/index')
  await expect(page.locator('.inquiry-done__body').textContent()).resolves.toContain('联网后会自动发送')
  await expect(
    page.locator('.inquiry-done .inquiry-done__btn').filter({ hasText: '立即重试发送' }).count(),
  ).resolves.toBe(1)
  await snap(page, '32-inquiry-queued')

  expect(cut).toHaveLength(1)
  const key = cut[0].idempotencyKey
  expect(cut[0].phone).toBe('13912345678')
  expect(cut[0].context).toEqual({ parkId: 'p003', source: 'expo26' })
  // Nothing stored yet; the inquiry waits in the outbox with its key.
  expect(storedLeads()).toHaveLength(before.length)
  const outbox = await page.evaluate(() => localStorage.getItem('inquiry.outbox.v1'))
  expect(outbox).toContain(key)

  // The network is back: the page hears `online` (as Chrome fires it) and the outbox sends.
  await page.unroute('**/api', handler)
  const resent = recordSubmits(page)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))

  const rows = await until(
    async () => leadsWithKey(key),
    (r) => r.length > 0,
    10_000,
  )
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({
    need_type: 'buy-factory',
    contact_name: '李女士',
    phone: '13912345678',
    park_id: 'p003',
    source: 'expo26',
    status: 'new',
  })
  // The page on screen follows: the queued inquiry is now 已发送.
  await until(
    () => doneTitle(page).textContent(),
    (t) => t === '已发送',
    10_000,
  )
  await stillOne(key)
  resent.stop()
  expect(resent.payloads.map((p) => p.idempotencyKey)).toEqual([key])
  expect(storedLeads()).toHaveLength(before.length + 1)
  await until(
    () => page.evaluate(() => localStorage.getItem('inquiry.outbox.v1') ?? ''),
    (raw) => !raw.includes(key),
  )

  // 我的咨询: every lead of this visitor (this browser's cookie), from the server, newest first.
  const mine = storedLeads()
    .filter((r) => r.openid === rows[0].openid)
    .reverse()
  expect(mine[0].idempotency_key).toBe(key)
  await page.locator('.inquiry-done .inquiry-done__btn').filter({ hasText: '查看我的咨询' }).click()
  const items = page.locator('.my-inquiries .my-inquiry')
  await until(
    () => items.count(),
    (n) => n === mine.length,
    15_000,
  )
  expect(page.url()).toContain('/packages/mine/inquiries/index')
  await expect(items.locator('.my-inquiry__need').allTextContents()).resolves.toEqual(
    mine.map((r) => NEED_TYPE_LABELS[r.need_type as keyof typeof NEED_TYPE_LABELS]),
  )
  for (const park of await items.locator('.my-inquiry__park').allTextContents())
    expect(park).toBe(`咨询园区：${parkName}`)
  for (const status of await items.locator('.my-inquiry__status').allTextContents())
    expect(status).toBe(INQUIRY_STATUS_LABELS.new)
  // Nothing is left waiting on the device.
  expect(await page.locator('.my-inquiries').getByText('待发送').count()).toBe(0)
  await page.waitForLoadState('networkidle')
  await snap(page, '33-my-inquiries')

  expect(live.phone.pageErrors).toEqual([])
}, 90_000)

test('(c) a double tap on 提交咨询 sends one request and stores one lead', async () => {
  const { page } = live.phone
  const before = storedLeads()

  await openFormFromQr(page)
  await fillValid(page, NEED_TYPE_LABELS.office, '赵经理', '13700001111')

  // A slow network (the request held 400 ms), so the second tap lands while the first is in flight.
  const slow = async (route: Route) => {
    if (submitPayloadOf(route.request())) await new Promise((r) => setTimeout(r, 400))
    await route.continue()
  }
  await page.route('**/api', slow)
  const submits = recordSubmits(page)
  await submitButton(page).dblclick()
  // Both taps reached the form: it is still on screen, busy with the first.
  await expect(submitButton(page).textContent()).resolves.toBe('提交中…')

  await doneTitle(page).waitFor({ timeout: 15_000 })
  await expect(doneTitle(page).textContent()).resolves.toBe('提交成功')
  await page.unroute('**/api', slow)
  await page.waitForLoadState('networkidle')

  expect(submits.payloads.length).toBeGreaterThan(0)
  const key = submits.payloads[0].idempotencyKey
  await stillOne(key)
  submits.stop()
  // The form sends once; were a second request to slip through, it would carry the same key.
  expect(submits.payloads.map((p) => p.idempotencyKey)).toEqual([key])
  expect(storedLeads()).toHaveLength(before.length + 1)
  expect(leadsWithKey(key)[0]).toMatchObject({ need_type: 'office', phone: '13700001111', park_id: 'p003' })

  expect(live.phone.pageErrors).toEqual([])
}, 90_000)
