import type { ContentVerdict } from '../ports/content-check'

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
