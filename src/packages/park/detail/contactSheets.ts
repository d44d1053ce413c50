import Taro from '@tarojs/taro'
import type { AgencyContact } from '@/domain/agency'
import { formatPhone } from '@/domain/format'
import { callNumber, copyWechatId, previewWechatQr } from '@/features/contact/actions'

export interface PhoneOption {
  label: string
  number: string
}

/** The hotline first, then the agent's mobiles that take calls (WeChat-only ones are left out). */
export function phoneOptions(contact: AgencyContact): PhoneOption[] {
  const options = [{ label: `招商热线 ${formatPhone(contact.hotline)}`, number: contact.hotline }]
  for (const m of contact.mobiles) {
    if (!m.wechatOnly)
      options.push({ label: `${contact.agentName} ${formatPhone(m.number)}`, number: m.number })
  }
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

/** 电话: choose the hotline or an agent's mobile, then dial it. */
export async function chooseNumberAndCall(contact: AgencyContact): Promise<void> {
  const options = phoneOptions(contact)
  const index = await pick(options.map((o) => o.label))
  if (index !== null) await callNumber(options[index].number)
}

export const WECHAT_ITEMS = ['复制微信号', '查看二维码'] as const

/** 微信: copy the WeChat ID, or open the agent's QR code full-screen (long-press adds them). */
export async function chooseWechatAction(contact: AgencyContact): Promise<void> {
  const index = await pick([...WECHAT_ITEMS])
  if (index === 0) await copyWechatId(contact.wechatId)
  else if (index === 1) previewWechatQr(contact)
}
