import { normaliseSource } from '@/domain/scene'

/**
 * Where this visit came from (a QR code's `s=` or a shared link's `src=`), remembered for
 * the session so a lead can be attributed to it. First touch wins within a session.
 */
let sessionSource: string | undefined

export function rememberSource(raw: unknown): void {
  const source = normaliseSource(raw)
  if (source && !sessionSource) sessionSource = source
}

export function getSessionSource(): string | undefined {
  return sessionSource
}

/** For tests: a new session. */
export function resetSessionSource(): void {
  sessionSource = undefined
}
