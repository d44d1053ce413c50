/**
 * Content security of visitor free text. Production: WeChat `security.msgSecCheck` v2
 * (adapters/wx-content-check.ts); local runtime and tests: a tiny keyword list
 * (adapters/keyword-content-check.ts).
 *
 *   pass    nothing found
 *   review  suspicious: keep the lead, flag it for a human
 *   risky   refuse the submission; the visitor is asked to rephrase
 *   error   the check could not decide (API error, bad answer): keep and flag, never drop a lead
 *
 * Adapters should not throw; callers treat a throw or a timeout as 'error' anyway.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'error'

export interface ContentCheckPort {
  check(text: string, openid: string): Promise<ContentVerdict>
}

/** msgSecCheck takes at most 2,500 characters per call. */
export const MAX_CHECK_CHARS = 2500
/** Pieces overlap by this much so a phrase cut at a boundary is still seen whole once. */
export const CHECK_OVERLAP = 50

/**
 * Splits text into pieces of at most `max` UTF-16 units, overlapping by `overlap`, never cutting
 * a surrogate pair. Short text is one piece.
 */
export function splitForCheck(text: string, max = MAX_CHECK_CHARS, overlap = CHECK_OVERLAP): string[] {
  if (text.length <= max) return [text]
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + max, text.length)
    // Do not end between the halves of a surrogate pair.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end -= 1
    pieces.push(text.slice(start, end))
    if (end >= text.length) break
    let next = end - overlap
    if (/[\udc00-\udfff]/.test(text[next])) next -= 1
    start = Math.max(next, start + 1)
  }
  return pieces
}

const SEVERITY: Record<ContentVerdict, number> = { pass: 0, error: 1, review: 2, risky: 3 }

/** The most severe verdict of several pieces: risky > review > error > pass. */
export function worstVerdict(verdicts: ContentVerdict[]): ContentVerdict {
  return verdicts.reduce<ContentVerdict>((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), 'pass')
}
