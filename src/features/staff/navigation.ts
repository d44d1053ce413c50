import Taro from '@tarojs/taro'

/**
 * Opens a desk page. A page that is not in this build (a desk page still being built) must not
 * crash the desk: the failed navigation becomes a toast.
 */
export async function openDeskPage(url: string): Promise<boolean> {
  try {
    await Taro.navigateTo({ url })
    return true
  } catch {
    void Taro.showToast({ title: '该功能暂未开放', icon: 'none' })
    return false
  }
}
