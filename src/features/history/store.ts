import { createLocalList } from '@/lib/localStore'

export interface ViewedItem {
  kind: 'park' | 'article'
  id: string
  title: string
  cover: string
  /** One line under the title: district · type for parks, category for articles. */
  subtitle: string
  viewedAt: string
}

/** Recently viewed parks and articles, newest first, 30 at most, one entry per item. */
export const historyStore = createLocalList<ViewedItem>('history.viewed.v1', 30)

export function recordView(item: Omit<ViewedItem, 'viewedAt'>, now = new Date()): void {
  const rest = historyStore.get().filter((v) => !(v.kind === item.kind && v.id === item.id))
  historyStore.set([{ ...item, viewedAt: now.toISOString() }, ...rest])
}

export function clearHistory(): void {
  historyStore.set([])
}

export const useHistory = () => historyStore.useItems()
