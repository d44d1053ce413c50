import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InquiryInput } from '@/domain/inquiry'
import { needToQuery, type MatchNeed } from '@/domain/match-need'
import type { ApiError } from '@/domain/result'
import { INQUIRY_SUCCESS_PATH, withQuery } from '@/lib/routes'
import { submitInquiry } from '../api'
import { clearDraft, DRAFT_SAVE_DELAY_MS, draftValues, loadDraft, saveDraft } from '../draft'
import {
  EMPTY_VALUES,
  FIELD_ORDER,
  fieldError,
  hasContent,
  splitErrors,
  validateForm,
  type FieldErrors,
  type InquiryContext,
  type InquiryField,
  type InquiryFormValues,
} from '../form'
import { newIdempotencyKey } from '../idempotency'
import { enqueueInquiry } from '../outbox'

export type SuccessStatus = 'new' | 'review' | 'queued'

/** Shown in place of the form: what happened, following the outbox for a queued inquiry. */
export interface FormOutcome {
  mode: SuccessStatus
  /** The outbox keys this outcome follows (the one queued inquiry). */
  waitingKeys: ReadonlySet<string>
}

/**
 * The success page, with the need's fields when known, so it can recommend parks (only the
 * need: never a name, a phone or a company).
 */
export const successUrl = (status: SuccessStatus, need?: MatchNeed) =>
  withQuery(INQUIRY_SUCCESS_PATH, { status, ...(need ? needToQuery(need) : {}) })

/** The need part of a submitted inquiry. */
export function needOf(payload: InquiryInput): MatchNeed {
  return {
    needType: payload.needType,
    district: payload.district,
    areaMin: payload.areaMin,
    areaMax: payload.areaMax,
    industry: payload.industry,
    taxBracket: payload.taxBracket,
  }
}

export interface InquiryFormOptions {
  context: InquiryContext
  /** Shown in 我的咨询 for an inquiry waiting in the outbox. */
  parkName?: string
  /** Chips preselected from the park; they fill only what a restored draft left empty. */
  prefill?: Partial<Pick<InquiryFormValues, 'needType' | 'district'>>
  /** RATE_LIMITED offers the hotline when the agency's number is known. */
  onCallHotline?: () => void
}

function withPrefill(values: InquiryFormValues, prefill: InquiryFormOptions['prefill']): InquiryFormValues {
  return {
    ...values,
    needType: values.needType || prefill?.needType || '',
    district: values.district || prefill?.district || '',
  }
}

const AREA: readonly InquiryField[] = ['areaMin', 'areaMax']

function scrollToFirstError(errors: FieldErrors): void {
  const first = FIELD_ORDER.find((f) => errors[f])
  if (!first) return
  try {
    void Promise.resolve(Taro.pageScrollTo({ selector: `#inquiry-field-${first}`, duration: 200 })).catch(
      () => undefined,
    )
  } catch {
    // Scrolling is a courtesy; the messages are on screen either way.
  }
}

/**
 * The inquiry form's state: values, per-field messages (on blur, on submit, and from the
 * server), the draft, one submission at a time, and what happens after: the success page,
 * or, with no network, the outbox and the saved state shown in place. Nothing after the tap
 * on 提交咨询 may need the network: a page change would need a chunk that cannot load
 * offline on H5 and leave the visitor on a disabled button.
 */
