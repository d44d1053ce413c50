import { useState } from 'react'
import { View, Text, Input, Button } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { Deal, ListingType } from '@/domain/park'
import {
  AREA_PRESETS,
  PRICE_PRESETS,
  PRICE_RANGE_UNITS,
  matchPreset,
  normaliseFilters,
  type ParkFilters,
  type RangePreset,
} from '../query'
import { AREA_ORDER_MESSAGE, inOrder } from '@/domain/range'
import { Chip } from './Chip'
import { FilterChips } from './FilterChips'
import '@/components/ui.scss'
import './FilterPanel.scss'

interface Props {
  filters: ParkFilters
  onApply: (next: ParkFilters) => void
  onClose: () => void
}

interface Draft {
  type?: ListingType
  deal?: Deal
  areaMin?: number
  areaMax?: number
  /** Custom area bounds as typed; when either is filled they win over a preset. */
  areaMinText: string
  areaMaxText: string
  priceMin?: number
  priceMax?: number
}

function draftOf(f: ParkFilters): Draft {
  const preset = matchPreset(AREA_PRESETS, f.areaMin, f.areaMax)
  const custom = !preset && (f.areaMin !== undefined || f.areaMax !== undefined)
  return {
    type: f.type,
    deal: f.deal,
    areaMin: f.areaMin,
    areaMax: f.areaMax,
    areaMinText: custom && f.areaMin !== undefined ? String(f.areaMin) : '',
    areaMaxText: custom && f.areaMax !== undefined ? String(f.areaMax) : '',
    priceMin: f.priceMin,
    priceMax: f.priceMax,
  }
}

const EMPTY_DRAFT: Draft = { areaMinText: '', areaMaxText: '' }

/**
 * H5 draws the tab bar inside the viewport, over anything fixed at bottom 0: the sheet stops
 * above it. (Inline, because the build's CSS pipeline rewrites custom properties.) WeChat's
 * native tab bar is outside the page: nothing to avoid there.
 */
const ABOVE_H5_TAB_BAR =
  process.env.TARO_ENV === 'h5'
    ? { bottom: 'calc(var(--taro-tabbar-height, 50px) + env(safe-area-inset-bottom))' }
    : undefined

/** '' → undefined; '800' → 800; anything else → NaN (reported). */
function parseBound(text: string): number | undefined {
  const t = text.trim()
  if (!t) return undefined
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN
}

interface PresetChipsProps {
  presets: readonly RangePreset[]
  chosen: RangePreset | undefined
  disabled?: boolean
  onTap: (preset: RangePreset) => void
}

/** A range's preset bands (面积, 价格); tapping the chosen one again clears it (see onTap). */
function PresetChips({ presets, chosen, disabled, onTap }: PresetChipsProps) {
  return (
    <View className='filter-panel__options'>
      {presets.map((p) => (
        <Chip
          key={p.key}
          label={p.label}
          active={chosen?.key === p.key}
          disabled={disabled}
          onTap={() => onTap(p)}
        />
      ))}
    </View>
  )
}

interface BoundInputProps {
  value: string
  /** Also its accessible name: the field has no visible label of its own. */
  placeholder: string
  onInput: (text: string) => void
}

/** One end of a custom range, typed as digits (checked on 确定 by parseBound). */
function BoundInput({ value, placeholder, onInput }: BoundInputProps) {
  return (
    <Input
      className='filter-panel__input'
      type='digit'
      value={value}
      placeholder={placeholder}
      maxlength={8}
      onInput={(e) => onInput(e.detail.value)}
      ariaLabel={placeholder}
    />
  )
}

/**
 * The 筛选 sheet: type, deal, area (presets or custom bounds) and price bands of the chosen
 * deal. Edits stay in a draft until 确定; 重置 clears the draft. District and keyword are
 * set outside (chips, search box) and kept as they are.
 */
