import { Button, Input, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { ContentParkRow } from '@/domain/content-edit'
import {
  DEAL_LABELS,
  DEAL_PRICE_UNIT,
  FEATURED_ORDER_MAX,
  PARK_STATUS_LABELS,
  PARK_STATUSES,
  PRICE_UNIT_LABELS,
} from '@/domain/park'
import type { ParkDraft, ParkFieldErrors } from '../hooks/useParkEditor'
import '@/components/Panel.scss'
import './ContentDesk.scss'

interface Props {
  row: ContentParkRow
  draft: ParkDraft
  errors: ParkFieldErrors
  saving: boolean
  onChange: (patch: Partial<ParkDraft>) => void
  onSave: () => void
  onClose: () => void
}

/** The edit sheet of one park: status (segmented), price in the deal's unit, featured and its order. */
export function ParkEditPanel({ row, draft, errors, saving, onChange, onSave, onClose }: Props) {
  const unit = PRICE_UNIT_LABELS[DEAL_PRICE_UNIT[row.deal]]
  return (
    <View className='ui-sheet content-sheet' role='dialog' aria-label={`编辑${row.name}`}>
      <View className='ui-sheet__mask' {...tapTarget({ label: '关闭' })} onClick={onClose} />
      <View className='ui-sheet__panel content-sheet__panel'>
        <Text className='content-sheet__title'>{row.name}</Text>

        <Text className='content-sheet__label'>状态</Text>
        <View className='content-segments' role='radiogroup' aria-label='状态'>
          {PARK_STATUSES.map((s) => (
            <Text
              key={s}
              className={`content-segments__item${draft.status === s ? ' content-segments__item--on' : ''}`}
              {...tapTarget({ pressed: draft.status === s })}
              onClick={() => onChange({ status: s })}
            >
              {PARK_STATUS_LABELS[s]}
            </Text>
          ))}
        </View>
        {draft.status === 'withdrawn' ? (
          <Text className='content-sheet__hint'>下架后立即从列表、搜索和首页消失，详情页显示“已下架”。</Text>
        ) : null}
        {errors.status ? <Text className='ui-error'>{errors.status}</Text> : null}

        <Text className='content-sheet__label'>
          {DEAL_LABELS[row.deal]}价格（{unit}）
        </Text>
        <View className={`content-input${errors.price ? ' content-input--invalid' : ''}`}>
          <Input
            className='content-input__field'
            type='digit'
            value={draft.price}
            placeholder='留空表示面议'
            aria-label={`价格，单位${unit}`}
            onInput={(e) => onChange({ price: e.detail.value })}
          />
          <Text className='content-input__unit'>{unit}</Text>
        </View>
        {errors.price ? <Text className='ui-error'>{errors.price}</Text> : null}

        <View
          className={`content-switch content-switch--wide${draft.featured ? ' content-switch--on' : ''}`}
          {...tapTarget({ label: '首页推荐', pressed: draft.featured })}
          role='switch'
          aria-checked={draft.featured}
          onClick={() => onChange({ featured: !draft.featured })}
        >
          <Text className='content-switch__label'>首页推荐</Text>
          <View className='content-switch__track'>
            <View className='content-switch__knob' />
          </View>
        </View>
        {draft.featured ? (
          <>
            <Text className='content-sheet__label'>推荐排序（0–{FEATURED_ORDER_MAX}，数字小的在前）</Text>
            <View className={`content-input${errors.featuredOrder ? ' content-input--invalid' : ''}`}>
              <Input
                className='content-input__field'
                type='number'
                value={draft.order}
                placeholder='留空则排在有序号的之后'
                aria-label='推荐排序'
                onInput={(e) => onChange({ order: e.detail.value })}
              />
            </View>
          </>
        ) : null}
        {errors.featuredOrder ? <Text className='ui-error'>{errors.featuredOrder}</Text> : null}

        <View className='content-sheet__actions'>
          <Button
            className='content-sheet__button content-sheet__button--secondary'
            {...tapTarget({ disabled: saving })}
            disabled={saving || undefined}
            onClick={onClose}
          >
            <Text>取消</Text>
          </Button>
          <Button
            className='content-sheet__button'
            {...tapTarget({ disabled: saving })}
            disabled={saving || undefined}
            onClick={onSave}
          >
            <Text>{saving ? '正在保存…' : '保存'}</Text>
          </Button>
        </View>
      </View>
    </View>
  )
}
