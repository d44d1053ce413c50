// Not from './schemas': that module builds valibot schemas on import, which the main
// package would then carry for nothing.
import { PARK_ID_RE } from './park'

/**
 * QR-code entry. `wxacode.getUnlimited` carries a `scene` of at most 32 visible characters
 * from a small alphabet; ours is `k=v` pairs joined by `&`:
 *   p=<park id>     open a park          e.g. "p=p012&s=pst01"
 *   a=<article id>  open an article
 *   s=<source>      where the code was printed / shared (attributed to leads)
 * Anything malformed falls back to the home page; nothing here throws.
 */
export const MAX_SCENE_LENGTH = 32
const SCENE_ALPHABET = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]*$/
/** Source codes (QR print runs, share): plain tokens. */
export const SOURCE_RE = /^[0-9a-zA-Z_-]{1,16}$/
/** What a visit or a lead with no source is attributed to (the channel funnel's 直接访问 row). */
export const DIRECT_SOURCE = 'direct'
// Narrower than article ids in general: `a=` + id must leave room for a source.
const SCENE_ARTICLE_ID_RE = /^[a-z0-9-]{1,29}$/

export type EntryTarget =
  | { page: 'home'; source?: string }
  | { page: 'park'; id: string; source?: string }
  | { page: 'article'; id: string; source?: string }

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

export function parseScene(raw: unknown): EntryTarget {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_SCENE_LENGTH * 3)
    return { page: 'home' }
  // WeChat hands the page an encoded scene; a second encoding layer is tolerated too.
  let scene = safeDecode(raw)
  if (scene !== null && /%[0-9a-f]{2}/i.test(scene)) scene = safeDecode(scene)
  if (
    scene === null ||
    scene.length === 0 ||
    scene.length > MAX_SCENE_LENGTH ||
    !SCENE_ALPHABET.test(scene)
  ) {
    return { page: 'home' }
  }
  const pairs = new Map<string, string>()
  for (const part of scene.split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const key = part.slice(0, eq)
    if (!pairs.has(key)) pairs.set(key, part.slice(eq + 1))
  }
  const sourceRaw = pairs.get('s')
  const source = sourceRaw && SOURCE_RE.test(sourceRaw) ? sourceRaw : undefined
  const withSource = <T extends EntryTarget>(t: T): T => (source ? { ...t, source } : t)

  const park = pairs.get('p')
  if (park && PARK_ID_RE.test(park)) return withSource({ page: 'park', id: park })
  const article = pairs.get('a')
  if (article && SCENE_ARTICLE_ID_RE.test(article)) return withSource({ page: 'article', id: article })
  return withSource({ page: 'home' })
}

/** The scene to print on a QR code; null when it would not fit in 32 characters. */
export function buildScene(target: EntryTarget): string | null {
  const parts: string[] = []
  if (target.page === 'park') parts.push(`p=${target.id}`)
  if (target.page === 'article') parts.push(`a=${target.id}`)
  if (target.source) parts.push(`s=${target.source}`)
  const scene = parts.join('&')
  return scene.length <= MAX_SCENE_LENGTH && parseSceneRoundTrips(scene, target) ? scene : null
}

function parseSceneRoundTrips(scene: string, target: EntryTarget): boolean {
  const back = parseScene(scene)
  return (
    back.page === target.page &&
    back.source === target.source &&
    ('id' in back ? back.id : '') === ('id' in target ? target.id : '')
  )
}

/** Source codes are plain tokens; anything else is dropped rather than stored. */
export function normaliseSource(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const decoded = safeDecode(raw)
  return decoded && SOURCE_RE.test(decoded) ? decoded : undefined
}
