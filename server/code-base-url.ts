import os from 'node:os'

export interface CodeBaseUrlInput {
  /** PUBLIC_URL: where phones reach this server (a tunnel, a reverse proxy); wins when set. */
  publicUrl?: string
  /** HOST the server listens on. */
  host: string
  port: number
  /** os.networkInterfaces(), injectable for tests. */
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>
}

const WILDCARD = new Set(['0.0.0.0', '::', ''])
const LOOPBACK = /^(127\.|::1$|localhost$)/i

/** The first non-internal IPv4 address of the machine (its LAN address), or null. */
export function lanIPv4(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string | null {
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 spelled the family as a number.
      const v4 = info.family === 'IPv4' || (info.family as unknown) === 4
      if (v4 && !info.internal) return info.address
    }
  }
  return null
}

/**
 * The origin local QR codes point at (server/main.ts, adapters/qr-code-maker.ts): PUBLIC_URL
 * when set; else, when the server listens on every interface, the machine's LAN address so a
 * phone on the same network can open it; else the address it listens on (a specific LAN
 * address, or loopback by default — a phone cannot reach 127.0.0.1, which `npm start` says).
 */
export function codeBaseUrl(input: CodeBaseUrlInput): string {
  const configured = input.publicUrl?.trim()
  if (configured) {
    const url = new URL(configured)
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`PUBLIC_URL 必须是 http(s) 地址: ${configured}`)
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  }
  const host = input.host.trim()
  if (WILDCARD.has(host)) {
    const lan = lanIPv4(input.interfaces)
    return `http://${lan ?? '127.0.0.1'}:${input.port}`
  }
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `http://${LOOPBACK.test(host) ? '127.0.0.1' : shown}:${input.port}`
}

/** Whether a phone on another machine could open codes made for this origin. */
export const reachableFromPhone = (baseUrl: string): boolean =>
  !/^http:\/\/(127\.|\[::1\]|localhost)/i.test(baseUrl)
