import { Text } from '@tarojs/components'
import { tapTarget } from './a11y'
import './ui.scss'

interface Props {
  label: string
  /** Selected (filled) look. */
  active?: boolean
  /** `tag`: the small "#标签" look used under articles. */
  variant?: 'chip' | 'tag'
  onClick?: () => void
}

/** A pill for quick filters (districts) and tappable tags. */
export function Chip({ label, active = false, variant = 'chip', onClick }: Props) {
  const cls = `chip chip--${variant}${active ? ' chip--active' : ''}${onClick ? ' chip--tappable' : ''}`
  return (
    <Text
      className={cls}
      {...(onClick ? tapTarget({ pressed: active || undefined }) : {})}
      onClick={onClick}
      data-label={label}
    >
      {variant === 'tag' ? `#${label}` : label}
    </Text>
  )
}
