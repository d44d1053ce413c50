/**
 * 留言咨询 (packages/inquiry/form): per-field messages from the domain's InquirySchema (on blur
 * and on submit), one request per form fill (idempotency key), the draft, and what follows a
 * submit: the success page, the outbox when offline, the server's own messages.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { cleanText } from '@/domain/inquiry'
import { rememberSource, resetSessionSource } from '@/lib/attribution'
import InquiryFormPage from '@/packages/inquiry/form/index'
import { DRAFT_KEY } from '@/features/inquiry/draft'
import { newIdempotencyKey } from '@/features/inquiry/idempotency'
import { flushOutbox, OUTBOX_KEY, readOutbox, resetOutboxForTests } from '@/features/inquiry/outbox'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { resetTaroDouble, router, storage } from '../doubles/taro'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'

const request = Taro.request as unknown as jest.Mock

type Handler = (payload: any) => unknown
/** Answers api calls by action, like the local server; a handler that throws is a dropped network. */
function serve(handlers: Record<string, Handler>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: unknown } }) => {
    const handler = handlers[opts.data.action]
    if (!handler) throw new Error(`unexpected action ${opts.data.action}`)
    return httpAnswer(await handler(opts.data.payload))
  })
}

const submitted = () =>
  request.mock.calls.map((c) => c[0].data).filter((d: { action: string }) => d.action === 'inquiries.submit')

const ok = (status: 'new' | 'review' = 'new') => ({
  ok: true,
  data: { inquiryId: 'q1', status, duplicate: false },
})

const seedHomeCache = () =>
  storage.set(HOME_CACHE_KEY, JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }))

const input = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement
const type = (placeholder: string, value: string) =>
  fireEvent.change(input(placeholder), { target: { value } })
const alerts = () => screen.queryAllByRole('alert').map((n) => n.textContent)

function fillRequired({ phone = '13524678515' } = {}) {
  fireEvent.click(screen.getByText('租厂房'))
  type('怎么称呼您', '王先生')
  type('11 位手机号', phone)
  fireEvent.click(screen.getByRole('checkbox'))
}

const submit = () => fireEvent.click(screen.getByText('提交咨询'))

beforeEach(() => {
  resetTaroDouble()
  resetOutboxForTests()
  resetSessionSource()
  seedHomeCache()
  serve({ 'inquiries.submit': () => ok() })
})

afterEach(() => {
  jest.useRealTimers()
})

describe('per-field messages', () => {
  it('submit with nothing filled: the required fields say what is missing, nothing is sent', async () => {
    render(<InquiryFormPage />)
    submit()
    expect(alerts()).toEqual(['请选择需求类型', '请填写联系人', '请填写手机号', '请阅读并同意隐私政策'])
    // Each message sits in its field.
    expect(document.querySelector('#inquiry-field-needType [role=alert]')?.textContent).toBe('请选择需求类型')
    expect(document.querySelector('#inquiry-field-contactName [role=alert]')?.textContent).toBe(
      '请填写联系人',
    )
    expect(document.querySelector('#inquiry-field-phone [role=alert]')?.textContent).toBe('请填写手机号')
    expect(document.querySelector('#inquiry-field-consent [role=alert]')?.textContent).toBe(
      '请阅读并同意隐私政策',
    )
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(
      expect.objectContaining({ selector: '#inquiry-field-needType' }),
    )
    expect(submitted()).toHaveLength(0)
  })

  it('choosing fixes a chip or the consent at once', () => {
    render(<InquiryFormPage />)
    submit()
    fireEvent.click(screen.getByText('办公研发'))
    fireEvent.click(screen.getByRole('checkbox'))
    expect(alerts()).toEqual(['请填写联系人', '请填写手机号'])
  })

  it('phone: a wrong number is flagged on blur, and the message goes once it is right', () => {
    render(<InquiryFormPage />)
    type('11 位手机号', '12345')
    expect(alerts()).toEqual([]) // not while typing
    fireEvent.blur(input('11 位手机号'))
    expect(alerts()).toEqual(['请填写正确的 11 位手机号'])
    type('11 位手机号', '1352467851')
    expect(alerts()).toEqual(['请填写正确的 11 位手机号'])
    type('11 位手机号', '13524678515')
    expect(alerts()).toEqual([])
  })

  it('area: min above max is flagged on the pair; numbers only, whole square metres', () => {
    render(<InquiryFormPage />)
    type('最小', '2000')
    type('最大', '500')
    fireEvent.blur(input('最大'))
    expect(alerts()).toEqual(['最小面积不能大于最大面积'])
    type('最大', '5000')
    expect(alerts()).toEqual([])
    type('最小', '12.5')
    fireEvent.blur(input('最小'))
    expect(alerts()).toEqual(['最小面积请填写整数'])
  })

  it('blur on an empty optional field says nothing', () => {
    render(<InquiryFormPage />)
    fireEvent.blur(input('公司名称（选填）'))
    fireEvent.blur(input('最小'))
    expect(alerts()).toEqual([])
  })
})

