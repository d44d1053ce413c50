import Taro from '@tarojs/taro'

/**
 * Saving an image to the phone's album (weapp only; H5 downloads instead), for the desk's codes
 * and posters. `saveImageToPhotosAlbum` needs scope.writePhotosAlbum: WeChat asks the first
 * time; once refused it fails at once ("auth deny"), and only the settings page can give it
 * back — so a refusal explains that in a modal whose 去设置 opens the settings (a tap in the
 * modal is the user action openSetting needs), then tries once more if the switch is now on.
 */
export type AlbumOutcome = 'saved' | 'cancelled' | 'denied' | 'failed'

const errMsg = (e: unknown) => String((e as { errMsg?: unknown })?.errMsg ?? e ?? '')

/**
 * "fail auth deny", "fail auth denied", "fail authorize no response", "…:fail:auth denied". Not
 * "fail privacy permission is not authorized": that one is the privacy guide (the 相册 line is
 * missing, or the user declined it), which the settings page cannot change.
 */
export const isAuthRefusal = (e: unknown) =>
  !/privacy/i.test(errMsg(e)) && /auth|authorize|scope|permission/i.test(errMsg(e))

export async function saveToAlbum(filePath: string): Promise<AlbumOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (e) {
    if (/cancel/i.test(errMsg(e))) return 'cancelled'
    if (!isAuthRefusal(e)) return 'failed'
  }
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存图片需要允许“添加到相册”。请在设置中打开后再保存。',
    confirmText: '去设置',
    cancelText: '暂不',
  })
  if (!confirm) return 'denied'
  try {
    const { authSetting } = await Taro.openSetting()
    if (!authSetting['scope.writePhotosAlbum']) return 'denied'
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch {
    return 'denied'
  }
}

/**
 * A file on the device for an image link: an https link (a cloud-storage temporary link) is
 * downloaded, a `cloud://` file id is downloaded from cloud storage, anything else (a temp file
 * path already) is used as it is. Throws when the download fails.
 */
export async function localImagePath(url: string): Promise<string> {
  if (/^https?:\/\//i.test(url)) {
    const res = await Taro.downloadFile({ url })
    if (res.statusCode !== 200) throw new Error(`downloadFile: HTTP ${res.statusCode}`)
    return res.tempFilePath
  }
  if (/^cloud:\/\//i.test(url)) {
    const res = await Taro.cloud.downloadFile({ fileID: url })
    return res.tempFilePath
  }
  return url
}

/** H5: the browser downloads `href` (a same-origin path or a data: URL) as `fileName`. */
export function downloadInBrowser(href: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** A toast for what came of a save (cancelled says nothing: the user chose it). */
export function toastAlbumOutcome(outcome: AlbumOutcome | 'downloaded'): void {
  const titles: Record<AlbumOutcome | 'downloaded', string> = {
    saved: '已保存到相册',
    downloaded: '已开始下载',
    cancelled: '',
    denied: '未获得相册权限，未保存',
    failed: '保存失败，请重试',
  }
  const title = titles[outcome]
  if (title) void Taro.showToast({ title, icon: outcome === 'saved' ? 'success' : 'none' })
}
