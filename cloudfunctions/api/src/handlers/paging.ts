/**
 * Keyset paging shared by every list handler: storage is asked for `limit + 1` rows, so
 * the extra row (never returned) tells whether a next page exists without a count query.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null }
}
