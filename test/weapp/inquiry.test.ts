/**
 * 留言咨询 as WeChat runs it: the BUILT dist/ (Taro runtime + the compiled form page +
 * base.wxml through the official wcc compiler) in miniprogram-simulate, with `wx` stubbed and
 * the `api` cloud function answered per action. The fields are filled through the rendered
 * native inputs (their `input` / `blur` events, as the keyboard sends them) and chip taps.
 * Build first: `npm run build:weapp`.
 */
import { IDEMPOTENCY_KEY_RE, InquirySchema, type InquiryPayload } from '@/domain/inquiry'
import { validate } from '@/domain/schemas'
import { makeHome } from '../component/home-fixtures'
import { weappSuite, type PageHandle } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const FORM = 'packages/inquiry/form/index'
const SUCCESS_URL = '/packages/inquiry/success/index'
const PARK_NAME = '松江园区1号厂房'
/** What the park detail's 留言咨询 opens with: the name URL-encoded (WeChat hands it over as is). */
const QUERY = { parkId: 'p001', parkName: encodeURIComponent(PARK_NAME) }
const DRAFT_KEY = 'inquiry.draft.v1'
const OUTBOX_KEY = 'inquiry.outbox.v1'

beforeEach(() => {
  h.wx.clearStorageSync()
})

/** home.get (the form's hotline line) and inquiries.submit, which answers `submit`. */
function serve(submit: (payload: InquiryPayload) => unknown = () => ok()) {
  h.respond({
    'home.get': () => ({ ok: true, data: makeHome() }),
    'inquiries.submit': (payload: InquiryPayload) => submit(payload),
  })
}
const ok = (status = 'new') => ({ ok: true, data: { inquiryId: 'inq-1', status, duplicate: false } })

const submitCalls = () => h.cloudCalls().filter((c) => c.data?.action === 'inquiries.submit')

