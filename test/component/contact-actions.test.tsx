/**
 * The contact family (features/contact): the fixed ContactBar of the detail pages and the
 * ContactCard at their end and on 我的 share one set of actions. Each tap does its WeChat API
 * first; an event is queued only once the action happened (a cancel records nothing).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble } from '../doubles/taro'
import { ContactBar } from '@/features/contact/components/ContactBar'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { pendingContactEvents, resetContactEvents } from '@/features/contact/events'
import type { AgencyContact } from '@/domain/agency'
import { contact } from './fixtures'

const mock = (fn: unknown) => fn as jest.Mock
const request = Taro.request as unknown as jest.Mock

const hotlineOnly: AgencyContact = { ...contact, mobiles: [{ number: '13391219793', wechatOnly: true }] }
const parkPlace = { page: '/packages/park/detail/index', parkId: 'p012' }

const bar = () => within(screen.getByLabelText('联系操作'))
const kinds = () => pendingContactEvents().map((e) => e.kind)
/** Lets resolved API promises run their `then`s. */
const settle = () => act(async () => undefined)

function renderBar(c: AgencyContact = contact, props: Partial<Parameters<typeof ContactBar>[0]> = {}) {
  return render(
    <ContactBar contact={c} place={parkPlace} inquiry={{ parkId: 'p012', parkName: '松江' }} {...props} />,
  )
}

const ENV = process.env.TARO_ENV
beforeEach(() => {
  resetTaroDouble()
  resetContactEvents()
})
afterEach(() => {
  if (ENV === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = ENV
})

describe('电话', () => {
  it('with only the 400 hotline: dials it straight from the tap, no sheet', async () => {
    renderBar(hotlineOnly)
    fireEvent.click(bar().getByText('电话'))
    // Synchronously from the tap: nothing awaited before the dialer.
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4000123021' })
    expect(Taro.showActionSheet).not.toHaveBeenCalled()
    await settle()
    expect(pendingContactEvents()).toEqual([
      expect.objectContaining({ kind: 'call', page: '/packages/park/detail/index', parkId: 'p012' }),
    ])
  })

  it('with callable agent mobiles: a sheet of the hotline and each mobile, then the chosen number', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 1 })
    renderBar()
    fireEvent.click(bar().getByText('电话'))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['招商热线 400-012-3021', '葛毅明 135 2467 8515'],
    })
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13524678515' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledTimes(1)
    await settle()
    expect(kinds()).toEqual(['call'])
  })

  it('closing the sheet: no call, no toast, nothing recorded', async () => {
    mock(Taro.showActionSheet).mockRejectedValueOnce({ errMsg: 'showActionSheet:fail cancel' })
    renderBar()
    fireEvent.click(bar().getByText('电话'))
    await settle()
    expect(Taro.makePhoneCall).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(pendingContactEvents()).toEqual([])
  })

  it('cancelling the dialer is not an error and is not recorded as a call', async () => {
    mock(Taro.makePhoneCall).mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail cancel' })
    renderBar(hotlineOnly)
    fireEvent.click(bar().getByText('电话'))
    expect(Taro.makePhoneCall).toHaveBeenCalled()
    await settle()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(pendingContactEvents()).toEqual([])
  })

  it('the card dials the hotline and each callable mobile, never the WeChat-only number', async () => {
    render(<ContactCard contact={contact} place={parkPlace} />)
    fireEvent.click(screen.getByText('拨打招商热线'))
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '4000123021' })
    fireEvent.click(screen.getByText('拨打'))
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13524678515' })
    expect(screen.queryByText('133 9121 9793')).toBeNull()
    await settle()
    expect(kinds()).toEqual(['call', 'call'])
  })
})

