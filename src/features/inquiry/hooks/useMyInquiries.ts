import { useCallback, useEffect, useRef } from 'react'
import type { InquirySummary } from '@/domain/inquiry'
import { ok, type ApiError } from '@/domain/result'
import { usePagedList } from '@/lib/usePagedList'
import { deleteMyData, listMyInquiries } from '../api'
import { clearDraft } from '../draftKey'
import { clearOutbox, queuedItems, subscribeOutbox } from '../outbox'

export type DeleteOutcome =
  { ok: true; deletedInquiries: number; deletedEvents: number } | { ok: false; error: ApiError }

/** The server answers every inquiry of the visitor at once: one page, no cursor. */
const fetchMine = async () => {
  const result = await listMyInquiries()
  return result.ok ? ok({ items: result.data.items, nextCursor: null }) : result
}

/**
 * 我的咨询: the visitor's inquiries from the server (through the shared list hook: a reload
 * keeps the rows on screen, a stale answer never lands), reloaded when the outbox sends one,
 * and the deletion of everything we hold about them (server, draft, outbox).
 */
export function useMyInquiries() {
  const list = usePagedList<InquirySummary>(fetchMine)
  const { refresh, replace } = list
  const deleting = useRef(false)

  /** Pull-to-refresh and the retry button: page one again, the rows stay meanwhile. */
  const reload = useCallback(() => refresh(), [refresh])

  // An inquiry the outbox just sent is now on the server: show it from there. (Not on every
  // outbox change: a failed resend or a dismissed row is no reason to ask the server again.)
  useEffect(() => {
    let waiting = queuedItems().length
    return subscribeOutbox(() => {
      const now = queuedItems().length
      const left = now < waiting
      waiting = now
      if (left && !deleting.current) void refresh({ silent: true })
    })
  }, [refresh])

  const deleteAll = useCallback(async (): Promise<DeleteOutcome> => {
    // Local first, and wait for a resend in flight: nothing may reach the server after this.
    deleting.current = true
    try {
      clearDraft()
      await clearOutbox()
    } finally {
      deleting.current = false
    }
    const result = await deleteMyData()
    if (!result.ok) return { ok: false, error: result.error }
    // Also drops a reload still in flight: it would bring the deleted rows back.
    replace([])
    return { ok: true, ...result.data }
  }, [replace])

  return { ...list, reload, deleteAll }
}
