/**
 * Keyword search, the same in both adapters: a case-insensitive substring match, the keyword
 * taken literally. Each record's searchable fields are joined one per line; keywords never
 * hold control characters (the schema strips them), so no match spans two fields.
 */

/** Park keyword text: name, address, industries, highlights. */
export function parkSearchText(park: {
  name: string
  address: string
  industries: string[]
  highlights: string[]
}): string {
  return [park.name, park.address, ...park.industries, ...park.highlights].join('\n')
}

/** Article keyword text: title, summary, tags. */
export function articleSearchText(article: { title: string; summary: string; tags: string[] }): string {
  return [article.title, article.summary, ...article.tags].join('\n')
}

/** A LIKE pattern matching `keyword` anywhere, for `LIKE ? ESCAPE '\'`. */
export function likeContains(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `keyword` as a regular-expression source that matches it literally. */
export function escapeRegExp(keyword: string): string {
  return keyword.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`)
}
