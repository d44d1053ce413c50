import { readJson, writeJson } from '@/lib/storage'
import { DRAFT_KEY } from './draftKey'

export { DRAFT_KEY, clearDraft } from './draftKey'
import {
  EMPTY_VALUES,
  isDistrict,
  isNeedType,
  isTaxBracket,
  MAX_LENGTHS,
  type InquiryFormValues,
} from './form'

/**
 * The unsent form, kept on the device while the visitor types (so leaving the page or a crash
 * loses nothing) and removed once the inquiry is sent or queued. Consent is never stored:
 * it is given again, on purpose, for each submission.
 */
export const DRAFT_SAVE_DELAY_MS = 300

export type DraftValues = Omit<InquiryFormValues, 'consent'>

export interface InquiryDraft {
  values: DraftValues
  /** The fill's idempotency key: a resubmission of this draft is the same inquiry. */
  idempotencyKey: string
  savedAt: string
}

const KEY_RE = /^[A-Za-z0-9_-]{16,64}$/

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '')

/** null when there is none, or it is not what this version writes (then it is ignored). */
export function loadDraft(): InquiryDraft | null {
  const stored = readJson<unknown>(DRAFT_KEY, null)
  if (!stored || typeof stored !== 'object') return null
  const { values, idempotencyKey, savedAt } = stored as Partial<Record<keyof InquiryDraft, unknown>>
  if (
    !values ||
    typeof values !== 'object' ||
    typeof idempotencyKey !== 'string' ||
    !KEY_RE.test(idempotencyKey)
  )
    return null
  const v = values as Record<string, unknown>
  return {
    values: {
      needType: isNeedType(v.needType) ? v.needType : '',
      areaMin: text(v.areaMin, MAX_LENGTHS.areaMin),
      areaMax: text(v.areaMax, MAX_LENGTHS.areaMax),
      industry: text(v.industry, MAX_LENGTHS.industry),
      district: isDistrict(v.district) ? v.district : '',
      taxBracket: isTaxBracket(v.taxBracket) ? v.taxBracket : '',
      company: text(v.company, MAX_LENGTHS.company),
      contactName: text(v.contactName, MAX_LENGTHS.contactName),
      phone: text(v.phone, MAX_LENGTHS.phone),
      remark: text(v.remark, MAX_LENGTHS.remark),
    },
    idempotencyKey,
    savedAt: typeof savedAt === 'string' ? savedAt : '',
  }
}

export function saveDraft(values: InquiryFormValues, idempotencyKey: string, now = new Date()): void {
  const { consent: _consent, ...rest } = values
  writeJson(DRAFT_KEY, {
    values: rest,
    idempotencyKey,
    savedAt: now.toISOString(),
  } satisfies InquiryDraft)
}

export const draftValues = (draft: InquiryDraft): InquiryFormValues => ({
  ...EMPTY_VALUES,
  ...draft.values,
  consent: false,
})