describe('what is sent', () => {
  it('"+86 135-2467-8515" is accepted and sent as 13524678515; HTML in 备注 is sent as plain text', async () => {
    render(<InquiryFormPage />)
    fillRequired({ phone: '+86 135-2467-8515' })
    fireEvent.blur(input('11 位手机号'))
    expect(alerts()).toEqual([])
    const remark = '<b>需要</b>双层厂房<script>alert(1)</script><img src=x onerror=alert(2)>'
    fireEvent.change(screen.getByPlaceholderText(/其他要求/), { target: { value: remark } })
    expect(screen.getByText(`${remark.length}/500`)).toBeTruthy()
    submit()
    await waitFor(() => expect(submitted()).toHaveLength(1))
    const { payload } = submitted()[0]
    expect(payload.phone).toBe('13524678515')
    expect(payload.remark).toBe(cleanText(remark))
    expect(payload.remark).not.toMatch(/[<>]/)
    expect(payload).toMatchObject({ needType: 'rent-factory', contactName: '王先生', consent: true })
    expect(payload.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{24,64}$/)
  })

  it('all fields: chips, area and text reach the payload', async () => {
    render(<InquiryFormPage />)
    fillRequired()
    type('最小', '800')
    type('最大', '1500')
    type('如：精密机械加工、生物医药研发', '精密机械')
    fireEvent.click(screen.getByText('嘉定'))
    fireEvent.click(screen.getByText('200–500万元'))
    type('公司名称（选填）', '上海某某精密机械有限公司')
    submit()
    await waitFor(() => expect(submitted()).toHaveLength(1))
    expect(submitted()[0].payload).toMatchObject({
      areaMin: 800,
      areaMax: 1500,
      industry: '精密机械',
      district: 'jiading',
      taxBracket: '200-500',
      company: '上海某某精密机械有限公司',
    })
  })

  it('a double tap sends one request; the button shows it is busy meanwhile', async () => {
    let answer!: (v: unknown) => void
    serve({ 'inquiries.submit': () => new Promise((resolve) => (answer = resolve)) })
    render(<InquiryFormPage />)
    fillRequired()
    // Two taps before React re-renders (the button is still enabled for the second).
    const idle = screen.getByText('提交咨询').closest('button') as HTMLButtonElement
    act(() => {
      idle.click()
      idle.click()
    })
    await waitFor(() => expect(submitted()).toHaveLength(1))
    const button = screen.getByText('提交中…').closest('button') as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(button.getAttribute('data-loading')).toBe('true')
    fireEvent.click(button)
    fireEvent.click(button)
    await act(async () => answer(ok()))
    expect(submitted()).toHaveLength(1)
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1)
  })

  it('from a park: the card names it and the context carries park, article and visit source', async () => {
    rememberSource('pst01')
    router.params = { parkId: 'p012', parkName: encodeURIComponent('松江新桥独栋厂房'), articleId: 'a-1' }
    render(<InquiryFormPage />)
    expect(screen.getByText('咨询园区：松江新桥独栋厂房')).toBeTruthy()
    fillRequired()
    submit()
    await waitFor(() => expect(submitted()).toHaveLength(1))
    expect(submitted()[0].payload.context).toEqual({ parkId: 'p012', articleId: 'a-1', source: 'pst01' })
  })

  it("the park's listing preselects the need and the district", () => {
    router.params = { parkId: 'p012', parkName: 'x', type: 'land', district: 'jiading' }
    render(<InquiryFormPage />)
    expect(screen.getByText('买地').className).toContain('chip--active')
    expect(screen.getByText('嘉定').className).toContain('chip--active')
  })

  it('without a park (or with a malformed id) there is no card and no park in the context', async () => {
    router.params = { parkId: '../../x', parkName: '伪造' }
    render(<InquiryFormPage />)
    expect(screen.queryByText(/^咨询园区/)).toBeNull()
    fillRequired()
    submit()
    await waitFor(() => expect(submitted()).toHaveLength(1))
    expect(submitted()[0].payload.context).toEqual({})
  })

  it('the policy link opens 隐私政策 without ticking the box', () => {
    render(<InquiryFormPage />)
    fireEvent.click(screen.getByText('《隐私政策》'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mine/about/index' })
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false)
  })
})

