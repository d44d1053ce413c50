/**
 * The one response shape of every api action, in the cloud and over local HTTP.
 * Written once here and shared by the app and the cloud function.
 */
export type ErrorCode =
  | 'BAD_REQUEST' // the envelope is not { action, payload }
  | 'UNKNOWN_ACTION'
  | 'VALIDATION' // payload fields are missing or wrong; see `fields`
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'FORBIDDEN' // a staff action called by someone who is not (active) staff, or not an owner
  | 'CONFLICT' // the record changed since the caller read it (optimistic concurrency); nothing written
  | 'INTERNAL'
  // Client-side only: the call never got an answer.
  | 'NETWORK'

export interface ApiError {
  code: ErrorCode
  message: string
  /** Per-field Chinese messages, keyed by payload field name. */
  fields?: Record<string, string>
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data })

export const fail = (
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: ApiError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
})

/** Request bodies above this are refused before parsing (CloudBase's own limit is 100 KB). */
export const MAX_REQUEST_BYTES = 100 * 1024
