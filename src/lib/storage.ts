import Taro from '@tarojs/taro'

/**
 * Local storage that never throws: a full or unavailable store degrades to "nothing saved"
 * rather than breaking the page that wanted to remember something.
 */
export function readJson<T>(key: string, fallback: T): T {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    if (raw === '' || raw === undefined || raw === null) return fallback
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T
  } catch {
    return fallback
  }
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

export function removeKey(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing to clean up
  }
}
