/**
 * 渠道与二维码 and 生成小程序码 (packages/staff/channels, packages/staff/code; issue 9 items 1–2,
 * the staff UI): the channel list's loading / empty / error-and-retry / pull-to-refresh states;
 * creating a channel (the domain schema on the device, one request however fast the taps, the
 * server's refusal on the field, the new channel on top); the code page's codes.get payload for
 * the chosen target and channel, the preview, and saving (H5 download; weapp album with the
 * writePhotosAlbum refusal → settings → saved).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ChannelsPage from '@/packages/staff/channels/index'
import CodePage from '@/packages/staff/code/index'
import DeskPage from '@/packages/staff/desk/index'
import type { Channel, MiniCode } from '@/domain/channels'
import { firePullDownRefresh, resetTaroDouble, router } from '../doubles/taro'
import { httpAnswer } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const taro = Taro as unknown as Record<string, jest.Mock> & { cloud: Record<string, jest.Mock> }

type Handler = (payload: any) => unknown
/** Answers Taro.request by action; every call is kept as [action, payload]. */
function serve(handlers: Record<string, Handler>) {
  const calls: Array<[string, any]> = []
  request.mockImplementation(async ({ data }: { data: { action: string; payload: unknown } }) => {
    calls.push([data.action, data.payload])
    const h = handlers[data.action]
    if (!h) throw new Error(`unexpected action ${data.action}`)
    return httpAnswer(await h(data.payload))
  })
  return calls
}

const ch = (i: number, over: Partial<Channel> = {}): Channel => ({
  code: `chan0${i}`.slice(0, 6),
  name: `渠道${i}`,
  createdAt: '2026-11-20T10:00:00+08:00',
  createdByName: '张经理',
  ...over,
})
const expo: Channel = {
  code: 'k3m9qa',
  name: '2026 工博会展位',
  createdAt: '2026-11-20T10:00:00+08:00',
  createdByName: '张经理',
}
const poster: Channel = {
  code: 'pst001',
  name: '松江园区海报',
  createdAt: '2026-11-21T09:00:00+08:00',
  createdByName: '李顾问',
}

const ok = (data: unknown) => ({ ok: true, data })
const failure = (code: string, message: string, fields?: Record<string, string>) => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
})

beforeEach(() => {
  resetTaroDouble()
  request.mockReset()
  delete (process.env as Record<string, string | undefined>).TARO_ENV
})

describe('渠道与二维码: the list', () => {
  it('loads channels.list and shows each channel with its code, maker and a way to its codes', async () => {
    const calls = serve({ 'channels.list': () => ok({ items: [expo, poster] }) })
    render(<ChannelsPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('2026 工博会展位')).toBeTruthy()
    expect(calls).toEqual([['channels.list', {}]])
    expect(screen.getByText('k3m9qa')).toBeTruthy()
    expect(screen.getByText('全部渠道（2）')).toBeTruthy()
    expect(screen.getByText(/李顾问 · /)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '松江园区海报，生成二维码' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/code/index?channel=pst001' })
  })

  it('no channels yet: the empty state under the form', async () => {
    serve({ 'channels.list': () => ok({ items: [] }) })
    render(<ChannelsPage />)
    expect(await screen.findByText('还没有渠道')).toBeTruthy()
    expect(screen.getByText('新建渠道')).toBeTruthy()
  })

  it('a failed load shows the error; 重新加载 asks again', async () => {
    let n = 0
    serve({
      'channels.list': () =>
        ++n === 1 ? failure('INTERNAL', '服务暂时不可用，请稍后再试') : ok({ items: [expo] }),
    })
    render(<ChannelsPage />)
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('2026 工博会展位')).toBeTruthy()
  })

  it('pull-to-refresh keeps the list on screen and brings the new one', async () => {
    let items = [expo]
    serve({ 'channels.list': () => ok({ items }) })
    render(<ChannelsPage />)
    await screen.findByText('2026 工博会展位')
    items = [poster, expo]
    await act(async () => firePullDownRefresh())
    expect(await screen.findByText('松江园区海报')).toBeTruthy()
    expect(screen.getByText('2026 工博会展位')).toBeTruthy()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })
})