export function FilterPanel({ filters, onApply, onClose }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters))
  const [error, setError] = useState('')

  const update = (patch: Partial<Draft>) => {
    setError('')
    setDraft((d) => ({ ...d, ...patch }))
  }
  const reset = () => {
    setError('')
    setDraft({ ...EMPTY_DRAFT })
  }
  const customArea = Boolean(draft.areaMinText || draft.areaMaxText)
  const areaPreset = customArea ? undefined : matchPreset(AREA_PRESETS, draft.areaMin, draft.areaMax)
  const pricePresets = draft.deal ? PRICE_PRESETS[draft.deal] : PRICE_PRESETS.rent
  const pricePreset = draft.deal ? matchPreset(pricePresets, draft.priceMin, draft.priceMax) : undefined

  const toggleArea = (p: RangePreset) =>
    update(
      areaPreset?.key === p.key
        ? { areaMin: undefined, areaMax: undefined, areaMinText: '', areaMaxText: '' }
        : { areaMin: p.min, areaMax: p.max, areaMinText: '', areaMaxText: '' },
    )
  const togglePrice = (p: RangePreset) =>
    update(
      pricePreset?.key === p.key
        ? { priceMin: undefined, priceMax: undefined }
        : { priceMin: p.min, priceMax: p.max },
    )
  // A price band belongs to one deal: changing the deal drops it.
  const chooseDeal = (deal: Deal) =>
    update({ deal: draft.deal === deal ? undefined : deal, priceMin: undefined, priceMax: undefined })

  const apply = () => {
    let { areaMin, areaMax } = draft
    if (customArea) {
      areaMin = parseBound(draft.areaMinText)
      areaMax = parseBound(draft.areaMaxText)
      if (Number.isNaN(areaMin) || Number.isNaN(areaMax)) {
        setError('面积请填写数字')
        return
      }
      if (!inOrder(areaMin, areaMax)) {
        setError(AREA_ORDER_MESSAGE)
        return
      }
    }
    onApply(
      normaliseFilters({
        ...filters,
        type: draft.type,
        deal: draft.deal,
        areaMin,
        areaMax,
        priceMin: draft.deal ? draft.priceMin : undefined,
        priceMax: draft.deal ? draft.priceMax : undefined,
      }),
    )
  }

  return (
    <View className='ui-layer filter-panel' catchMove style={ABOVE_H5_TAB_BAR}>
      <View className='ui-layer__mask filter-panel__mask' onClick={onClose} />
      <View className='ui-layer__sheet filter-panel__sheet' role='dialog' aria-label='筛选条件'>
        <View className='filter-panel__head'>
          <Text className='filter-panel__title'>筛选</Text>
          <View className='filter-panel__close' {...tapTarget({ label: '关闭筛选' })} onClick={onClose}>
            <Text>×</Text>
          </View>
        </View>

        <View className='filter-panel__body'>
          <Text className='filter-panel__label'>类型</Text>
          <View className='filter-panel__options'>
            <FilterChips
              filter='type'
              chosen={draft.type}
              onTap={(t) => update({ type: draft.type === t ? undefined : t })}
            />
          </View>

          <Text className='filter-panel__label'>租售</Text>
          <View className='filter-panel__options'>
            <FilterChips filter='deal' chosen={draft.deal} onTap={chooseDeal} />
          </View>

          <Text className='filter-panel__label'>面积</Text>
          <PresetChips presets={AREA_PRESETS} chosen={areaPreset} onTap={toggleArea} />
          <View className='filter-panel__custom'>
            <BoundInput
              value={draft.areaMinText}
              placeholder='最小面积'
              onInput={(areaMinText) => update({ areaMinText })}
            />
            <Text className='filter-panel__dash'>–</Text>
            <BoundInput
              value={draft.areaMaxText}
              placeholder='最大面积'
              onInput={(areaMaxText) => update({ areaMaxText })}
            />
            <Text className='filter-panel__unit'>㎡</Text>
          </View>

          <Text className='filter-panel__label'>
            价格{draft.deal ? `（${PRICE_RANGE_UNITS[draft.deal]}）` : ''}
          </Text>
          {draft.deal ? null : <Text className='filter-panel__hint'>请先选择出租或出售，再选价格区间</Text>}
          <PresetChips
            presets={pricePresets}
            chosen={pricePreset}
            disabled={!draft.deal}
            onTap={togglePrice}
          />

          {error ? (
            <View className='filter-panel__error' role='alert'>
              <Text>{error}</Text>
            </View>
          ) : null}
        </View>

        <View className='filter-panel__foot'>
          <Button className='ui-btn ui-btn--compact filter-panel__reset' {...tapTarget()} onClick={reset}>
            重置
          </Button>
          <Button
            className='ui-btn ui-btn--compact ui-btn--primary filter-panel__apply'
            {...tapTarget()}
            onClick={apply}
          >
            确定
          </Button>
        </View>
      </View>
    </View>
  )
}
