import { forwardRef, type HTMLAttributes } from 'react'

interface TextOnlyProps {
  /** Selectable text (as in the mini program, text is not selectable otherwise). */
  userSelect?: boolean
  selectable?: boolean
}

/** H5's Text as a plain <span> (see View.tsx for why). */
export const Text = /*#__PURE__*/ forwardRef<
  HTMLSpanElement,
  HTMLAttributes<HTMLSpanElement> & TextOnlyProps
>(function Text({ userSelect, selectable, className, ...rest }, ref) {
  const base = userSelect || selectable ? 'h5-text h5-text--selectable' : 'h5-text'
  return <span ref={ref} className={className ? `${base} ${className}` : base} {...rest} />
})
