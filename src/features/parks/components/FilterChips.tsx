import { CHOICE_FILTERS, type ChoiceFilter, type ParkFilters } from '../query'
import { Chip } from './Chip'

type Value<K extends ChoiceFilter> = NonNullable<ParkFilters[K]>

interface Props<K extends ChoiceFilter> {
  filter: K
  chosen: ParkFilters[K]
  onTap: (value: Value<K>) => void
}

/** One chip per value of a list filter (区域, 类型, 租售) in display order, the chosen one active. */
export function FilterChips<K extends ChoiceFilter>({ filter, chosen, onTap }: Props<K>) {
  // Each entry of CHOICE_FILTERS pairs a filter's values with their labels; TypeScript cannot
  // follow that pairing through the generic key, so say it once here.
  const { values, labels } = CHOICE_FILTERS[filter] as unknown as {
    values: readonly Value<K>[]
    labels: Record<Value<K>, string>
  }
  return (
    <>
      {values.map((value) => (
        <Chip key={value} label={labels[value]} active={chosen === value} onTap={() => onTap(value)} />
      ))}
    </>
  )
}
