import Taro from '@tarojs/taro'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format-quantity'
import { mediaUrl } from '@/lib/media'
import { previewImage } from '@/lib/previewImage'
import { INQUIRY_FORM_PATH, withQuery } from '@/lib/routes'
import { recordContactEvent, type ContactPlace } from './events'

export type { ContactPlace } from './events'

// ---------------------------------------------------------------------------------------------
// The WeChat APIs, untracked and therefore private: every page reaches them only through the
// tracked actions below (dial, copyWechat, viewWechatQr, …), so every contact tap is recorded.
// Each starts its API synchronously (inside the tap); the user closing a dialog is a choice,
// not an error: nothing is shown for it.

async function callNumber(phoneNumber: string): Promise<'called' | 'cancelled'> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
    return 'called'
  } catch {
    return 'cancelled'
  }
}

async function copyWechatId(wechatId: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: String(wechatId) })
    Taro.showToast({ title: '微信号已复制', icon: 'none', duration: 2000 })
    return true
  } catch {
    // Privacy consent refused or clipboard unavailable: show the ID so it can be typed.
    Taro.showModal({
      title: '复制未成功',
      content: `请手动添加微信号：${wechatId}`,
      showCancel: false,
      confirmText: '知道了',
    })
    return false
  }
}

/** Full-screen QR: long-press there recognises a personal WeChat code (base library 2.18+). */
function previewWechatQr(contact: Pick<AgencyContact, 'wechatQr'>): Promise<boolean> {
  const url = mediaUrl(contact.wechatQr)
  return previewImage({ urls: [url], current: url, showmenu: true }).then(
    () => true,
    () => false,
  )
}

/** Phone contacts exist in the mini program only; H5 has no such API. */
export const canAddPhoneContact = () => process.env.TARO_ENV !== 'h5'
/** `<Button openType='contact'>` (customer-service chat) exists in the mini program only. */
export const canOpenKefu = () => process.env.TARO_ENV !== 'h5'

/** The agent's mobiles that take calls (WeChat-only numbers are left out). */
export const callableMobiles = (contact: AgencyContact) => contact.mobiles.filter((m) => !m.wechatOnly)

/** Saves the agent as a phone contact; the user's cancel (or a refusal) resolves false quietly. */
function savePhoneContact(contact: AgencyContact): Promise<boolean> {
  const mobile = callableMobiles(contact)[0]?.number
  return Taro.addPhoneContact({
    firstName: contact.agentName,
    mobilePhoneNumber: mobile,
    weChatNumber: contact.wechatId,
    organization: contact.agencyName,
    title: '招商顾问',
    hostNumber: contact.hotline,
  }).then(
    () => true,
    () => false,
  )
}

// ---------------------------------------------------------------------------------------------
// The taps of the contact bar and card: the action first, then its event (queued, sent later).
// An event means the action happened: a call once the dialer was accepted, a copy once the
// clipboard took it, a contact once it was saved — a cancel records nothing.

export function dial(phoneNumber: string, place?: ContactPlace): void {
  void callNumber(phoneNumber).then((r) => {
    if (r === 'called') recordContactEvent('call', place)
  })
}

export interface PhoneOption {
  label: string
  number: string
}

/** The hotline first, then the agent's mobiles that take calls. */
export function phoneOptions(contact: AgencyContact): PhoneOption[] {
  const options = [{ label: `招商热线 ${formatPhone(contact.hotline)}`, number: contact.hotline }]
  for (const m of callableMobiles(contact))
    options.push({ label: `${contact.agentName} ${formatPhone(m.number)}`, number: m.number })
  // An action sheet holds 6 items at most.
  return options.filter((o) => o.number).slice(0, 6)
}

/** Resolves with the chosen index, or null when the visitor closed the sheet. */
async function pick(itemList: string[]): Promise<number | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList })
    return typeof tapIndex === 'number' && tapIndex >= 0 && tapIndex < itemList.length ? tapIndex : null
  } catch {
    return null // cancel is a choice, not an error
  }
}

/** 电话: the one number straight away; with agent mobiles, a sheet to choose from first. */
export function callAgency(contact: AgencyContact, place?: ContactPlace): void {
  const options = phoneOptions(contact)
  if (options.length <= 1) {
    if (options[0]) dial(options[0].number, place)
    return
  }
  void pick(options.map((o) => o.label)).then((index) => {
    if (index !== null) dial(options[index].number, place)
  })
}

export function copyWechat(contact: AgencyContact, place?: ContactPlace): void {
  void copyWechatId(contact.wechatId).then((copied) => {
    if (copied) recordContactEvent('copy-wechat', place)
  })
}

export function viewWechatQr(contact: AgencyContact, place?: ContactPlace): void {
  void previewWechatQr(contact).then((shown) => {
    if (shown) recordContactEvent('view-qr', place)
  })
}

export function addToPhoneContacts(contact: AgencyContact, place?: ContactPlace): void {
  void savePhoneContact(contact).then((saved) => {
    if (saved) recordContactEvent('add-contact', place)
  })
}

/** 微信: copy the ID, the QR full-screen (long-press adds the agent), or save as a contact. */
export function chooseWechatAction(contact: AgencyContact, place?: ContactPlace): void {
  const items = [
    { label: '复制微信号', run: copyWechat },
    { label: '查看二维码', run: viewWechatQr },
    ...(canAddPhoneContact() ? [{ label: '存入通讯录', run: addToPhoneContacts }] : []),
  ]
  void pick(items.map((i) => i.label)).then((index) => {
    if (index !== null) items[index].run(contact, place)
  })
}

/**
 * The inquiry form's query: the park (id, name and — to preselect the form's chips — its
 * district, listing type and deal) or the article it is about.
 */
export interface InquiryQuery {
  parkId?: string
  parkName?: string
  district?: string
  type?: string
  deal?: string
  articleId?: string
}

export const inquiryFormUrl = (q: InquiryQuery) =>
  withQuery(INQUIRY_FORM_PATH, {
    parkId: q.parkId,
    parkName: q.parkName,
    district: q.district,
    type: q.type,
    deal: q.deal,
    articleId: q.articleId,
  })

/** 留言: the inquiry form about this park or article. */
export function openInquiry(query: InquiryQuery, place?: ContactPlace): void {
  void Promise.resolve(Taro.navigateTo({ url: inquiryFormUrl(query) })).catch(() => undefined)
  recordContactEvent('open-inquiry', place)
}

/** 在线咨询: the button itself opens the chat (openType='contact'); the tap is recorded. */
export function recordKefu(place?: ContactPlace): void {
  recordContactEvent('kefu', place)
}
