import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import './Chip.scss'

interface Props {
  label: string
  active?: boolean
  disabled?: boolean
  onTap?: () => void
}

/** A selectable pill (filters, presets). Disabled chips ignore taps. */
export function Chip({ label, active = false, disabled = false, onTap }: Props) {
  const cls = `park-chip${active ? ' park-chip--active' : ''}${disabled ? ' park-chip--disabled' : ''}`
  return (
    <View
      className={cls}
      {...tapTarget({ pressed: active, disabled })}
      onClick={disabled ? undefined : onTap}
    >
      <Text>{label}</Text>
    </View>
  )
}
