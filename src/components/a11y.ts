/**
 * On H5 a View is a plain <div> (src/lib/h5-components) and Button a custom element
 * (`taro-button-core`), neither with a role or a tab stop, so a screen reader reads a tappable one
 * as plain text. `role`, `tabIndex` and `aria-*` props reach both as attributes (checked in
 * Chromium), so anything tappable spreads `tapTarget(...)`.
 *
 * The mini program's templates drop these attributes anyway (WeChat's own screen reader reads
 * `aria-role`, which Taro's templates do not emit): nothing is added there, so the weapp's
 * setData payload stays as it was.
 */
type KeyLike = { key?: string; preventDefault?: () => void; currentTarget?: unknown }

/** Enter and Space activate a focused button, as they do a native one. */
function activateOnKey(e: KeyLike): void {
  if (e.key !== 'Enter' && e.key !== ' ') return
  e.preventDefault?.()
  const target = e.currentTarget as { click?: () => void } | undefined
  target?.click?.()
}

export interface TapTargetOptions {
  /** The accessible name, when the visible text alone would not say what the tap does. */
  label?: string
  /** A toggle (收藏, a selected chip): announced as pressed or not. */
  pressed?: boolean
  disabled?: boolean
}

export function tapTarget(options: TapTargetOptions = {}): Record<string, unknown> {
  if (process.env.TARO_ENV === 'weapp') return {}
  const props: Record<string, unknown> = {
    role: 'button',
    tabIndex: options.disabled ? -1 : 0,
    onKeyDown: activateOnKey,
  }
  if (options.label) props['aria-label'] = options.label
  if (options.pressed !== undefined) props['aria-pressed'] = options.pressed
  if (options.disabled) props['aria-disabled'] = true
  return props
}