describe('draft', () => {
  it('is saved ~300 ms after typing, restored on the next visit with a note, and 清空 removes it', async () => {
    jest.useFakeTimers()
    const first = render(<InquiryFormPage />)
    fireEvent.click(screen.getByText('买厂房'))
    type('怎么称呼您', '李女士')
    type('最小', '3000')
    act(() => void jest.advanceTimersByTime(200))
    expect(storage.has(DRAFT_KEY)).toBe(false)
    act(() => void jest.advanceTimersByTime(150))
    const saved = JSON.parse(String(storage.get(DRAFT_KEY)))
    expect(saved.values).toMatchObject({ needType: 'buy-factory', contactName: '李女士', areaMin: '3000' })
    expect(saved.values).not.toHaveProperty('consent')
    expect(saved.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{24,}$/)
    first.unmount()

    render(<InquiryFormPage />)
    expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy()
    expect(input('怎么称呼您').value).toBe('李女士')
    expect(input('最小').value).toBe('3000')
    expect(screen.getByText('买厂房').className).toContain('chip--active')
    // Consent is asked for again.
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false)

    fireEvent.click(screen.getByText('清空'))
    expect(screen.queryByText('已恢复上次未提交的内容')).toBeNull()
    expect(input('怎么称呼您').value).toBe('')
    expect(storage.has(DRAFT_KEY)).toBe(false)
  })

  it('keeps its idempotency key: submitting a restored draft uses the same key', async () => {
    jest.useFakeTimers()
    const first = render(<InquiryFormPage />)
    type('怎么称呼您', '李女士')
    act(() => void jest.advanceTimersByTime(300))
    const key = JSON.parse(String(storage.get(DRAFT_KEY))).idempotencyKey
    first.unmount()
    jest.useRealTimers()

    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() => expect(submitted()).toHaveLength(1))
    expect(submitted()[0].payload.idempotencyKey).toBe(key)
  })

  it('leaving within the 300 ms still keeps what was typed', () => {
    jest.useFakeTimers()
    const view = render(<InquiryFormPage />)
    type('怎么称呼您', '赵总')
    view.unmount()
    expect(JSON.parse(String(storage.get(DRAFT_KEY))).values.contactName).toBe('赵总')
  })

  it('a prefilled chip alone is not a draft', () => {
    jest.useFakeTimers()
    router.params = { parkId: 'p012', parkName: 'x', type: 'office' }
    const view = render(<InquiryFormPage />)
    act(() => void jest.advanceTimersByTime(1000))
    view.unmount()
    expect(storage.has(DRAFT_KEY)).toBe(false)
  })
})

