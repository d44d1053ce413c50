import { useSyncExternalStore } from 'react'
import { readJson, writeJson } from './storage'

/**
 * A list kept in local storage and shared by every page that shows it: a change made on
 * one page (a favourite toggled on a detail page) is seen at once on another (我的).
 */
export function createLocalList<T>(key: string, limit: number) {
  let items: T[] | null = null
  const listeners = new Set<() => void>()

  const get = (): T[] => {
    if (items === null) {
      const stored = readJson<unknown>(key, [])
      items = Array.isArray(stored) ? (stored as T[]).slice(0, limit) : []
    }
    return items
  }

  const set = (next: T[]) => {
    items = next.slice(0, limit)
    writeJson(key, items)
    listeners.forEach((l) => l())
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  return {
    get,
    set,
    /** For tests: forget the in-memory copy so the next read comes from storage. */
    reload: () => {
      items = null
      listeners.forEach((l) => l())
    },
    useItems: (): T[] => useSyncExternalStore(subscribe, get, get),
  }
}
