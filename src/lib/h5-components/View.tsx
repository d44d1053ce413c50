import { forwardRef, type HTMLAttributes } from 'react'

/** Mini-program-only props of View that mean nothing to a <div>. */
interface ViewOnlyProps {
  catchMove?: boolean
  hoverClass?: string
  hoverStartTime?: number
  hoverStayTime?: number
  animation?: unknown
}

/**
 * H5's View as a plain <div> (see index.ts). Taro's is a Stencil custom element: every instance
 * runs Stencil's render cycle, slot polyfill and touch listeners when it mounts, for an element
 * that only lays out its children. A page has hundreds; as divs, Lighthouse's script time on the
 * park page went from 579 to 421 ms and TBT from 136 to 88 ms (medians of 5). The props below
 * have no H5 behaviour in Taro either (catchMove is a mini-program scroll lock; nothing here
 * uses hoverClass).
 */
export const View = /*#__PURE__*/ forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & ViewOnlyProps>(
  function View(
    {
      catchMove: _catchMove,
      hoverClass: _hoverClass,
      hoverStartTime: _s,
      hoverStayTime: _t,
      animation: _a,
      ...rest
    },
    ref,
  ) {
    return <div ref={ref} {...rest} />
  },
)
