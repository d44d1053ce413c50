/**
 * The desk's 新线索提醒 card (features/alerts): alerts left per channel, and 补充提醒, which must
 * open WeChat's subscribe prompt synchronously inside the tap (a call after an await is refused)
 * and then report what the member granted.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AlertsStatus } from '@/domain/alerts'
import { AlertsCard } from '@/features/alerts/components/AlertsCard'
import { resetTaroDouble } from '../doubles/taro'

const request = Taro.request as unknown as jest.Mock
const settle = () => act(async () => undefined)

const status = (left: number, patch: Partial<AlertsStatus> = {}): AlertsStatus => ({
  robot: { configured: true },
  subscribe: { configured: true, templateId: 'tmpl-lead', left },
  ...patch,
})

/** The local server's answers, per action. */
function serve(answers: Record<string, (payload: any) => unknown>) {
  request.mockImplementation(async ({ data }: { data: { action: string; payload: unknown } }) => {
    const answer = answers[data.action]
    return {
      statusCode: 200,
      data: answer ? answer(data.payload) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '未知' } },
    }
  })
}

let requestSubscribeMessage: jest.Mock
beforeEach(() => {
  resetTaroDouble()
  requestSubscribeMessage = jest.fn(async () => ({
    errMsg: 'requestSubscribeMessage:ok',
    'tmpl-lead': 'accept',
  }))
  Object.assign(Taro, { requestSubscribeMessage })
})

it('shows the alerts left and the robot channel', async () => {
  serve({ 'alerts.status': () => ({ ok: true, data: status(3) }) })
  render(<AlertsCard />)
  expect(screen.getByText('加载中…')).toBeTruthy()
  await settle()
  expect(screen.getByText('企业微信群：已开启')).toBeTruthy()
  expect(screen.getByText('3')).toBeTruthy()
  expect(screen.getByText(/微信提醒剩余/).textContent).toBe('微信提醒剩余 3 次')
  expect(screen.getByText('每次补充可接收 1 条新线索提醒，用完请再补充')).toBeTruthy()
})

it('补充提醒 opens the prompt synchronously in the tap, then reports the grant and shows the new count', async () => {
  const reported: unknown[] = []
  serve({
    'alerts.status': () => ({ ok: true, data: status(0) }),
    'alerts.subscribed': (payload) => (reported.push(payload), { ok: true, data: status(1) }),
  })
  render(<AlertsCard />)
  await settle()
  expect(screen.getByRole('alert').textContent).toBe('提醒已用完，新线索不会再通过微信通知你，请补充')
  fireEvent.click(screen.getByText('补充提醒'))
  // Within the tap itself: nothing awaited before the prompt.
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-lead'] })
  await settle()
  await settle()
  expect(reported).toEqual([{ accepted: 1 }])
  expect(screen.getByText(/微信提醒剩余/).textContent).toBe('微信提醒剩余 1 次')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已补充，剩余 1 次' }))
})

it('a refusal reports nothing and says how to allow it again; the main switch off says so too', async () => {
  serve({
    'alerts.status': () => ({ ok: true, data: status(2) }),
    'alerts.subscribed': () => ({ ok: true, data: status(9) }),
  })
  requestSubscribeMessage.mockResolvedValueOnce({
    errMsg: 'requestSubscribeMessage:ok',
    'tmpl-lead': 'reject',
  })
  render(<AlertsCard />)
  await settle()
  fireEvent.click(screen.getByText('补充提醒'))
  await settle()
  expect(request.mock.calls.map(([o]) => o.data.action)).toEqual(['alerts.status'])
  expect(Taro.showToast).toHaveBeenLastCalledWith(
    expect.objectContaining({ title: '未开启提醒：可在右上角「…」→「设置」→「订阅消息」中重新允许' }),
  )
  requestSubscribeMessage.mockRejectedValueOnce({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
  fireEvent.click(screen.getByText('补充提醒'))
  await settle()
  expect(Taro.showToast).toHaveBeenLastCalledWith(
    expect.objectContaining({ title: '订阅消息总开关已关闭，请在小程序设置中开启' }),
  )
  expect(screen.getByText(/微信提醒剩余/).textContent).toBe('微信提醒剩余 2 次')
})

it('without a template (the local runtime) offers no top-up', async () => {
  serve({
    'alerts.status': () => ({
      ok: true,
      data: status(0, { robot: { configured: false }, subscribe: { configured: false, left: 0 } }),
    }),
  })
  render(<AlertsCard />)
  await settle()
  expect(screen.getByText('企业微信群：未配置')).toBeTruthy()
  expect(screen.getByText('微信订阅提醒未开启（仅在小程序中可用，需配置消息模板）')).toBeTruthy()
  expect(screen.queryByText('补充提醒')).toBeNull()
})

it('a failed load shows the reason and retries', async () => {
  let calls = 0
  serve({
    'alerts.status': () =>
      ++calls === 1
        ? { ok: false, error: { code: 'FORBIDDEN', message: '仅限工作人员使用' } }
        : { ok: true, data: status(4) },
  })
  render(<AlertsCard />)
  await settle()
  expect(screen.getByText('提醒状态加载失败')).toBeTruthy()
  expect(screen.getByText('仅限工作人员使用')).toBeTruthy()
  fireEvent.click(screen.getByText('重新加载'))
  await settle()
  expect(screen.getByText(/微信提醒剩余/).textContent).toBe('微信提醒剩余 4 次')
})