const textOf = (node: any): string => (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** The form field's own nodes: `#inquiry-field-<name> <selector>`. */
const inField = (field: string, selector: string) => `#inquiry-field-${field} ${selector}`

/**
 * Types into the field's native input (or textarea) and leaves it, as the keyboard would.
 * The area pair shares one field: 最小 is its first input, 最大 the second.
 */
async function type(page: PageHandle, field: string, value: string, selector = '.inquiry-input') {
  const [host, index] = field === 'areaMax' ? ['areaMin', 1] : [field, 0]
  await page.trigger(inField(host, selector), 'input', { value, cursor: value.length, keyCode: 0 }, index)
  await page.trigger(inField(host, selector), 'blur', { value }, index)
}

async function tapChip(page: PageHandle, field: string, label: string) {
  const chips = page.queryAll(inField(field, '.chip'))
  const i = chips.findIndex((c: any) => textOf(c) === label)
  if (i < 0) throw new Error(`no chip "${label}" in ${field}: ${chips.map(textOf).join(', ')}`)
  await page.tap(inField(field, '.chip'), i)
}

const activeChips = (page: PageHandle, field: string) =>
  page.queryAll(inField(field, '.chip--active')).map(textOf)
const fieldErrors = (page: PageHandle, field: string) =>
  page.queryAll(inField(field, '.inquiry-field__error')).map(textOf)
const fieldClass = (page: PageHandle, field: string) =>
  String(page.queryAll(`#inquiry-field-${field}`)[0]?.dom?.className ?? '')

/** Everything the form needs but the phone. */
async function fillAllButPhone(page: PageHandle) {
  await tapChip(page, 'needType', '租厂房')
  await tapChip(page, 'district', '松江')
  await type(page, 'areaMin', '2000')
  await type(page, 'areaMax', '5000')
  await type(page, 'company', '上海某精密机械有限公司')
  await type(page, 'contactName', '王先生')
  await type(page, 'remark', '需要 8 米层高\n尽快', '.inquiry-textarea')
  await page.tap('.inquiry-consent__row')
}

describe('inquiry form (packages/inquiry/form/index)', () => {
  it('filled through the inputs and sent: a valid payload for p001 reaches the api, then the success page', async () => {
    serve()
    const page = await h.loadPage(FORM, QUERY)

    // The park card shows the decoded name; the agency's hotline is offered under the button.
    expect(textOf(page.queryAll('.inquiry-form__park-label')[0])).toBe(`咨询园区：${PARK_NAME}`)
    expect(page.text()).toContain('400-012-3021')
    expect(submitCalls()).toEqual([])

    await fillAllButPhone(page)
    await type(page, 'phone', '135 2467 8515')
    expect(activeChips(page, 'needType')).toEqual(['租厂房'])
    expect(activeChips(page, 'district')).toEqual(['松江'])
    expect(page.queryAll('.inquiry-field__error')).toHaveLength(0)

    await page.tap('.inquiry-form__submit')

    const calls = submitCalls()
    expect(calls).toHaveLength(1)
    expect(h.wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'api',
        data: { action: 'inquiries.submit', payload: expect.any(Object) },
      }),
    )
    const payload = calls[0].data.payload as InquiryPayload
    // Valid by the ONE schema the cloud function applies, and already in its output form.
    const checked = validate(InquirySchema, payload)
    expect(checked).toEqual({ ok: true, value: payload })
    expect(payload).toEqual({
      needType: 'rent-factory',
      areaMin: 2000,
      areaMax: 5000,
      industry: '',
      district: 'songjiang',
      company: '上海某精密机械有限公司',
      contactName: '王先生',
      phone: '13524678515',
      remark: '需要 8 米层高\n尽快',
      consent: true,
      idempotencyKey: expect.stringMatching(IDEMPOTENCY_KEY_RE),
      context: { parkId: 'p001' },
    })

    // On to the success page (the form is replaced, so back does not resubmit), with the need
    // (only the need) for its recommendations.
    expect(h.wx.redirectTo).toHaveBeenCalledTimes(1)
    expect(h.wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `${SUCCESS_URL}?status=new&need=rent-factory&district=songjiang&areaMin=2000&areaMax=5000`,
      }),
    )
    expect(h.wx.navigateTo).not.toHaveBeenCalled()
    expect(h.wx.showModal).not.toHaveBeenCalled()
    // Sent: no draft is left to be restored, nothing waits in the outbox.
    expect(h.wx.getStorageSync(DRAFT_KEY)).toBe('')
    expect(h.wx.getStorageSync(OUTBOX_KEY)).toBe('')
  })

  it('with the phone empty: no call, the field says 请填写手机号 and the page scrolls to it', async () => {
    serve()
    const page = await h.loadPage(FORM, QUERY)
    await fillAllButPhone(page)

    await page.tap('.inquiry-form__submit')

    expect(submitCalls()).toEqual([])
    expect(fieldErrors(page, 'phone')).toEqual(['请填写手机号'])
    expect(fieldClass(page, 'phone')).toContain('inquiry-field--invalid')
    // The only message on the page; the rest of the form was fine.
    expect(page.queryAll('.inquiry-field__error').map(textOf)).toEqual(['请填写手机号'])
    expect(h.wx.pageScrollTo).toHaveBeenCalledWith(
      expect.objectContaining({ selector: '#inquiry-field-phone' }),
    )
    expect(h.wx.redirectTo).not.toHaveBeenCalled()

    // Typing a right number takes the message away; then the form goes.
    await type(page, 'phone', '13524678515')
    expect(fieldErrors(page, 'phone')).toEqual([])
    await page.tap('.inquiry-form__submit')
    expect(submitCalls()).toHaveLength(1)
    expect(submitCalls()[0].data.payload.phone).toBe('13524678515')
  })

  it('a bad phone is named on blur, before any submit', async () => {
    serve()
    const page = await h.loadPage(FORM, QUERY)

    await type(page, 'phone', '12345')

    expect(fieldErrors(page, 'phone')).toEqual(['请填写正确的 11 位手机号'])
    expect(fieldClass(page, 'phone')).toContain('inquiry-field--invalid')
    expect(h.cloudCalls().filter((c) => c.data?.action !== 'home.get')).toEqual([])
  })

  it('a double tap on 提交咨询 sends once', async () => {
    serve()
    h.setLatency(50) // the answer takes a while: the second tap lands while the first is out
    const page = await h.loadPage(FORM, QUERY)
    await fillAllButPhone(page)
    await type(page, 'phone', '13524678515')

    const button = page.queryAll('.inquiry-form__submit')[0]
    button.dispatchEvent('tap')
    button.dispatchEvent('tap')
    await h.flush()

    expect(submitCalls()).toHaveLength(1)
    expect(h.wx.redirectTo).toHaveBeenCalledTimes(1)
  })

  it('no network: the inquiry waits in the outbox with its key and the page says it is saved', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome() }),
      'inquiries.submit': () => {
        throw Object.assign(new Error('cloud.callFunction:fail network'), { errCode: -1 })
      },
    })
    const page = await h.loadPage(FORM, QUERY)
    await fillAllButPhone(page)
    await type(page, 'phone', '13524678515')

    await page.tap('.inquiry-form__submit')

    const sent = submitCalls()
    expect(sent).toHaveLength(1)
    const key = sent[0].data.payload.idempotencyKey
    const outbox = JSON.parse(String(h.wx.getStorageSync(OUTBOX_KEY))) as Array<Record<string, any>>
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ key, state: 'queued', parkName: PARK_NAME })
    expect(outbox[0].payload).toEqual(sent[0].data.payload)
    // Said in place of the form: no page change (nothing after the tap needs the network).
    await h.flush()
    expect(page.queryAll('.inquiry-done__title')).toHaveLength(1)
    expect(page.text()).toContain('已保存，联网后自动发送')
    expect(page.queryAll('.inquiry-form__submit')).toHaveLength(0)
    expect(h.wx.redirectTo).not.toHaveBeenCalled()
    expect(h.wx.getStorageSync(DRAFT_KEY)).toBe('')
  })
})
