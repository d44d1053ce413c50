/**
 * Page parameters come from links anyone can write (shared cards, QR codes, a typed URL):
 * reading them never throws. A `%` that does not start a valid escape (`?id=%E0%A4%A`) makes
 * decodeURIComponent throw a URIError during render; here it leaves the raw text, which then
 * fails the id check like any other bad id.
 */
export function decodeParam(raw: string | undefined | null): string {
  if (typeof raw !== 'string' || raw === '') return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A decoded id that passes `pattern`, or undefined (then the page shows "not found"). */
export function idParam(raw: string | undefined | null, pattern: RegExp): string | undefined {
  const id = decodeParam(raw).trim()
  return id && pattern.test(id) ? id : undefined
}