describe('渠道与二维码: creating a channel', () => {
  const input = () => screen.getByPlaceholderText('渠道名称，最多 20 个字') as HTMLInputElement
  const button = () => screen.getByRole('button', { name: /创建渠道|正在创建/ })

  it('an empty or too long name is refused on the device, without a request', async () => {
    const calls = serve({ 'channels.list': () => ok({ items: [] }) })
    render(<ChannelsPage />)
    await screen.findByText('还没有渠道')
    fireEvent.change(input(), { target: { value: '  \u200b ' } })
    fireEvent.click(button())
    expect((await screen.findByRole('alert')).textContent).toBe('请填写渠道名称')
    fireEvent.change(input(), { target: { value: '一二三四五六七八九十一二三四五六七八九十一' } })
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(button())
    expect((await screen.findByRole('alert')).textContent).toBe('渠道名称最多 20 个字')
    expect(calls.map((c) => c[0])).toEqual(['channels.list'])
  })

  it('a double tap creates one channel; it shows on top at once, the field clears', async () => {
    let answer: (v: unknown) => void = () => {}
    const calls = serve({
      'channels.list': () => ok({ items: [expo] }),
      'channels.create': () => new Promise((r) => (answer = r)),
    })
    render(<ChannelsPage />)
    await screen.findByText('2026 工博会展位')
    fireEvent.change(input(), { target: { value: ' 公众号菜单 ' } })
    // Two taps in one frame: no render between them, so a guard in state alone would let both through.
    act(() => {
      button().click()
      button().click()
    })
    await waitFor(() => expect(calls.filter((c) => c[0] === 'channels.create')).toHaveLength(1))
    expect(calls.find((c) => c[0] === 'channels.create')?.[1]).toEqual({ name: '公众号菜单' })
    expect(screen.getByText('正在创建…')).toBeTruthy()
    await act(async () => answer(ok({ channel: ch(7, { code: 'gzh001', name: '公众号菜单' }) })))
    const rows = await screen.findAllByText(/公众号菜单|2026 工博会展位/, { selector: '.channels__name' })
    expect(rows.map((r) => r.textContent)).toEqual(['公众号菜单', '2026 工博会展位'])
    expect(input().value).toBe('')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '渠道已创建', icon: 'success' })
    fireEvent.click(button())
    // Nothing typed after the success: refused on the device, no second create.
    await screen.findByRole('alert')
    expect(calls.filter((c) => c[0] === 'channels.create')).toHaveLength(1)
  })

  it("the server's refusal shows on the field, and typing clears it", async () => {
    serve({
      'channels.list': () => ok({ items: [expo] }),
      'channels.create': () => failure('VALIDATION', '请检查填写内容', { name: '已有同名渠道' }),
    })
    render(<ChannelsPage />)
    await screen.findByText('2026 工博会展位')
    fireEvent.change(input(), { target: { value: '2026 工博会展位' } })
    fireEvent.click(button())
    expect((await screen.findByRole('alert')).textContent).toBe('已有同名渠道')
    expect(input().getAttribute('class')).toContain('ui-input--invalid')
    fireEvent.change(input(), { target: { value: '2026 工博会展位 B' } })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('a refusal without fields (no rights) shows its message on the field too', async () => {
    serve({
      'channels.list': () => ok({ items: [] }),
      'channels.create': () => failure('FORBIDDEN', '没有权限'),
    })
    render(<ChannelsPage />)
    await screen.findByText('还没有渠道')
    fireEvent.change(input(), { target: { value: '地推' } })
    fireEvent.click(button())
    expect((await screen.findByRole('alert')).textContent).toBe('没有权限')
  })
})

