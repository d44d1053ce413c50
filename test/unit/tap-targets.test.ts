import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/*
 * On H5, Taro renders View, Text and Button as custom elements with no role and no tab stop, so
 * every tappable element spreads `tapTarget()` (src/components/a11y.ts). This walks the source
 * and fails on a JSX element with `onClick` that does not, so a new tappable thing cannot slip
 * past screen readers unnoticed.
 */
const SRC = path.resolve(__dirname, '../../src')

/** Components that spread tapTarget inside themselves, and elements that carry their own role. */
const SELF_LABELLED = new Set(['Chip'])
const ALLOWED = [
  // A tab list: role='tab' with aria-selected says more than role='button' would.
  { file: 'components/Tabs.tsx', tag: 'View' },
  // The dimmed backdrop behind the filter sheet: a pointer shortcut; the sheet has its own buttons.
  { file: 'features/parks/components/FilterPanel.tsx', tag: 'View', className: 'filter-panel__mask' },
  // The same backdrop behind the inbox's filter sheet (重置 / 确定 are its buttons).
  { file: 'features/leads/components/InboxFilters.tsx', tag: 'View', className: 'ui-sheet__mask' },
]

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return tsxFiles(full)
    return full.endsWith('.tsx') ? [full] : []
  })
}

/** The text of each JSX opening tag that has an onClick prop, with its tag name. */
function tagsWithOnClick(source: string): { tag: string; text: string }[] {
  const found: { tag: string; text: string }[] = []
  const open = /<([A-Z][A-Za-z.]*)\b/g
  let m: RegExpExecArray | null
  while ((m = open.exec(source))) {
    let depth = 0
    let i = m.index + 1
    for (; i < source.length; i++) {
      const c = source[i]
      if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0 && source[i - 1] !== '=') break
    }
    const text = source.slice(m.index, i)
    // Only this element's own props: nested braces were skipped by the depth count above.
    if (/\sonClick=/.test(text.replace(/\{[^{}]*\}/g, (s) => (s.startsWith('{...') ? s : '{}')))) {
      found.push({ tag: m[1], text })
    }
  }
  return found
}

describe('tappable elements are buttons to a screen reader on H5', () => {
  const files = tsxFiles(SRC)

  it('finds the tappable elements it checks (the scan itself works)', () => {
    const all = files.flatMap((f) => tagsWithOnClick(readFileSync(f, 'utf8')))
    expect(all.length).toBeGreaterThan(40)
    expect(tagsWithOnClick(`<View className='x' onClick={() => go()}>`)).toHaveLength(1)
    expect(tagsWithOnClick(`<View className='x'>{items.map((i) => <Text key={i} />)}</View>`)).toHaveLength(0)
  })

  it('every element with onClick spreads tapTarget()', () => {
    const missing: string[] = []
    for (const file of files) {
      const rel = path.relative(SRC, file)
      for (const { tag, text } of tagsWithOnClick(readFileSync(file, 'utf8'))) {
        if (text.includes('tapTarget(')) continue
        if (SELF_LABELLED.has(tag)) continue
        const allowed = ALLOWED.some(
          (a) => a.file === rel && a.tag === tag && (!a.className || text.includes(a.className)),
        )
        if (!allowed) missing.push(`${rel}: ${text.split('\n')[0].slice(0, 80)}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('Chip spreads tapTarget itself', () => {
    expect(readFileSync(path.join(SRC, 'components/Chip.tsx'), 'utf8')).toContain('tapTarget(')
  })
})
