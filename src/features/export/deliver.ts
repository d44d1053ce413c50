import Taro from '@tarojs/taro'
import type { ExportLeadsResult } from '@/domain/export'

export type Delivery = 'opened' | 'downloaded'

/**
 * Hands the finished export to the member of staff. weapp: downloadFile from the cloud-storage
 * temporary link, then openDocument (xlsx; the menu lets them forward or save it). H5: the local
 * server's one-time link as a download (a same-origin navigation, allowed by the page's CSP).
 */
export async function deliverExport(result: ExportLeadsResult): Promise<Delivery> {
  if (process.env.TARO_ENV === 'weapp') {
    const file = await Taro.downloadFile({ url: result.url })
    if (file.statusCode !== 200) throw new Error(`downloadFile: HTTP ${file.statusCode}`)
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true })
    return 'opened'
  }
  const link = document.createElement('a')
  link.href = result.url
  link.download = result.fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'downloaded'
}