describe('微信', () => {
  it('the bar offers copy, QR and 存入通讯录; copy → clipboard, toast, event', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 0 })
    renderBar()
    fireEvent.click(bar().getByText('微信'))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({
      itemList: ['复制微信号', '查看二维码', '存入通讯录'],
    })
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' }))
    await settle()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '微信号已复制', icon: 'none', duration: 2000 })
    expect(pendingContactEvents()).toEqual([
      expect.objectContaining({ kind: 'copy-wechat', page: '/packages/park/detail/index', parkId: 'p012' }),
    ])
  })

  it('the card copies the WeChat ID with a toast and an event', async () => {
    render(<ContactCard contact={contact} place={parkPlace} />)
    fireEvent.click(screen.getByText('复制微信号'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13524678515' })
    await settle()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信号已复制' }))
    expect(kinds()).toEqual(['copy-wechat'])
  })

  it('a refused copy shows the ID to type and records nothing', async () => {
    mock(Taro.setClipboardData).mockRejectedValueOnce({ errMsg: 'setClipboardData:fail privacy' })
    render(<ContactCard contact={contact} place={parkPlace} />)
    fireEvent.click(screen.getByText('复制微信号'))
    await settle()
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '请手动添加微信号：13524678515' }),
    )
    expect(pendingContactEvents()).toEqual([])
  })

  it('查看二维码 (bar) and 查看大图 (card) open the QR full-screen for long-press', async () => {
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 1 })
    render(
      <>
        <ContactBar contact={contact} place={parkPlace} />
        <ContactCard contact={contact} place={parkPlace} />
      </>,
    )
    fireEvent.click(bar().getByText('微信'))
    const qr = { urls: ['/media/agent-wechat-qr.png'], current: '/media/agent-wechat-qr.png', showmenu: true }
    await waitFor(() => expect(Taro.previewImage).toHaveBeenCalledWith(qr))
    fireEvent.click(screen.getByText('查看大图'))
    expect(Taro.previewImage).toHaveBeenCalledTimes(2)
    expect(Taro.previewImage).toHaveBeenLastCalledWith(qr)
    // The small QR is for long-press recognition and has no tap of its own.
    const image = screen.getByAltText('葛毅明的微信二维码')
    expect(image.getAttribute('data-show-menu-by-longpress')).toBe('true')
    fireEvent.click(image)
    expect(Taro.previewImage).toHaveBeenCalledTimes(2)
    await settle()
    expect(kinds()).toEqual(['view-qr', 'view-qr'])
    expect(Taro.setClipboardData).not.toHaveBeenCalled()
  })

  it('存入通讯录 saves the agent with every field (card button and bar sheet)', async () => {
    const saved = {
      firstName: '葛毅明',
      mobilePhoneNumber: '13524678515',
      weChatNumber: '13524678515',
      organization: '中国产业园区招商网',
      title: '招商顾问',
      hostNumber: '4000123021',
    }
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 2 })
    render(
      <>
        <ContactBar contact={contact} place={parkPlace} />
        <ContactCard contact={contact} place={parkPlace} />
      </>,
    )
    fireEvent.click(screen.getByText('存入通讯录'))
    expect(Taro.addPhoneContact).toHaveBeenCalledWith(saved)
    fireEvent.click(bar().getByText('微信'))
    await waitFor(() => expect(Taro.addPhoneContact).toHaveBeenCalledTimes(2))
    expect(Taro.addPhoneContact).toHaveBeenLastCalledWith(saved)
    await settle()
    expect(kinds()).toEqual(['add-contact', 'add-contact'])
  })

  it('cancelling 存入通讯录 is not an error and records nothing', async () => {
    mock(Taro.addPhoneContact).mockRejectedValueOnce({ errMsg: 'addPhoneContact:fail cancel' })
    render(<ContactCard contact={contact} place={parkPlace} />)
    fireEvent.click(screen.getByText('存入通讯录'))
    await settle()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(pendingContactEvents()).toEqual([])
  })
})

describe('在线咨询 and 留言', () => {
  it('在线咨询 is a customer-service button; its tap is recorded', () => {
    render(<ContactCard contact={contact} place={parkPlace} />)
    const kefu = screen.getByText('在线咨询')
    expect(kefu.getAttribute('data-open-type')).toBe('contact')
    expect(kefu.getAttribute('data-session-from')).toBe('park:p012')
    fireEvent.click(kefu)
    expect(pendingContactEvents()).toEqual([expect.objectContaining({ kind: 'kefu', parkId: 'p012' })])
  })

  it('H5 has neither phone contacts nor customer-service chat: both are hidden', async () => {
    process.env.TARO_ENV = 'h5'
    mock(Taro.showActionSheet).mockResolvedValueOnce({ tapIndex: 0 })
    render(
      <>
        <ContactBar contact={contact} place={parkPlace} />
        <ContactCard contact={contact} place={parkPlace} />
      </>,
    )
    expect(screen.queryByText('存入通讯录')).toBeNull()
    expect(screen.queryByText('在线咨询')).toBeNull()
    fireEvent.click(bar().getByText('微信'))
    expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['复制微信号', '查看二维码'] })
    await settle()
  })

  it('the card can leave 在线咨询 out (Moments single-page mode)', () => {
    render(<ContactCard contact={contact} place={parkPlace} kefu={false} />)
    expect(screen.queryByText('在线咨询')).toBeNull()
    expect(screen.getByText('存入通讯录')).toBeTruthy()
  })

  it('留言咨询 opens the inquiry form with the park, or with the article', () => {
    const { unmount } = renderBar()
    fireEvent.click(bar().getByText('留言咨询'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/inquiry/form/index?parkId=p012&parkName=${encodeURIComponent('松江')}`,
    })
    unmount()
    render(
      <ContactBar
        contact={contact}
        place={{ page: '/packages/article/detail/index', articleId: 'a-1' }}
        inquiry={{ articleId: 'a-1' }}
      />,
    )
    fireEvent.click(bar().getByText('留言咨询'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/inquiry/form/index?articleId=a-1' })
    expect(pendingContactEvents()).toEqual([
      expect.objectContaining({ kind: 'open-inquiry', parkId: 'p012' }),
      expect.objectContaining({
        kind: 'open-inquiry',
        articleId: 'a-1',
        page: '/packages/article/detail/index',
      }),
    ])
  })

  it('without an inquiry (single-page mode) there is no 留言; a leading slot comes first', () => {
    renderBar(contact, { inquiry: undefined, leading: <span>收藏</span>, ariaLabel: '联系操作' })
    expect(bar().queryByText('留言咨询')).toBeNull()
    const labels = Array.from(screen.getByLabelText('联系操作').querySelectorAll('span')).map(
      (s) => s.textContent,
    )
    expect(labels.filter((l) => l === '收藏' || l === '电话' || l === '微信')).toEqual([
      '收藏',
      '电话',
      '微信',
    ])
  })
})

describe('the card on 我的 (no place given)', () => {
  it('records the current page route and works as before with only the contact', async () => {
    mock(Taro.getCurrentPages).mockReturnValueOnce([{ route: 'pages/mine/index' }])
    render(<ContactCard contact={contact} />)
    expect(screen.getByText('400-012-3021')).toBeTruthy()
    fireEvent.click(screen.getByText('拨打招商热线'))
    await settle()
    expect(pendingContactEvents()).toEqual([
      { kind: 'call', page: '/pages/mine/index', at: expect.any(String) },
    ])
    expect(request).not.toHaveBeenCalled()
  })
})
