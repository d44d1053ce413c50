import { useSyncExternalStore } from 'react'
import { readOutbox, subscribeOutbox, type OutboxItem } from '../outbox'

/** The outbox's items, re-rendering when they change (queued, sent, rejected, cleared). */
export function useOutboxItems(): OutboxItem[] {
  return useSyncExternalStore(subscribeOutbox, readOutbox, readOutbox)
}
