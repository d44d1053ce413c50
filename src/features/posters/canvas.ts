import Taro from '@tarojs/taro'
import { downloadInBrowser, localImagePath, saveToAlbum, type AlbumOutcome } from '@/lib/album'
import { mediaUrl } from '@/lib/media'
import type { Ctx2D, PosterImage } from './draw'

/*
 * The platform side of posters: finding the `<Canvas type="2d">` node, sizing it for the pixel
 * ratio, loading images into it, and getting the finished PNG out (album or share on weapp, a
 * download on H5, where Taro's Canvas renders a real <canvas>).
 */

/** What both platforms' canvas nodes offer (weapp's Canvas node; HTMLCanvasElement on H5). */
export interface PosterCanvas {
  width: number
  height: number
  getContext(type: '2d'): unknown
  /** weapp only: an image bound to this canvas. */
  createImage?: () => LoadableImage
  /** H5 only. */
  toDataURL?: (type?: string) => string
}

interface LoadableImage extends PosterImage {
  src: string
  onload: (() => void) | null
  onerror: ((e?: unknown) => void) | null
  crossOrigin?: string | null
}

/**
 * Canvas pixels per poster pixel: the screen's ratio, but at least 3, so the saved poster is
 * 1,080 pixels wide (crisp when forwarded and viewed full-screen), and at most 4 (memory).
 */
export function posterScale(): number {
  let dpr = 2
  try {
    if (process.env.TARO_ENV === 'h5') dpr = window.devicePixelRatio || 2
    else dpr = Taro.getWindowInfo().pixelRatio || 2
  } catch {
    // An old base library without getWindowInfo: the minimum below.
  }
  return Math.min(4, Math.max(3, Math.ceil(dpr)))
}

/** The canvas node behind `#id` (call after the page rendered it). */
export function queryCanvas(id: string): Promise<PosterCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: PosterCanvas } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error(`canvas #${id} not found`))
      })
  })
}

/** Backing store of width × height poster pixels at `scale`; the context to draw with. */
export function prepareCanvas(canvas: PosterCanvas, width: number, height: number, scale: number): Ctx2D {
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  return canvas.getContext('2d') as Ctx2D
}

const IMAGE_TIMEOUT_MS = 10_000

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin
  } catch {
    return false
  }
}

/**
 * The image at `url` ready to draw, or null when it cannot be had (the layout then paints its
 * fallback block). weapp: a cloud file or https link is downloaded first (a local path loads
 * reliably into canvas.createImage). H5: same-origin /media loads as is; anything else asks for
 * CORS, since a cross-origin image without it would taint the canvas and block the download.
 */
export async function loadImage(canvas: PosterCanvas, url: string): Promise<PosterImage | null> {
  if (!url) return null
  let src = mediaUrl(url)
  const weapp = process.env.TARO_ENV === 'weapp'
  try {
    if (weapp) src = await localImagePath(src)
  } catch {
    return null
  }
  const img: LoadableImage | null = weapp
    ? (canvas.createImage?.() ?? null)
    : (new Image() as unknown as LoadableImage)
  if (!img) return null
  if (!weapp && !sameOrigin(src)) img.crossOrigin = 'anonymous'
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), IMAGE_TIMEOUT_MS)
    img.onload = () => {
      clearTimeout(timer)
      resolve(img.width > 0 && img.height > 0 ? img : null)
    }
    img.onerror = () => {
      clearTimeout(timer)
      resolve(null)
    }
    img.src = src
  })
}

/** weapp: the drawn canvas as a temporary PNG file. */
async function tempFile(canvas: PosterCanvas): Promise<string> {
  const res = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.canvasToTempFilePath.Option['canvas'],
    fileType: 'png',
  })
  return res.tempFilePath
}

export type PosterOutcome = AlbumOutcome | 'downloaded' | 'shared'

/** 保存到相册 (weapp) / 下载海报 (H5: the canvas as a PNG data URL through a download link). */
export async function savePoster(canvas: PosterCanvas, fileName: string): Promise<PosterOutcome> {
  if (process.env.TARO_ENV !== 'weapp') {
    if (!canvas.toDataURL) return 'failed'
    try {
      downloadInBrowser(canvas.toDataURL('image/png'), fileName)
      return 'downloaded'
    } catch {
      // A tainted canvas (a cross-origin image without CORS) refuses toDataURL.
      return 'failed'
    }
  }
  let path: string
  try {
    path = await tempFile(canvas)
  } catch {
    return 'failed'
  }
  return saveToAlbum(path)
}

/** Whether this WeChat can open its share sheet for an image (base library 2.14.3+). */
export function canSharePoster(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    return Taro.canIUse('showShareImageMenu')
  } catch {
    return false
  }
}

/** 分享 (weapp): WeChat's own sheet for an image — send to a chat, save, recognise the code. */
export async function sharePoster(canvas: PosterCanvas): Promise<PosterOutcome> {
  try {
    const path = await tempFile(canvas)
    await Taro.showShareImageMenu({ path })
    return 'shared'
  } catch (e) {
    return /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? '')) ? 'cancelled' : 'failed'
  }
}
