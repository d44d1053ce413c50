/**
 * DOM stand-ins for `@tarojs/components`: enough markup and events for Testing Library.
 * Taro-only props are kept visible as data-* attributes so tests can assert them; events
 * that carry a `detail` (input, change, swiper) are adapted from DOM events.
 */
import type { ReactNode } from 'react'

type Props = Record<string, any> & { children?: ReactNode; className?: string }

function domProps(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || value === undefined) continue
    if (
      key === 'onClick' ||
      key === 'className' ||
      key === 'role' ||
      key === 'id' ||
      key.startsWith('aria-') ||
      key.startsWith('data-')
    ) {
      out[key] = value
    } else if (key === 'ariaLabel') {
      out['aria-label'] = value
    } else if (typeof value !== 'function' && typeof value !== 'object') {
      out[`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = String(value)
    } else if (Array.isArray(value) || (value && typeof value === 'object')) {
      out[`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = JSON.stringify(value)
    }
  }
  return out
}

export const View = (p: Props) => <div {...domProps(p)}>{p.children}</div>
export const Text = (p: Props) => <span {...domProps(p)}>{p.children}</span>
export const Label = (p: Props) => <label {...domProps(p)}>{p.children}</label>
export const Button = (p: Props) => (
  <button type='button' disabled={Boolean(p.disabled)} {...domProps(p)}>
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
export const Swiper = (p: Props) => (
  <div {...domProps(p)} data-swiper='true'>
    {p.children}
  </div>
)
export const SwiperItem = View
export const Map = (p: Props) => <div {...domProps(p)} data-map='true' />
export const Navigator = View
export const Block = (p: Props) => <>{p.children}</>

/** Input: typing fires Taro-style onInput({ detail: { value } }); blur and confirm likewise. */
export const Input = (p: Props) => (
  <input
    {...domProps({ ...p, value: undefined })}
    value={p.value ?? ''}
    placeholder={p.placeholder}
    maxLength={p.maxlength ?? p.maxLength}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => p.onBlur?.({ detail: { value: e.target.value } })}
    onKeyDown={(e) =>
      e.key === 'Enter' && p.onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
    }
  />
)
export const Textarea = (p: Props) => (
  <textarea
    {...domProps({ ...p, value: undefined })}
    value={p.value ?? ''}
    placeholder={p.placeholder}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => p.onBlur?.({ detail: { value: e.target.value } })}
  />
)
export const Checkbox = (p: Props) => (
  <input type='checkbox' checked={Boolean(p.checked)} readOnly {...domProps({ ...p, checked: undefined })} />
)
export const CheckboxGroup = (p: Props) => <div {...domProps(p)}>{p.children}</div>
/** A change is fired on its hidden input: fireEvent.change(input, { target: { value } }). */
export const Picker = (p: Props) => (
  <div {...domProps(p)} data-picker='true'>
    {p.children}
    <input
      hidden
      data-picker-input='true'
      value={p.value ?? ''}
      onChange={(e) => p.onChange?.({ detail: { value: e.target.value } })}
    />
  </div>
)
