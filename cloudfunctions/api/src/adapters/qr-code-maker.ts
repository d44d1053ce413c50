import QRCode from 'qrcode'
import type { CodeMaker } from '../ports/codes'

/**
 * The H5 address a local code opens: the home page with the scene, as WeChat would hand it to
 * the weapp (the page decodes `scene` the same way on both: domain/scene.ts parseScene).
 */
export function h5CodeUrl(baseUrl: string, scene: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/pages/index/index?scene=${encodeURIComponent(scene)}`
}

export interface QrCodeMakerOptions {
  /**
   * The origin phones reach the local server at (PUBLIC_URL, the LAN address or loopback: see
   * server/main.ts). A function: the port is known only once the server listens.
   */
  baseUrl: () => string
}

/**
 * The local runtime's stand-in for wxacode.getUnlimited: a plain QR code (the `qrcode` library,
 * PNG, error correction M, a 2-module quiet zone) of the H5 address with the same scene, so a
 * phone on the same network that scans it opens the same page with the same channel.
 */
export function createQrCodeMaker(options: QrCodeMakerOptions): CodeMaker {
  return {
    variant: () => `h5:${options.baseUrl()}`,
    async make({ scene, width }) {
      const h5Url = h5CodeUrl(options.baseUrl(), scene)
      const bytes = await QRCode.toBuffer(h5Url, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
      return { bytes, contentType: 'image/png', h5Url }
    },
  }
}
