/**
 * The staff side of the app (issue 8 items 1 and 4): 员工认领, 团队管理, the desk home, and the
 * 员工工作台 entry on 我的 that only staff see. Every call goes through the H5 transport
 * (Taro.request), answered per action here.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffMember } from '@/domain/staff'
import { fireDidShow, resetTaroDouble, router, shareAppMessage } from '../doubles/taro'
import MinePage from '@/pages/mine/index'
import ClaimPage from '@/packages/staff/claim/index'
import DeskPage from '@/packages/staff/desk/index'
import TeamPage from '@/packages/staff/team/index'
import { setStaffMe } from '@/features/staff/me'
import { HOME_CACHE_KEY } from '@/features/home/cache'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'

const request = Taro.request as unknown as jest.Mock

const owner: StaffMember = {
  id: 's_00000000000000a1',
  openid: 'h5:owner',
  name: '张负责',
  mobile: '13524678515',
  role: 'owner',
  active: true,
  createdAt: '2026-11-30T02:00:00.000Z',
}
const agent: StaffMember = {
  ...owner,
  id: 's_00000000000000b2',
  openid: 'h5:agent',
  name: '李顾问',
  mobile: '13800001111',
  role: 'agent',
}

type Handler = (payload: any) => unknown
/** Answers each api action with `handlers[action](payload)` (an ApiResult), recording the calls. */
function serve(handlers: Record<string, Handler>) {
  const calls: Array<{ action: string; payload: any }> = []
  request.mockImplementation(async ({ data }: { data: { action: string; payload: any } }) => {
    calls.push(data)
    const h = handlers[data.action]
    return httpAnswer(
      h ? h(data.payload) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } },
    )
  })
  return calls
}
const ok = (data: unknown) => ({ ok: true, data })

beforeEach(() => {
  resetTaroDouble()
  setStaffMe(null)
  // 我的's contact card reads the cached home answer: no home.get call in these tests.
  require('../doubles/taro').storage.set(
    HOME_CACHE_KEY,
    JSON.stringify({ data: makeHome(), savedAt: '2026-11-26T00:00:00.000Z' }),
  )
})

describe('我的 → 员工工作台', () => {
  it('is absent for a visitor (staff.me answers null)', async () => {
    const calls = serve({ 'staff.me': () => ok({ member: null, unreadLeads: 0 }) })
    render(<MinePage />)
    await waitFor(() => expect(calls.map((c) => c.action)).toContain('staff.me'))
    await act(async () => {})
    expect(screen.queryByText('员工工作台')).toBeNull()
    expect(screen.getByText('我的咨询')).toBeTruthy()
  })

  it('is absent when staff.me fails (network), and never shows an error to a visitor', async () => {
    request.mockRejectedValue(new Error('offline'))
    render(<MinePage />)
    await act(async () => {})
    expect(screen.queryByText('员工工作台')).toBeNull()
  })

  it('shows for staff with the count of new leads, and opens the desk', async () => {
    serve({ 'staff.me': () => ok({ member: agent, unreadLeads: 3 }) })
    render(<MinePage />)
    const entry = await screen.findByText('员工工作台')
    expect(screen.getByText('3')).toBeTruthy()
    expect(screen.getByRole('button', { name: '员工工作台，3 条新线索' })).toBeTruthy()
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/desk/index' })
  })

  it('asks the server once per 30 s however often 我的 is shown', async () => {
    const calls = serve({ 'staff.me': () => ok({ member: agent, unreadLeads: 1 }) })
    render(<MinePage />)
    await screen.findByText('员工工作台')
    await act(async () => {
      fireDidShow()
      fireDidShow()
    })
    expect(calls.filter((c) => c.action === 'staff.me')).toHaveLength(1)
  })
})

