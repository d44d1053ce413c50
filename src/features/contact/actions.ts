import Taro from '@tarojs/taro'
import type { AgencyContact } from '@/domain/agency'
import { mediaUrl } from '@/lib/media'

/** The user closing the dialer is a choice, not an error: nothing is shown for it. */
export async function callNumber(phoneNumber: string): Promise<'called' | 'cancelled'> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
    return 'called'
  } catch {
    return 'cancelled'
  }
}

export async function copyWechatId(wechatId: string): Promise<boolean> {
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
export function previewWechatQr(contact: Pick<AgencyContact, 'wechatQr'>): void {
  const url = mediaUrl(contact.wechatQr)
  Taro.previewImage({ urls: [url], current: url, showmenu: true }).catch(() => undefined)
}
