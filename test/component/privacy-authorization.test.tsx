/**
 * PrivacyAuthorization (weapp): WeChat's onNeedPrivacyAuthorization opens the sheet; 同意 (the
 * agreePrivacyAuthorization button's own event) resolves { buttonId, event: 'agree' }, 拒绝
 * resolves { event: 'disagree' }. Registered once for the app; nothing at all on H5.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PrivacyAuthorization, resetPrivacyAuthorizationForTests } from '@/components/PrivacyAuthorization'
import InquiryFormPage from '@/packages/inquiry/form/index'
import { resetOutboxForTests } from '@/features/inquiry/outbox'
import { resetTaroDouble } from '../doubles/taro'
import { makeHome } from './home-fixtures'

// The weapp runtime fires `agreeprivacyauthorization` on a tap of an open-type button: the DOM
// stand-in only forwards onClick, so this file's Button does that mapping.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('../doubles/components')
  return {
    ...actual,
    Button: (p: any) =>
      actual.Button({
        ...p,
        onClick:
          p.openType === 'agreePrivacyAuthorization'
            ? () => p.onAgreePrivacyAuthorization?.({ type: 'agreeprivacyauthorization', detail: {} })
            : p.onClick,
      }),
  }
})

type Resolve = jest.Mock
type Listener = (resolve: Resolve, info: { referrer: string }) => void

const privacyApis = {
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: jest.fn(),
  getPrivacySetting: jest.fn((opts: { success: (r: unknown) => void }) =>
    opts.success({ needAuthorization: true, privacyContractName: '《园区招商小程序隐私保护指引》' }),
  ),
}
Object.assign(Taro, privacyApis)

const originalEnv = process.env.TARO_ENV

/** What WeChat does when a privacy interface is called: the app's listener gets a resolve. */
function needAuthorization(referrer = 'setClipboardData'): Resolve {
  const calls = privacyApis.onNeedPrivacyAuthorization.mock.calls
  expect(calls.length).toBeGreaterThan(0)
  const listener = calls[calls.length - 1][0] as Listener
  const resolve = jest.fn()
  act(() => listener(resolve, { referrer }))
  return resolve
}

beforeEach(() => {
  resetTaroDouble()
  resetPrivacyAuthorizationForTests()
  process.env.TARO_ENV = 'weapp'
})

afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

describe('PrivacyAuthorization (weapp)', () => {
  it('hidden until WeChat asks; registers the listener once for the app', () => {
    const a = render(<PrivacyAuthorization />)
    render(<PrivacyAuthorization />)
    expect(privacyApis.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    a.unmount()
    render(<PrivacyAuthorization />)
    expect(privacyApis.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
  })

  it('同意: resolves agree with the button id, after the exposure report, and closes', () => {
    render(<PrivacyAuthorization />)
    const resolve = needAuthorization()
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
    expect(document.body.textContent).toContain('剪贴板')
    expect(document.body.textContent).toContain('通讯录')
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    const agree = screen.getByText('同意').closest('button') as HTMLButtonElement
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    expect(agree.id).toMatch(/^privacy-agree-\d+$/)
    fireEvent.click(agree)
    expect(resolve).toHaveBeenLastCalledWith({ buttonId: agree.id, event: 'agree' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('拒绝: resolves disagree and closes', () => {
    render(<PrivacyAuthorization />)
    const resolve = needAuthorization()
    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('two held calls are answered together', () => {
    render(<PrivacyAuthorization />)
    const first = needAuthorization('setClipboardData')
    const second = needAuthorization('addPhoneContact')
    fireEvent.click(screen.getByText('同意'))
    expect(first).toHaveBeenLastCalledWith(expect.objectContaining({ event: 'agree' }))
    expect(second).toHaveBeenLastCalledWith(expect.objectContaining({ event: 'agree' }))
  })

  it("the contract link opens WeChat's privacy contract, named as configured", () => {
    render(<PrivacyAuthorization />)
    needAuthorization()
    fireEvent.click(screen.getByText('《园区招商小程序隐私保护指引》'))
    expect(privacyApis.openPrivacyContract).toHaveBeenCalled()
  })

  it('the page closing with the question open answers disagree (the held call must not hang)', () => {
    const view = render(<PrivacyAuthorization />)
    const resolve = needAuthorization()
    view.unmount()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('no sheet mounted any more: the call is declined at once', () => {
    render(<PrivacyAuthorization />).unmount()
    const resolve = needAuthorization()
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('the sheet of the page on top answers', () => {
    const pageA = { route: 'a' }
    const pageB = { route: 'b' }
    const current = Taro.getCurrentInstance as unknown as jest.Mock
    const pages = Taro.getCurrentPages as unknown as jest.Mock
    current.mockReturnValueOnce({ page: pageB })
    render(
      <div data-testid='b'>
        <PrivacyAuthorization />
      </div>,
    )
    current.mockReturnValueOnce({ page: pageA })
    render(
      <div data-testid='a'>
        <PrivacyAuthorization />
      </div>,
    )
    pages.mockReturnValue([pageA, pageB])
    needAuthorization()
    expect(screen.getByTestId('b').querySelector('[role=dialog]')).not.toBeNull()
    expect(screen.getByTestId('a').querySelector('[role=dialog]')).toBeNull()
    pages.mockReturnValue([])
  })

  it('the inquiry form page mounts it', async () => {
    ;(Taro.cloud.callFunction as jest.Mock).mockResolvedValue({ result: { ok: true, data: makeHome() } })
    resetOutboxForTests()
    render(<InquiryFormPage />)
    // weapp transport: the agency's hotline comes from the cloud function.
    expect(await screen.findByText(/不方便填写/)).toBeTruthy()
    expect(privacyApis.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    needAuthorization()
    expect(screen.getByRole('dialog')).toBeTruthy()
  })
})

describe('PrivacyAuthorization (H5 and others)', () => {
  it('renders nothing and registers nothing', () => {
    process.env.TARO_ENV = 'h5'
    const { container } = render(<PrivacyAuthorization />)
    expect(container.innerHTML).toBe('')
    expect(privacyApis.onNeedPrivacyAuthorization).not.toHaveBeenCalled()
  })

  it('an old base library without the API: renders, registers nothing, does not throw', () => {
    const saved = (Taro as any).onNeedPrivacyAuthorization
    ;(Taro as any).onNeedPrivacyAuthorization = undefined
    try {
      expect(() => render(<PrivacyAuthorization />)).not.toThrow()
    } finally {
      ;(Taro as any).onNeedPrivacyAuthorization = saved
    }
  })
})
