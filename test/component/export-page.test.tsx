/**
 * 导出线索 (packages/staff/export): the default range, 导出 Excel with its loading state, the
 * result (row count, the H5 download), the empty range, errors with 重试, the owner-only refusal,
 * and a range refused before any call.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ExportPage from '@/packages/staff/export/index'
import { ExportPanel } from '@/features/export/components/ExportPanel'
import { resetTaroDouble } from '../doubles/taro'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock

const answer = (rows: number) => ({
  ok: true,
  data: {
    rows,
    fileName: '线索导出_2026-11-02_2026-12-01.xlsx',
    url: '/exports/' + 'a'.repeat(64),
    expiresAt: '2026-12-01T04:05:00.000Z',
  },
})

let clicked: HTMLAnchorElement[] = []
beforeEach(() => {
  resetTaroDouble()
  request.mockReset()
  clicked = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this)
  })
})
afterEach(() => jest.restoreAllMocks())

/** Picks a date on the index-th date Picker, as the runtime reports it. */
function pick(container: HTMLElement, index: number, value: string) {
  fireEvent.change(container.querySelectorAll('[data-picker-input]')[index], { target: { value } })
}

// 2026-12-01T04:00Z is 12:00 in Beijing: the default range is 2026-11-02 .. 2026-12-01.
const NOW = () => new Date('2026-12-01T04:00:00.000Z')

describe('export page', () => {
  it('renders through the page boundary with the last 30 days and one button', () => {
    render(<ExportPage />)
    expect(screen.getByText('开始日期')).toBeTruthy()
    expect(screen.getByText('导出 Excel')).toBeTruthy()
    expect(document.body.textContent).toContain('完整手机号')
  })

  it('exports the default range, shows the loading state, then the count, and downloads on H5', async () => {
    let release!: (v: unknown) => void
    request.mockImplementation(() => new Promise((resolve) => (release = resolve)))
    render(<ExportPanel now={NOW} />)
    expect(screen.getByText('2026-11-02')).toBeTruthy()
    expect(screen.getByText('2026-12-01')).toBeTruthy()
    fireEvent.click(screen.getByText('导出 Excel'))
    expect(await screen.findByText('正在导出…')).toBeTruthy()
    // A second tap while one runs sends nothing more.
    fireEvent.click(screen.getByText('正在导出…'))
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'export.leads',
      payload: { from: '2026-11-02', to: '2026-12-01' },
    })
    await act(async () => release(httpAnswer(answer(1234))))
    expect(await screen.findByText('已导出 1234 条线索')).toBeTruthy()
    expect(screen.getByText('线索导出_2026-11-02_2026-12-01.xlsx')).toBeTruthy()
    expect(screen.getByText(/已开始下载/)).toBeTruthy()
    expect(clicked).toHaveLength(1)
    expect(clicked[0].getAttribute('href')).toBe('/exports/' + 'a'.repeat(64))
    expect(clicked[0].download).toBe('线索导出_2026-11-02_2026-12-01.xlsx')
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('sends the picked dates', async () => {
    request.mockResolvedValue(httpAnswer(answer(3)))
    const { container } = render(<ExportPanel now={NOW} />)
    pick(container, 0, '2026-10-01')
    fireEvent.click(screen.getByText('导出 Excel'))
    await screen.findByText('已导出 3 条线索')
    expect(request.mock.calls[0][0].data.payload).toEqual({ from: '2026-10-01', to: '2026-12-01' })
  })

  it('says so when the range has no leads, and downloads nothing', async () => {
    request.mockResolvedValue(httpAnswer(answer(0)))
    render(<ExportPanel now={NOW} />)
    fireEvent.click(screen.getByText('导出 Excel'))
    expect(await screen.findByText('这段时间没有线索')).toBeTruthy()
    expect(clicked).toHaveLength(0)
  })

  it('a failure shows the reason and 重试, which exports again', async () => {
    request.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(httpAnswer(answer(7)))
    render(<ExportPanel now={NOW} />)
    fireEvent.click(screen.getByText('导出 Excel'))
    expect(await screen.findByText('导出失败')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('网络不给力')
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('已导出 7 条线索')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('an agent is told only owners export, with no retry', async () => {
    request.mockResolvedValue(
      httpAnswer({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }, 403),
    )
    render(<ExportPanel now={NOW} />)
    fireEvent.click(screen.getByText('导出 Excel'))
    expect(await screen.findByText('只有负责人可以导出线索，如需导出请联系负责人')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('refuses a reversed range without calling the server', async () => {
    const { container } = render(<ExportPanel now={NOW} />)
    pick(container, 1, '2026-10-01')
    fireEvent.click(screen.getByText('导出 Excel'))
    await waitFor(() => expect(screen.getByText('结束日期不能早于开始日期')).toBeTruthy())
    expect(request).not.toHaveBeenCalled()
  })
})
