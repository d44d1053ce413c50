/**
 * DOM stand-ins for `@tarojs/components`: enough markup and events for Testing Library.
 * Taro-only props are kept visible as data-* attributes so tests can assert them.
 */
import type { ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

function domProps(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children') continue
    if (
      key === 'onClick' ||
      key === 'className' ||
      key === 'role' ||
      key.startsWith('aria-') ||
      key.startsWith('data-')
    ) {
      out[key] = value
    } else if (key === 'ariaLabel') {
      out['aria-label'] = value
    } else if (typeof value !== 'function' && typeof value !== 'object') {
      out[`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = String(value)
    }
  }
  return out
}

export const View = (p: Props) => <div {...domProps(p)}>{p.children}</div>
export const Text = (p: Props) => <span {...domProps(p)}>{p.children}</span>
export const Button = (p: Props) => (
  <button type='button' {...domProps(p)}>
    {p.children}
  </button>
)
export const Image = (p: Props) => (
  <img src={String(p.src ?? '')} alt={String(p.ariaLabel ?? '')} {...domProps(p)} />
)
export const RichText = (p: Props) => (
  <div
    {...domProps({ ...p, nodes: undefined })}
    dangerouslySetInnerHTML={{ __html: String(p.nodes ?? '') }}
  />
)
export const ScrollView = View
export const Swiper = View
export const SwiperItem = View
