import Taro from '@tarojs/taro'

/*
 * Staff calling a lead back: plain WeChat APIs, deliberately NOT the visitor's contact actions
 * (features/contact), which record contact events — a staff call is not a visitor's tap.
 * Each wrapper catches the user's cancel (the promise rejects) and says whether it went through.
 */

export async function callLead(phone: string): Promise<boolean> {
  try {
    await Taro.makePhoneCall({ phoneNumber: phone })
    return true
  } catch {
    return false
  }
}

export async function copyLeadPhone(phone: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: phone })
    return true
  } catch {
    return false
  }
}

export async function saveLeadContact(lead: {
  contactName: string
  phone: string
  company: string
}): Promise<boolean> {
  try {
    await Taro.addPhoneContact({
      firstName: lead.contactName,
      mobilePhoneNumber: lead.phone,
      organization: lead.company || undefined,
      remark: '园区招商线索',
    })
    return true
  } catch {
    return false
  }
}

/** Copies a message the agent then pastes to the client (e.g. recommended parks). */
export async function copyLeadText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}