describe('员工认领', () => {
  it('prefills the code from the link, checks the fields in Chinese before sending', async () => {
    router.params = { code: 'ABCD%2DEFGH23' }
    const calls = serve({})
    render(<ClaimPage />)
    expect((screen.getByPlaceholderText('请输入邀请码') as HTMLInputElement).value).toBe('ABCD-EFGH23')
    fireEvent.change(screen.getByPlaceholderText('请输入 11 位手机号'), { target: { value: '12345' } })
    fireEvent.click(screen.getByText('认领'))
    expect(await screen.findByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写正确的 11 位手机号')).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('sends name, mobile and code; on success goes to the desk', async () => {
    router.params = { code: 'ABCDEFGH23' }
    const calls = serve({ 'staff.claim': () => ok({ member: agent }) })
    render(<ClaimPage />)
    fireEvent.change(screen.getByPlaceholderText('请输入您的姓名'), { target: { value: '李顾问' } })
    fireEvent.change(screen.getByPlaceholderText('请输入 11 位手机号'), { target: { value: '13800001111' } })
    fireEvent.click(screen.getByText('认领'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/desk/index' }))
    expect(calls).toEqual([
      { action: 'staff.claim', payload: { name: '李顾问', mobile: '13800001111', code: 'ABCDEFGH23' } },
    ])
  })

  it('shows the server’s answer: a bad code under the field, a rate limit above the button', async () => {
    let answer: unknown = {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '请求参数有误',
        fields: { code: '邀请码无效、已使用或已过期，请向负责人索取新的邀请码' },
      },
    }
    serve({ 'staff.claim': () => answer })
    render(<ClaimPage />)
    fireEvent.change(screen.getByPlaceholderText('请输入您的姓名'), { target: { value: '李顾问' } })
    fireEvent.change(screen.getByPlaceholderText('请输入 11 位手机号'), { target: { value: '13800001111' } })
    fireEvent.change(screen.getByPlaceholderText('请输入邀请码'), { target: { value: 'WRONG' } })
    fireEvent.click(screen.getByText('认领'))
    expect(await screen.findByText('邀请码无效、已使用或已过期，请向负责人索取新的邀请码')).toBeTruthy()
    answer = { ok: false, error: { code: 'RATE_LIMITED', message: '尝试次数过多，请一小时后再试' } }
    fireEvent.click(screen.getByText('认领'))
    expect(await screen.findByText('尝试次数过多，请一小时后再试')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('员工工作台 (desk home)', () => {
  it('an owner sees who they are, the inbox with its badge, export and the team', async () => {
    serve({ 'staff.me': () => ok({ member: owner, unreadLeads: 4 }) })
    render(<DeskPage />)
    expect(await screen.findByText('张负责')).toBeTruthy()
    expect(screen.getByText('负责人')).toBeTruthy()
    expect(screen.getByText('135****8515')).toBeTruthy()
    expect(screen.getByText('有 4 条新线索等待跟进')).toBeTruthy()
    fireEvent.click(screen.getByText('线索收件箱'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/inbox/index' })
    fireEvent.click(screen.getByText('团队管理'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/team/index' })
    fireEvent.click(screen.getByText('数据看板'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/charts/index' })
  })

  it('an agent has no team or export link (owner-only actions); a page missing from the build is a toast, not a crash', async () => {
    serve({ 'staff.me': () => ok({ member: agent, unreadLeads: 0 }) })
    ;(Taro.navigateTo as jest.Mock).mockRejectedValueOnce({ errMsg: 'navigateTo:fail page not found' })
    render(<DeskPage />)
    await screen.findByText('李顾问')
    expect(screen.queryByText('团队管理')).toBeNull()
    expect(screen.queryByText('导出线索')).toBeNull()
    // The charts are for every member of staff (stats.charts is 'staff', not 'owner').
    expect(screen.getByText('数据看板')).toBeTruthy()
    // The lead alerts card sits on the desk home.
    expect(screen.getByText('新线索提醒')).toBeTruthy()
    fireEvent.click(screen.getByText('线索收件箱'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '该功能暂未开放', icon: 'none' }),
    )
    expect(screen.getByText('李顾问')).toBeTruthy()
  })

  it('desk and team show the shared loading card (components/LoadingState) until the answer comes', async () => {
    // Held answers, released at the end so no request stays in flight into the next test.
    const held: Array<() => void> = []
    request.mockImplementation(
      () =>
        new Promise((resolve) => held.push(() => resolve(httpAnswer(ok({ member: null, unreadLeads: 0 }))))),
    )
    for (const Page of [DeskPage, TeamPage]) {
      const { container, unmount } = render(<Page />)
      const card = screen.getByRole('status')
      expect(card.className).toBe('ui-panel')
      expect(card.textContent).toBe('正在加载…')
      expect(container.querySelector('.ui-page .ui-panel__status')).toBeTruthy()
      unmount()
    }
    await act(async () => held.forEach((release) => release()))
  })

  it('a visitor is told the page is for staff and offered the claim page', async () => {
    serve({ 'staff.me': () => ok({ member: null, unreadLeads: 0 }) })
    render(<DeskPage />)
    fireEvent.click(await screen.findByText('认领员工身份'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/claim/index' })
  })

  it('a failed load offers a retry', async () => {
    let fail = true
    serve({
      'staff.me': () =>
        fail
          ? { ok: false, error: { code: 'INTERNAL', message: '服务器开小差了' } }
          : ok({ member: owner, unreadLeads: 0 }),
    })
    render(<DeskPage />)
    fail = true
    const retry = await screen.findByText('重新加载')
    fail = false
    fireEvent.click(retry)
    expect(await screen.findByText('张负责')).toBeTruthy()
  })
})

describe('团队管理', () => {
  it('lists members, creates an invite for the chosen role and shares the claim page with the code', async () => {
    const calls = serve({
      'staff.me': () => ok({ member: owner, unreadLeads: 0 }),
      'staff.list': () => ok({ items: [owner, agent] }),
      'staff.invite': (p) => ok({ code: 'K7M2P9QR3T', role: p.role, expiresAt: '2026-12-02T02:00:00.000Z' }),
    })
    render(<TeamPage />)
    expect(await screen.findByText('团队成员（2）')).toBeTruthy()
    expect(screen.getByText('13800001111')).toBeTruthy()
    // No 停用 on the owner's own row.
    await waitFor(() => expect(screen.getAllByText('停用')).toHaveLength(1))
    fireEvent.click(screen.getByText('负责人', { selector: '.desk__chip' }))
    fireEvent.click(screen.getByText('生成邀请码'))
    await waitFor(() => expect(calls.map((c) => c.action)).toContain('staff.invite'))
    expect(await screen.findByText('K7M2P9QR3T')).toBeTruthy()
    expect(calls.find((c) => c.action === 'staff.invite')?.payload).toEqual({ role: 'owner' })
    expect(shareAppMessage('button')).toEqual({
      title: '邀请您加入招商团队（负责人）',
      path: '/packages/staff/claim/index?code=K7M2P9QR3T',
    })
  })

  it('deactivates only after a confirmation, then reloads the list', async () => {
    let members = [owner, agent]
    const calls = serve({
      'staff.me': () => ok({ member: owner, unreadLeads: 0 }),
      'staff.list': () => ok({ items: members }),
      'staff.deactivate': (p) => {
        members = [owner, { ...agent, active: false }]
        return ok({ member: { ...agent, active: false, id: p.id } })
      },
    })
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<TeamPage />)
    await waitFor(() => expect(screen.getAllByText('停用')).toHaveLength(1))
    fireEvent.click(screen.getByText('停用'))
    await act(async () => {})
    expect(calls.some((c) => c.action === 'staff.deactivate')).toBe(false)
    fireEvent.click(screen.getByText('停用'))
    expect(await screen.findByText('已停用')).toBeTruthy()
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '停用李顾问？' }))
    expect(calls.find((c) => c.action === 'staff.deactivate')?.payload).toEqual({ id: agent.id })
  })

  it('an agent who opens it is told only owners manage the team', async () => {
    serve({
      'staff.me': () => ok({ member: agent, unreadLeads: 0 }),
      'staff.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }),
    })
    render(<TeamPage />)
    expect(await screen.findByText('仅负责人可以管理团队')).toBeTruthy()
  })
})
