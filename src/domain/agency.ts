/** The agency's contact record: one document in storage, never constants in pages. */
export interface AgentMobile {
  /** Digits only, e.g. 13524678515 */
  number: string
  /** True when the number is only a WeChat ID and takes no calls. */
  wechatOnly: boolean
}

export interface AgencyContact {
  /** Agency name shown on the card. */
  agencyName: string
  agentName: string
  /** Digits only, e.g. 4000123021 */
  hotline: string
  mobiles: AgentMobile[]
  /** The WeChat ID to copy. */
  wechatId: string
  /** Media path or URL of the agent's personal WeChat QR code. */
  wechatQr: string
  /** What an inquiry should tell the agency, shown on the card. */
  inquiryHint: string
}
