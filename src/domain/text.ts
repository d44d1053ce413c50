/**
 * Plain-text cleaning shared by the inquiry form, the cloud handler and search keywords.
 * No valibot and no dayjs here: list pages import it and stay small.
 *
 * The regexes use Unicode property escapes with the `u` flag. The weapp and H5 builds go
 * through babel-preset-taro (preset-env with the project's browserslist, down to iOS 8), which
 * rewrites them into explicit BMP ranges and surrogate pairs (~250 bytes); the cloud function
 * (Node 16+) and jest run them natively. So the character sets follow the Unicode data of the
 * toolchain, not a hand-copied list that goes stale.
 */

/** Replaces unpaired UTF-16 surrogates (no lookbehind: older iOS engines lack it). */
export function wellFormed(input: string): string {
  let out = ''
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = input.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += input[i] + input[i + 1]
        i++
      } else out += '\ufffd'
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd'
    else out += input[i]
  }
  return out
}

/**
 * Characters that draw nothing (or reorder what is drawn) and are removed wherever they are:
 * - Cc: C0/C1 controls, except \n and \t which the whitespace pass handles;
 * - Cf: every format character — bidi marks and isolates (U+061C, U+200E/F, U+202A–202E,
 *   U+2066–2069), zero-width space/joiners (U+200B–200D), U+2060–2064, U+180E, BOM, the
 *   interlinear annotations U+FFF9–FFFB, tag characters U+E0001, U+E0020–E007F, soft hyphen …;
 * - the rest of Default_Ignorable_Code_Point that is not a variation selector: combining
 *   grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer U+17B4/5,
 *   U+FFF0–FFF8 and the unassigned rest of U+E0000–E0FFF;
 * - U+2800 (blank braille pattern): drawn as a blank, the usual trick for an "empty" name;
 * - U+2028/U+2029 line and paragraph separators.
 * Line breaks and tabs are not in this set: the whitespace passes below fold them.
 */
const INVISIBLE =
  // Controls and lone combining marks (U+034F) in a class are exactly what is being removed.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\0-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u2028\u2029\u2800\u3164\uffa0\ufff0-\ufff8\u{e0000}-\u{e00ff}\u{e01f0}-\u{e0fff}]/gu

/**
 * Variation selectors (U+FE00–FE0F, the ideographic ones U+E0100–E01EF) and the Mongolian free
 * variation selectors (U+180B–180D, U+180F) choose a glyph for the character before them: a
 * rare surname's variant form (IVS), the emoji presentation of ❤️, Mongolian letter shapes. One
 * selector right after a visible character is kept; a run keeps its first, and a selector with
 * nothing to modify (at the start, after a space or a line break) goes.
 */
const SELECTORS = /[\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]+/gu

function keepAttachedSelector(run: string, offset: number, whole: string): string {
  // After the SPACES pass, a space and a line break are the only separators left.
  const before = offset > 0 ? whole.charCodeAt(offset - 1) : -1
  if (before === -1 || before === 0x20 || before === 0x0a) return ''
  // A supplementary-plane selector is two UTF-16 units: keep the whole first code point.
  return String.fromCodePoint(run.codePointAt(0) as number)
}

/** Every space-like character except the line break: folded to one ASCII space. */
const SPACES = /[^\S\n]+/g

/** Drops the invisible characters and folds spaces; line breaks (\n) are left to the caller. */
function visibleOnly(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(SPACES, ' ')
      .replace(SELECTORS, keepAttachedSelector)
      // Dropping a selector between two spaces leaves them side by side: fold again.
      .replace(SPACES, ' ')
  )
}

/**
 * Removes tags, every invisible character (see INVISIBLE) and surplus whitespace; what is left
 * is plain text someone can read. Newlines survive (for 备注) unless `singleLine`. A string of
 * only invisible characters comes out empty, so a required field reports itself as missing.
 * Cleaning is idempotent: cleanText(cleanText(s)) === cleanText(s).
 */
export function cleanText(input: string, singleLine = false): string {
  const text = visibleOnly(
    wellFormed(input)
      // \r\n and a lone \r are line breaks too (pasted from Windows or old Mac text).
      .replace(/\r\n?/g, '\n')
      .replace(/<[^>]*>?/g, ' '),
  )
  return text.replace(/ ?\n[\n ]*/g, singleLine ? ' ' : '\n').trim()
}

/** One line of plain text without tag stripping: what search keywords get. */
export function cleanLine(input: string): string {
  return visibleOnly(wellFormed(input).replace(/\r\n?|\n/g, ' ')).trim()
}