describe('after submit', () => {
  it('success: the success page (with the need, for its recommendations), and the draft is gone', async () => {
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({
        url: '/packages/inquiry/success/index?status=new&need=rent-factory',
      }),
    )
    await new Promise((r) => setTimeout(r, 350))
    expect(storage.has(DRAFT_KEY)).toBe(false)
  })

  it('held for review: the success page says so', async () => {
    serve({ 'inquiries.submit': () => ok('review') })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({
        url: '/packages/inquiry/success/index?status=review&need=rent-factory',
      }),
    )
  })

  it('no network: the payload waits in the outbox under the same key; the saved state shows in place', async () => {
    serve({
      'inquiries.submit': () => {
        throw new Error('request:fail')
      },
    })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    // No page change: on H5 the next page's chunk could not load without a network.
    expect(await screen.findByText('已保存，联网后自动发送')).toBeTruthy()
    expect(screen.queryByText('提交咨询')).toBeNull()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    const sent = submitted()[0].payload
    const outbox = readOutbox()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ key: sent.idempotencyKey, state: 'queued' })
    expect(outbox[0].payload).toEqual(sent)
    expect(JSON.parse(String(storage.get(OUTBOX_KEY)))[0].payload.idempotencyKey).toBe(sent.idempotencyKey)
    expect(storage.has(DRAFT_KEY)).toBe(false)

    // The network is back: the outbox sends it with the same key and the screen says 已发送.
    serve({ 'inquiries.submit': () => ok() })
    await act(async () => void (await flushOutbox()))
    expect(await screen.findByText('已发送')).toBeTruthy()
    expect(submitted().map((d: { payload: { idempotencyKey: string } }) => d.payload.idempotencyKey)).toEqual(
      [sent.idempotencyKey, sent.idempotencyKey],
    )
    expect(readOutbox()).toEqual([])
  })

  it('no network, then refused by the server once back: 未能发送 in place', async () => {
    serve({
      'inquiries.submit': () => {
        throw new Error('request:fail')
      },
    })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    expect(await screen.findByText('已保存，联网后自动发送')).toBeTruthy()
    serve({
      'inquiries.submit': () => ({ ok: false, error: { code: 'VALIDATION', message: '内容未通过检查' } }),
    })
    await act(async () => void (await flushOutbox()))
    expect(await screen.findByText('未能发送')).toBeTruthy()
  })

  it('sent, but the success page cannot open: the same message shows in place', async () => {
    ;(Taro.redirectTo as jest.Mock).mockRejectedValueOnce(new Error('chunk load failed'))
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    expect(await screen.findByText('提交成功')).toBeTruthy()
    expect(screen.queryByText('提交咨询')).toBeNull()
  })

  it('VALIDATION from the server: its messages appear at the fields; others above the button', async () => {
    serve({
      'inquiries.submit': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '请检查填写的内容',
          fields: { phone: '该手机号无法接收短信，请换一个', 'context.parkId': '园区编号格式不正确' },
        },
      }),
    })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() =>
      expect(document.querySelector('#inquiry-field-phone [role=alert]')?.textContent).toBe(
        '该手机号无法接收短信，请换一个',
      ),
    )
    expect(screen.getByText('园区编号格式不正确')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    // The form can be sent again (same key: nothing was stored).
    expect(screen.getByText('提交咨询').closest('button')?.disabled).toBe(false)
  })

  it('RATE_LIMITED: the message in a modal that offers the hotline', async () => {
    serve({
      'inquiries.submit': () => ({
        ok: false,
        error: { code: 'RATE_LIMITED', message: '提交太频繁了，请稍后再试，或直接拨打招商热线' },
      }),
    })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: '提交太频繁了，请稍后再试，或直接拨打招商热线',
        confirmText: '拨打热线',
        showCancel: true,
      }),
    )
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' }))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('another failure: a modal; the form stays as typed and can be sent again', async () => {
    serve({
      'inquiries.submit': () => ({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } }),
    })
    render(<InquiryFormPage />)
    fillRequired()
    submit()
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交未成功' })),
    )
    expect(input('怎么称呼您').value).toBe('王先生')
    serve({ 'inquiries.submit': () => ok() })
    submit()
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const keys = submitted().map((d: any) => d.payload.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })
})

describe('idempotency keys', () => {
  it('24 url-safe chars from crypto.getRandomValues; 32 from Math.random without it; all differ', () => {
    const strong = newIdempotencyKey()
    expect(strong).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const getRandomValues = jest.fn((a: Uint8Array) => a.fill(255))
    expect(newIdempotencyKey({ getRandomValues })).toBe('_'.repeat(24))
    expect(getRandomValues).toHaveBeenCalled()
    const weak = newIdempotencyKey({})
    expect(weak).toMatch(/^[A-Za-z0-9_-]{32}$/)
    const many = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()))
    expect(many.size).toBe(200)
  })
})