describe('the desk leads to 渠道与二维码', () => {
  it('员工工作台 has the entry', async () => {
    serve({
      'staff.me': () =>
        ok({
          member: {
            id: 's1',
            openid: 'o',
            name: '张经理',
            mobile: '13900001111',
            role: 'agent',
            active: true,
            createdAt: '',
          },
          unreadLeads: 0,
        }),
      'alerts.status': () => ok({ channels: [] }),
    })
    render(<DeskPage />)
    fireEvent.click(await screen.findByRole('button', { name: '渠道与二维码' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/channels/index' })
  })
})

describe('生成小程序码', () => {
  const parkPage = (items: Array<{ id: string; name: string }>, nextCursor: string | null = null) =>
    ok({
      items: items.map((p) => ({ ...p, district: 'songjiang', type: 'factory', deal: 'rent' })),
      nextCursor,
    })
  const code = (over: Partial<MiniCode> = {}): MiniCode => ({
    scene: 'p=p012&s=k3m9qa',
    page: 'pages/index/index',
    imageUrl: '/media/codes/abc.png',
    h5Url: 'http://192.168.1.5:8787/#/pages/index/index?scene=p%3Dp012%26s%3Dk3m9qa',
    width: 430,
    created: true,
    ...over,
  })

  it('home by default and no channel: codes.get { target: home }, no 海报 for the home page', async () => {
    const calls = serve({
      'channels.list': () => ok({ items: [expo] }),
      'codes.get': () => ok(code({ scene: '', h5Url: undefined })),
    })
    render(<CodePage />)
    expect(await screen.findByText('已选：小程序首页')).toBeTruthy()
    fireEvent.click(screen.getByText('生成小程序码'))
    expect(await screen.findByRole('img', { name: '小程序码' })).toBeTruthy()
    expect(calls.filter((c) => c[0] === 'codes.get')).toEqual([['codes.get', { target: { page: 'home' } }]])
    expect(screen.getByText('（无，打开首页）')).toBeTruthy()
    expect(screen.queryByText('制作海报')).toBeNull()
  })

  it('a park found by keyword and the channel from the link: the payload, the preview, the H5 download', async () => {
    router.params = { channel: 'k3m9qa' }
    const calls = serve({
      'channels.list': () => ok({ items: [poster, expo] }),
      'parks.list': (p) =>
        p.keyword === '松江'
          ? parkPage([{ id: 'p012', name: '松江G60智造园' }])
          : parkPage([{ id: 'p001', name: '嘉定汽车城厂房' }], 'c1'),
      'codes.get': () => ok(code()),
    })
    render(<CodePage />)
    // The channel of the link is chosen, named once the list is in.
    expect(await screen.findByText('2026 工博会展位（k3m9qa）')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '园区' }))
    expect(await screen.findByText('嘉定汽车城厂房')).toBeTruthy()
    expect(screen.getByText('请在下方选择园区')).toBeTruthy()
    // No target yet: the button does nothing.
    fireEvent.click(screen.getByText('生成小程序码'))
    expect(calls.filter((c) => c[0] === 'codes.get')).toHaveLength(0)
    expect(screen.getByText('加载更多')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('搜索园区名称、区域'), { target: { value: '松江' } })
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('松江G60智造园'))
    expect(calls.filter((c) => c[0] === 'parks.list').map((c) => c[1])).toEqual([
      { cursor: null, limit: 30 },
      { keyword: '松江', cursor: null, limit: 30 },
    ])
    expect(screen.getByText('已选：松江G60智造园')).toBeTruthy()

    fireEvent.click(screen.getByText('生成小程序码'))
    const img = await screen.findByRole('img', { name: '小程序码' })
    expect(calls.filter((c) => c[0] === 'codes.get').map((c) => c[1])).toEqual([
      { target: { page: 'park', id: 'p012' }, channel: 'k3m9qa' },
    ])
    expect(img.getAttribute('src')).toBe('/media/codes/abc.png')
    expect(img.getAttribute('data-show-menu-by-longpress')).toBe('true')
    expect(screen.getByText('p=p012&s=k3m9qa').getAttribute('data-user-select')).toBe('true')
    expect(screen.getByText(code().h5Url as string)).toBeTruthy()

    // H5: 下载图片 is a download link to the same-origin PNG.
    const clicked: Array<{ href: string; download: string }> = []
    const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download })
    })
    fireEvent.click(screen.getByText('下载图片'))
    await waitFor(() => expect(clicked).toHaveLength(1))
    spy.mockRestore()
    expect(clicked[0]).toEqual({ href: '/media/codes/abc.png', download: '小程序码_p_p012_s_k3m9qa.png' })

    // 制作海报 opens the poster page with the same target and channel.
    fireEvent.click(screen.getByText('制作海报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/staff/poster/index?page=park&id=p012&channel=k3m9qa',
    })
  })

  it('changing the channel drops the code on screen; a server refusal shows on the page', async () => {
    let n = 0
    const calls = serve({
      'channels.list': () => ok({ items: [poster, expo] }),
      'codes.get': () =>
        ++n === 1
          ? ok(code({ scene: 's=pst001' }))
          : failure('VALIDATION', '请检查', { channel: '渠道不存在' }),
    })
    render(<CodePage />)
    const picker = document.querySelector('[data-picker-input]') as HTMLInputElement
    await waitFor(() =>
      expect(JSON.parse(picker.parentElement?.getAttribute('data-range') ?? '[]')).toEqual([
        '不指定渠道',
        '松江园区海报（pst001）',
        '2026 工博会展位（k3m9qa）',
      ]),
    )
    fireEvent.change(picker, { target: { value: '1' } })
    fireEvent.click(screen.getByText('生成小程序码'))
    expect(await screen.findByText('s=pst001')).toBeTruthy()
    expect(calls.filter((c) => c[0] === 'codes.get')[0][1]).toEqual({
      target: { page: 'home' },
      channel: 'pst001',
    })
    fireEvent.change(picker, { target: { value: '2' } })
    expect(screen.queryByText('s=pst001')).toBeNull()
    fireEvent.click(screen.getByText('生成小程序码'))
    expect((await screen.findByRole('alert')).textContent).toBe('渠道不存在')
    expect(calls.filter((c) => c[0] === 'codes.get')[1][1]).toEqual({
      target: { page: 'home' },
      channel: 'k3m9qa',
    })
  })

  it('weapp: 保存到相册 downloads the temp link; a refused album permission leads to settings, then saves', async () => {
    process.env.TARO_ENV = 'weapp'
    const url = 'https://test-env.tcb.qcloud.la/codes/abc.png?sign=x'
    const answers: Record<string, unknown> = {
      'channels.list': ok({ items: [] }),
      'codes.get': ok(code({ imageUrl: url, h5Url: undefined, scene: '' })),
    }
    taro.cloud.callFunction.mockImplementation(async ({ data }: any) => ({ result: answers[data.action] }))
    Object.assign(Taro, {
      downloadFile: jest.fn(async () => ({ statusCode: 200, tempFilePath: 'http://tmp/code.png' })),
      saveImageToPhotosAlbum: jest
        .fn()
        .mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
        .mockResolvedValueOnce({ errMsg: 'saveImageToPhotosAlbum:ok' }),
      openSetting: jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': true } })),
    })
    render(<CodePage />)
    fireEvent.click(await screen.findByText('生成小程序码'))
    expect(await screen.findByText('长按图片可识别或转发')).toBeTruthy()
    fireEvent.click(screen.getByText('保存到相册'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存到相册', icon: 'success' }),
    )
    expect(taro.downloadFile).toHaveBeenCalledWith({ url })
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
    )
    expect(taro.openSetting).toHaveBeenCalledTimes(1)
    expect(taro.saveImageToPhotosAlbum.mock.calls).toEqual([
      [{ filePath: 'http://tmp/code.png' }],
      [{ filePath: 'http://tmp/code.png' }],
    ])
  })

  it('weapp: settings left off → 未获得相册权限, nothing saved', async () => {
    process.env.TARO_ENV = 'weapp'
    const answers: Record<string, unknown> = {
      'channels.list': ok({ items: [] }),
      'codes.get': ok(code({ imageUrl: 'https://x.tcb.qcloud.la/c.png', scene: '' })),
    }
    taro.cloud.callFunction.mockImplementation(async ({ data }: any) => ({ result: answers[data.action] }))
    Object.assign(Taro, {
      downloadFile: jest.fn(async () => ({ statusCode: 200, tempFilePath: 'http://tmp/c.png' })),
      saveImageToPhotosAlbum: jest
        .fn()
        .mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }),
      openSetting: jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': false } })),
    })
    render(<CodePage />)
    fireEvent.click(await screen.findByText('生成小程序码'))
    fireEvent.click(await screen.findByText('保存到相册'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '未获得相册权限，未保存', icon: 'none' }),
    )
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1)
  })

  it('weapp: a privacy-guide refusal is not sent to the settings page (they cannot fix it)', async () => {
    process.env.TARO_ENV = 'weapp'
    const answers: Record<string, unknown> = {
      'channels.list': ok({ items: [] }),
      'codes.get': ok(code({ imageUrl: 'https://x.tcb.qcloud.la/c.png', scene: '' })),
    }
    taro.cloud.callFunction.mockImplementation(async ({ data }: any) => ({ result: answers[data.action] }))
    Object.assign(Taro, {
      downloadFile: jest.fn(async () => ({ statusCode: 200, tempFilePath: 'http://tmp/c.png' })),
      saveImageToPhotosAlbum: jest
        .fn()
        .mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' }),
      openSetting: jest.fn(),
    })
    render(<CodePage />)
    fireEvent.click(await screen.findByText('生成小程序码'))
    fireEvent.click(await screen.findByText('保存到相册'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '保存失败，请重试', icon: 'none' }),
    )
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(taro.openSetting).not.toHaveBeenCalled()
  })
})

describe('poster data of withdrawn content', () => {
  const code: MiniCode = {
    scene: 'p=p001&s=k3m9qa',
    page: 'pages/index/index',
    imageUrl: '/media/codes/x.png',
    width: 430,
    created: true,
  }
  it('refuses a poster for a withdrawn park or a hidden article, with the reason', async () => {
    serve({
      'codes.get': () => ({ ok: true, data: code }),
      'parks.get': () => ({
        ok: true,
        data: { withdrawn: true, id: 'p001', name: '松江园', contact: {}, similar: [] },
      }),
      'articles.get': () => ({
        ok: true,
        data: { withdrawn: true, id: 'a-1', title: '旧文', contact: {}, latest: [] },
      }),
    })
    const { fetchPosterData } = await import('@/features/posters/api')
    expect(await fetchPosterData({ page: 'park', id: 'p001' }, 'k3m9qa')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该园区已下架，无法制作海报' },
    })
    expect(await fetchPosterData({ page: 'article', id: 'a-1' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该文章已隐藏，无法制作海报' },
    })
  })
})