export function useInquiryForm({ context, parkName, prefill, onCallHotline }: InquiryFormOptions) {
  const [initial] = useState(() => {
    const draft = loadDraft()
    if (draft && hasContent(draftValues(draft))) {
      return { values: withPrefill(draftValues(draft), prefill), key: draft.idempotencyKey, restored: true }
    }
    return { values: withPrefill(EMPTY_VALUES, prefill), key: newIdempotencyKey(), restored: false }
  })
  const [values, setValuesState] = useState<InquiryFormValues>(initial.values)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | undefined>()
  const [submitting, setSubmitting] = useState(false)
  const [restored, setRestored] = useState(initial.restored)
  const [outcome, setOutcome] = useState<FormOutcome | null>(null)

  // Handlers read these, not render-time values: a blur or a second tap can arrive before
  // React has re-rendered with the last keystroke.
  const valuesRef = useRef(values)
  const keyRef = useRef(initial.key)
  const submittingRef = useRef(false)
  /** Something was typed or chosen here (prefilled chips alone are not a draft). */
  const dirtyRef = useRef(false)
  /** Sent or queued: the draft must not be written again. */
  const doneRef = useRef(false)
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const persist = useCallback(() => {
    saveTimer.current = null
    if (doneRef.current || !dirtyRef.current) return
    if (hasContent(valuesRef.current)) saveDraft(valuesRef.current, keyRef.current)
    else clearDraft()
  }, [])

  // Leaving the page within the debounce window still keeps the last keystrokes.
  useEffect(
    () => () => {
      if (saveTimer.current) {
        clearTimeout(saveTimer.current)
        persist()
      }
    },
    [persist],
  )

  const setValues = useCallback(
    (next: InquiryFormValues) => {
      valuesRef.current = next
      dirtyRef.current = true
      setValuesState(next)
      if (saveTimer.current) clearTimeout(saveTimer.current)
      saveTimer.current = setTimeout(persist, DRAFT_SAVE_DELAY_MS)
    },
    [persist],
  )

  /** Typing: a field showing an error loses it as soon as it is right (it gains one on blur). */
  const setField = useCallback(
    <F extends InquiryField>(field: F, value: InquiryFormValues[F]) => {
      const next = { ...valuesRef.current, [field]: value }
      setValues(next)
      const recheck = AREA.includes(field) ? AREA : [field]
      setErrors((prev) => {
        if (!recheck.some((f) => prev[f])) return prev
        const updated = { ...prev }
        for (const f of recheck) if (updated[f] && !fieldError(f, next)) delete updated[f]
        return updated
      })
    },
    [setValues],
  )

  /** Leaving a field: its message (or none), by the same schema as submit. */
  const blur = useCallback(
    (field: InquiryField, typed?: string) => {
      let current = valuesRef.current
      if (typed !== undefined && typed !== current[field]) {
        current = { ...current, [field]: typed }
        setValues(current)
      }
      // The min/max check lands on areaMax: re-check the pair together.
      const recheck = AREA.includes(field) ? AREA.filter((f) => f === field || current[f] !== '') : [field]
      setErrors((prev) => {
        const updated = { ...prev }
        for (const f of recheck) {
          const message = fieldError(f, current)
          if (message) updated[f] = message
          else delete updated[f]
        }
        return updated
      })
    },
    [setValues],
  )

  const finish = useCallback(() => {
    doneRef.current = true
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = null
    clearDraft()
    // A new fill, should this form be used again, is a new inquiry.
    keyRef.current = newIdempotencyKey()
  }, [])

  const showServerError = useCallback(
    async (error: ApiError) => {
      if (error.code === 'VALIDATION') {
        const split = splitErrors(error.fields ?? {})
        const onFields = Object.keys(split.errors).length > 0
        setErrors(split.errors)
        setFormError(split.formError ?? (onFields ? undefined : error.message))
        scrollToFirstError(split.errors)
        return
      }
      if (error.code === 'RATE_LIMITED') {
        const res = await Taro.showModal({
          title: '提交过于频繁',
          content: error.message,
          showCancel: Boolean(onCallHotline),
          cancelText: '知道了',
          confirmText: onCallHotline ? '拨打热线' : '知道了',
        }).catch(() => ({ confirm: false }))
        if (res.confirm && onCallHotline) onCallHotline()
        return
      }
      await Taro.showModal({
        title: '提交未成功',
        content: `${error.message.replace(/[。.]$/, '')}。填写的内容已保存在本机，不会丢失。`,
        showCancel: false,
        confirmText: '知道了',
      }).catch(() => undefined)
    },
    [onCallHotline],
  )

  const submit = useCallback(async () => {
    if (submittingRef.current || doneRef.current) return
    const checked = validateForm(valuesRef.current, keyRef.current, context)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(checked.formError)
      scrollToFirstError(checked.errors)
      return
    }
    setErrors({})
    setFormError(undefined)
    submittingRef.current = true
    setSubmitting(true)

    const result = await submitInquiry(checked.payload)
    if (result.ok) {
      finish()
      const mode = result.data.status === 'review' ? 'review' : 'new'
      // Should the success page not open (the network went between the answer and its
      // chunk), the same message shows here.
      void Promise.resolve(Taro.redirectTo({ url: successUrl(mode, needOf(checked.payload)) })).catch(() =>
        setOutcome({ mode, waitingKeys: new Set() }),
      )
      return
    }
    if (result.error.code === 'NETWORK') {
      // Same key in the outbox: if this attempt did reach the server, the resend is a no-op.
      const item = enqueueInquiry(checked.payload, { parkName })
      finish()
      setOutcome({ mode: 'queued', waitingKeys: new Set([item.key]) })
      return
    }
    submittingRef.current = false
    setSubmitting(false)
    await showServerError(result.error)
  }, [context, parkName, finish, showServerError])

  /** 清空: an empty form (with the park's chips), a new key, no draft. */
  const clear = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = null
    clearDraft()
    dirtyRef.current = false
    keyRef.current = newIdempotencyKey()
    const fresh = withPrefill(EMPTY_VALUES, prefill)
    valuesRef.current = fresh
    setValuesState(fresh)
    setErrors({})
    setFormError(undefined)
    setRestored(false)
  }, [prefill])

  return { values, errors, formError, submitting, restored, outcome, setField, blur, submit, clear }
}

export type InquiryFormState = ReturnType<typeof useInquiryForm>
