import { useCallback, useEffect, useRef, useState } from 'react'
import type { InquirySummary } from '@/domain/inquiry'
import type { ApiError } from '@/domain/result'
import { deleteMyData, listMyInquiries } from '../api'
import { clearDraft } from '../draftKey'
import { clearOutbox, queuedItems, subscribeOutbox } from '../outbox'

type State =
  | { status: 'loading'; items: InquirySummary[]; error: null }
  | { status: 'ready'; items: InquirySummary[]; error: null }
  | { status: 'error'; items: InquirySummary[]; error: ApiError }

export type DeleteOutcome =
  { ok: true; deletedInquiries: number; deletedEvents: number } | { ok: false; error: ApiError }

/**
 * 我的咨询: the visitor's inquiries from the server, reloaded when the outbox sends one, and
 * the deletion of everything we hold about them (server, draft, outbox).
 */
export function useMyInquiries() {
  const [state, setState] = useState<State>({ status: 'loading', items: [], error: null })
  const seq = useRef(0)
  const deleting = useRef(false)

  /** A reload keeps the rows on screen (pull-to-refresh); only the first load shows a skeleton. */
  const load = useCallback(async () => {
    const mine = ++seq.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', items: s.items, error: null }))
    const result = await listMyInquiries()
    if (mine !== seq.current) return
    setState(
      result.ok
        ? { status: 'ready', items: result.data.items, error: null }
        : { status: 'error', items: [], error: result.error },
    )
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  // An inquiry the outbox just sent is now on the server: show it from there. (Not on every
  // outbox change: a failed resend or a dismissed row is no reason to ask the server again.)
  useEffect(() => {
    let waiting = queuedItems().length
    return subscribeOutbox(() => {
      const now = queuedItems().length
      const left = now < waiting
      waiting = now
      if (left && !deleting.current) void load()
    })
  }, [load])

  const deleteAll = useCallback(async (): Promise<DeleteOutcome> => {
    // Local first, and wait for a resend in flight: nothing may reach the server after this.
    deleting.current = true
    try {
      clearDraft()
      await clearOutbox()
    } finally {
      deleting.current = false
    }
    seq.current++
    const result = await deleteMyData()
    if (!result.ok) return { ok: false, error: result.error }
    setState({ status: 'ready', items: [], error: null })
    return { ok: true, ...result.data }
  }, [])

  return { ...state, reload: load, deleteAll }
}
