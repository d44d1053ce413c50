import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { ARTICLE_CATEGORY_LABELS } from '@/domain/article'
import type { ContentArticleRow, ContentParkRow } from '@/domain/content-edit'
import { formatPrice } from '@/domain/format-quantity'
import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS, PARK_STATUS_LABELS } from '@/domain/park'
import './ContentDesk.scss'

/** One park: name, status, price, featured (and its order); a tap opens the edit panel. */
export const ParkRowItem = memo(function ParkRowItem({
  row,
  onOpen,
}: {
  row: ContentParkRow
  onOpen: (row: ContentParkRow) => void
}) {
  return (
    <View
      className='content-row'
      {...tapTarget({ label: `编辑${row.name}` })}
      onClick={() => onOpen(row)}
      data-id={row.id}
    >
      <View className='content-row__main'>
        <Text className='content-row__title'>{row.name}</Text>
        <Text className='content-row__meta'>
          {DISTRICT_LABELS[row.district]} · {LISTING_TYPE_LABELS[row.type]} · {DEAL_LABELS[row.deal]} ·{' '}
          {formatPrice(row.price)}
        </Text>
      </View>
      <View className='content-row__tags'>
        <Text className={`content-tag content-tag--${row.status}`}>{PARK_STATUS_LABELS[row.status]}</Text>
        {row.featured ? (
          <Text className='content-tag content-tag--featured'>
            推荐{row.featuredOrder !== null ? ` #${row.featuredOrder}` : ''}
          </Text>
        ) : null}
      </View>
      <Text className='content-row__arrow'>›</Text>
    </View>
  )
})

function Toggle({
  label,
  on,
  disabled,
  onToggle,
}: {
  label: string
  on: boolean
  disabled: boolean
  onToggle: () => void
}) {
  return (
    <View
      className={`content-switch${on ? ' content-switch--on' : ''}${disabled ? ' content-switch--busy' : ''}`}
      {...tapTarget({ label, pressed: on, disabled })}
      role='switch'
      aria-checked={on}
      onClick={disabled ? undefined : onToggle}
    >
      <Text className='content-switch__label'>{label}</Text>
      <View className='content-switch__track'>
        <View className='content-switch__knob' />
      </View>
    </View>
  )
}

/** One article: title, category, and its two switches (推荐, 隐藏), each saved on tap. */
export const ArticleRowItem = memo(function ArticleRowItem({
  row,
  busy,
  onToggle,
}: {
  row: ContentArticleRow
  busy: boolean
  onToggle: (row: ContentArticleRow, field: 'featured' | 'hidden') => void
}) {
  return (
    <View className='content-row content-row--article' data-id={row.id}>
      <View className='content-row__main'>
        <Text className={`content-row__title${row.hidden ? ' content-row__title--hidden' : ''}`}>
          {row.title}
        </Text>
        <Text className='content-row__meta'>
          {ARTICLE_CATEGORY_LABELS[row.category]} · {row.publishedAt.slice(0, 10)}
          {row.hidden ? ' · 已隐藏' : ''}
        </Text>
      </View>
      <View className='content-row__switches'>
        <Toggle label='推荐' on={row.featured} disabled={busy} onToggle={() => onToggle(row, 'featured')} />
        <Toggle label='隐藏' on={row.hidden} disabled={busy} onToggle={() => onToggle(row, 'hidden')} />
      </View>
    </View>
  )
})
