import { ARTICLE_ID_RE } from '@/domain/article'
import {
  INQUIRY_LIMITS,
  InquirySchema,
  NEED_TYPES,
  TAX_BRACKETS,
  type InquiryPayload,
  type NeedType,
  type TaxBracket,
} from '@/domain/inquiry'
import { DISTRICTS, PARK_ID_RE, type District, type ListingType } from '@/domain/park'
import { SOURCE_RE } from '@/domain/scene'
import { validate } from '@/domain/schemas'

/**
 * The form's model: what the visitor types (strings, as inputs give them), how it becomes the
 * domain's InquiryInput, and the Chinese messages of the ONE schema (InquirySchema) mapped
 * back onto the form's fields.
 */
export interface InquiryFormValues {
  needType: NeedType | ''
  /** m², as typed; empty = not given. */
  areaMin: string
  areaMax: string
  industry: string
  district: District | ''
  taxBracket: TaxBracket | ''
  company: string
  contactName: string
  phone: string
  remark: string
  consent: boolean
}

export type InquiryField = keyof InquiryFormValues
export type FieldErrors = Partial<Record<InquiryField, string>>

/** Top to bottom, as on screen: the first error is the one scrolled to. */
export const FIELD_ORDER: readonly InquiryField[] = [
  'needType',
  'areaMin',
  'areaMax',
  'industry',
  'district',
  'taxBracket',
  'company',
  'contactName',
  'phone',
  'remark',
  'consent',
]
const FIELDS = new Set<string>(FIELD_ORDER)

export const EMPTY_VALUES: InquiryFormValues = {
  needType: '',
  areaMin: '',
  areaMax: '',
  industry: '',
  district: '',
  taxBracket: '',
  company: '',
  contactName: '',
  phone: '',
  remark: '',
  consent: false,
}

/** Input lengths. The phone box allows room for "+86 135-2467-8515" style input. */
export const MAX_LENGTHS = {
  areaMin: 9,
  areaMax: 9,
  industry: INQUIRY_LIMITS.industry,
  company: INQUIRY_LIMITS.company,
  contactName: INQUIRY_LIMITS.contactName,
  phone: 20,
  remark: INQUIRY_LIMITS.remark,
} as const

/** Where the form was opened from, attributed to the lead. */
export interface InquiryContext {
  parkId?: string
  articleId?: string
  source?: string
}

/**
 * Only well-formed ids reach the payload: a hand-edited link must not leave the visitor with
 * an error on a field they cannot see or fix.
 */
export function buildContext(raw: { parkId?: string; articleId?: string; source?: string }): InquiryContext {
  const context: InquiryContext = {}
  if (raw.parkId && PARK_ID_RE.test(raw.parkId)) context.parkId = raw.parkId
  if (raw.articleId && ARTICLE_ID_RE.test(raw.articleId)) context.articleId = raw.articleId
  if (raw.source && SOURCE_RE.test(raw.source)) context.source = raw.source
  return context
}

/** A park's listing → the need it most likely answers; used to preselect a chip. */
export function needTypeForListing(type?: string, deal?: string): NeedType | '' {
  switch (type as ListingType | undefined) {
    case 'factory':
    case 'warehouse':
      return deal === 'sale' ? 'buy-factory' : deal === 'rent' ? 'rent-factory' : ''
    case 'land':
      return 'buy-land'
    case 'office':
      return 'office'
    case 'registration':
      return 'registration'
    default:
      return ''
  }
}

export const isNeedType = (v: unknown): v is NeedType => (NEED_TYPES as readonly unknown[]).includes(v)
export const isDistrict = (v: unknown): v is District => (DISTRICTS as readonly unknown[]).includes(v)
export const isTaxBracket = (v: unknown): v is TaxBracket => (TAX_BRACKETS as readonly unknown[]).includes(v)

function toArea(text: string): number | undefined {
  const t = text.trim()
  // Not a number stays NaN so the schema says so ("最小面积必须是数字").
  return t === '' ? undefined : Number(t)
}

/**
 * The candidate payload. Every key is present (valibot reports a missing key with the object's
 * generic message; an undefined value gets the field's own message, e.g. 请选择需求类型).
 */
export function toCandidate(
  values: InquiryFormValues,
  idempotencyKey: string,
  context: InquiryContext,
): Record<string, unknown> {
  return {
    needType: values.needType || undefined,
    areaMin: toArea(values.areaMin),
    areaMax: toArea(values.areaMax),
    industry: values.industry,
    district: values.district || undefined,
    taxBracket: values.taxBracket || undefined,
    company: values.company,
    contactName: values.contactName,
    phone: values.phone,
    remark: values.remark,
    consent: values.consent,
    idempotencyKey,
    context,
  }
}

/** Schema field keys → form fields; anything else (context.parkId, idempotencyKey, _) is form-level. */
export function splitErrors(fields: Record<string, string>): { errors: FieldErrors; formError?: string } {
  const errors: FieldErrors = {}
  let formError: string | undefined
  for (const [key, message] of Object.entries(fields)) {
    if (FIELDS.has(key)) errors[key as InquiryField] ??= message
    else formError ??= message
  }
  return formError ? { errors, formError } : { errors }
}

export type FormValidation =
  { ok: true; payload: InquiryPayload } | { ok: false; errors: FieldErrors; formError?: string }

/** The whole form, as submit sees it: the payload is the schema's output (cleaned, normalised). */
export function validateForm(
  values: InquiryFormValues,
  idempotencyKey: string,
  context: InquiryContext,
): FormValidation {
  const result = validate(InquirySchema, toCandidate(values, idempotencyKey, context))
  if (result.ok) return { ok: true, payload: result.value }
  return { ok: false, ...splitErrors(result.fields) }
}

/**
 * Valid stand-ins for the required fields, so one field can be checked on its own (on blur)
 * by the same schema: the object's cross-field check (最小面积不能大于最大面积) only runs
 * once every field passes.
 */
const BASELINE: Record<string, unknown> = {
  needType: 'other',
  contactName: '访客',
  phone: '13800000000',
  consent: true,
  idempotencyKey: 'field-check-0000000000',
  context: {},
}

/** The schema's message for one field (undefined when it is fine), ignoring the other fields. */
export function fieldError(field: InquiryField, values: InquiryFormValues): string | undefined {
  const candidate = toCandidate(values, '', {})
  const related: InquiryField[] =
    field === 'areaMin' || field === 'areaMax' ? ['areaMin', 'areaMax'] : [field]
  const probe = { ...BASELINE }
  for (const key of related) probe[key] = candidate[key]
  const result = validate(InquirySchema, probe)
  return result.ok ? undefined : result.fields[field]
}

/** Whether anything worth keeping as a draft has been entered (consent alone is not). */
export function hasContent(values: InquiryFormValues): boolean {
  return FIELD_ORDER.some((f) => f !== 'consent' && String(values[f]).trim() !== '')
}
