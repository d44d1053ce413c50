import { useCallback, useRef, useState } from 'react'
import type { ContentParkRow, UpdateParkPayload } from '@/domain/content-edit'
import { DEAL_PRICE_UNIT, FEATURED_ORDER_MAX, type ParkStatus } from '@/domain/park'
import type { ApiError } from '@/domain/result'
import { saveParkEdit } from '../api'

export interface ParkDraft {
  status: ParkStatus
  /** As typed; empty = 面议. */
  price: string
  featured: boolean
  /** As typed; empty = no order. */
  order: string
}

export type ParkFieldErrors = Partial<Record<'status' | 'price' | 'featuredOrder', string>>

const draftOf = (row: ContentParkRow): ParkDraft => ({
  status: row.status,
  price: row.price ? String(row.price.value) : '',
  featured: row.featured,
  order: row.featuredOrder === null ? '' : String(row.featuredOrder),
})

const NUMBER_RE = /^\d+(\.\d+)?$/

/**
 * The edit panel of one park: a draft of its four fields, checked here first (the server checks
 * again and its field messages land on the same fields), saved as only what changed. One save at
 * a time: a second tap while saving does nothing.
 */
export function useParkEditor(onSaved: (row: ContentParkRow) => void) {
  const [row, setRow] = useState<ContentParkRow | null>(null)
  const [draft, setDraft] = useState<ParkDraft | null>(null)
  const [errors, setErrors] = useState<ParkFieldErrors>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const open = useCallback((r: ContentParkRow) => {
    setRow(r)
    setDraft(draftOf(r))
    setErrors({})
  }, [])
  const close = useCallback(() => {
    if (busy.current) return
    setRow(null)
    setDraft(null)
  }, [])
  const change = useCallback((patch: Partial<ParkDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d))
    setErrors((e) => {
      const next = { ...e }
      if ('price' in patch) delete next.price
      if ('order' in patch) delete next.featuredOrder
      if ('status' in patch) delete next.status
      return next
    })
  }, [])

  /** 'saved', 'unchanged', 'invalid' (field errors shown) or the request's error (for a toast). */
  const save = useCallback(async (): Promise<'saved' | 'unchanged' | 'invalid' | ApiError> => {
    if (!row || !draft || busy.current) return 'unchanged'
    const local: ParkFieldErrors = {}
    const priceText = draft.price.trim()
    if (priceText && !NUMBER_RE.test(priceText)) local.price = '请输入数字，留空表示面议'
    const orderText = draft.order.trim()
    if (orderText && !(/^\d+$/.test(orderText) && Number(orderText) <= FEATURED_ORDER_MAX))
      local.featuredOrder = `请输入 0–${FEATURED_ORDER_MAX} 的整数，留空表示不排序`
    if (Object.keys(local).length) {
      setErrors(local)
      return 'invalid'
    }
    const payload: UpdateParkPayload = { id: row.id }
    if (draft.status !== row.status) payload.status = draft.status
    const price = priceText ? { value: Number(priceText), unit: DEAL_PRICE_UNIT[row.deal] } : null
    if ((price?.value ?? null) !== (row.price?.value ?? null)) payload.price = price
    if (draft.featured !== row.featured) payload.featured = draft.featured
    const order = orderText ? Number(orderText) : null
    if (order !== row.featuredOrder) payload.featuredOrder = order
    if (Object.keys(payload).length === 1) {
      setRow(null)
      setDraft(null)
      return 'unchanged'
    }
    busy.current = true
    setSaving(true)
    try {
      const res = await saveParkEdit(payload)
      if (!res.ok) {
        if (res.error.code === 'VALIDATION' && res.error.fields) {
          const f = res.error.fields
          const price = f.price ?? f['price.value'] ?? f['price.unit']
          setErrors({
            ...(price ? { price } : {}),
            ...(f.featuredOrder ? { featuredOrder: f.featuredOrder } : {}),
            ...(f.status ? { status: f.status } : {}),
          })
          if (price || f.featuredOrder || f.status) return 'invalid'
        }
        return res.error
      }
      onSaved(res.data.park)
      setRow(null)
      setDraft(null)
      return 'saved'
    } finally {
      busy.current = false
      setSaving(false)
    }
  }, [row, draft, onSaved])

  return { row, draft, errors, saving, open, close, change, save }
}
