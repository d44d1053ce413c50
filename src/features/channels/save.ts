import type { MiniCode } from '@/domain/channels'
import { downloadInBrowser, localImagePath, saveToAlbum, type AlbumOutcome } from '@/lib/album'
import { mediaUrl } from '@/lib/media'

/** The file name a downloaded code gets on H5: what it opens, so a folder of them stays legible. */
export function codeFileName(code: MiniCode): string {
  const scene = code.scene.replace(/[^0-9a-zA-Z=&-]/g, '').replace(/[=&]/g, '_') || 'home'
  return `小程序码_${scene}.png`
}

/**
 * 保存到相册: weapp downloads the code's image and saves it — from cloud storage by its file id
 * when the answer has one (no download-domain list involved), else its temporary link; H5
 * downloads the PNG from the local runtime.
 */
export async function saveCode(code: MiniCode): Promise<AlbumOutcome | 'downloaded'> {
  if (process.env.TARO_ENV !== 'weapp') {
    downloadInBrowser(mediaUrl(code.imageUrl), codeFileName(code))
    return 'downloaded'
  }
  let path: string
  try {
    path = await localImagePath(code.fileId || mediaUrl(code.imageUrl))
  } catch {
    return 'failed'
  }
  return saveToAlbum(path)
}
