import { useState } from 'react'
import { View, Text, Picker, Button } from '@tarojs/components'
import { Chip } from '@/components/Chip'
import { tapTarget } from '@/components/a11y'
import type { InboxFilters, SeenOptions } from '../hooks/useLeadInbox'
import { sourceLabel } from '@/domain/source-label'
import '@/components/Panel.scss'
import './InboxFilters.scss'

interface Props {
  value: InboxFilters
  staff: Array<{ id: string; name: string }>
  seen: SeenOptions
  onApply: (next: InboxFilters) => void
  onClose: () => void
}

/** The inbox's filter sheet: source, park, assignee and an arrival date range. */
export function InboxFiltersSheet({ value, staff, seen, onApply, onClose }: Props) {
  const [draft, setDraft] = useState<InboxFilters>(value)
  const set = (patch: Partial<InboxFilters>) => setDraft((d) => ({ ...d, ...patch }))
  return (
    <View className='ui-sheet inbox-filters' role='dialog' aria-label='筛选线索'>
      <View className='ui-sheet__mask' onClick={onClose} />
      <View className='ui-sheet__panel inbox-filters__sheet'>
        <Text className='inbox-filters__title'>筛选</Text>

        <Text className='inbox-filters__label'>负责人</Text>
        <View className='inbox-filters__chips'>
          <Chip label='全部' active={!draft.assigneeId} onClick={() => set({ assigneeId: undefined })} />
          <Chip
            label='未分配'
            active={draft.assigneeId === 'none'}
            onClick={() => set({ assigneeId: 'none' })}
          />
          {staff.map((s) => (
            <Chip
              key={s.id}
              label={s.name}
              active={draft.assigneeId === s.id}
              onClick={() => set({ assigneeId: s.id })}
            />
          ))}
        </View>

        <Text className='inbox-filters__label'>园区</Text>
        <View className='inbox-filters__chips'>
          <Chip label='全部' active={!draft.parkId} onClick={() => set({ parkId: undefined })} />
          {seen.parks.map((p) => (
            <Chip
              key={p.id}
              label={p.name}
              active={draft.parkId === p.id}
              onClick={() => set({ parkId: p.id })}
            />
          ))}
        </View>

        <Text className='inbox-filters__label'>来源</Text>
        <View className='inbox-filters__chips'>
          <Chip label='全部' active={!draft.source} onClick={() => set({ source: undefined })} />
          {seen.sources.map((s) => (
            <Chip
              key={s}
              label={sourceLabel(s)}
              active={draft.source === s}
              onClick={() => set({ source: s })}
            />
          ))}
        </View>

        <Text className='inbox-filters__label'>提交日期</Text>
        <View className='inbox-filters__dates'>
          <Picker
            mode='date'
            value={draft.from ?? ''}
            end={draft.to}
            onChange={(e) => set({ from: String(e.detail.value) })}
          >
            <Text className='inbox-filters__date' {...tapTarget({ label: '开始日期' })}>
              {draft.from ?? '开始日期'}
            </Text>
          </Picker>
          <Text className='inbox-filters__dash'>至</Text>
          <Picker
            mode='date'
            value={draft.to ?? ''}
            start={draft.from}
            onChange={(e) => set({ to: String(e.detail.value) })}
          >
            <Text className='inbox-filters__date' {...tapTarget({ label: '结束日期' })}>
              {draft.to ?? '结束日期'}
            </Text>
          </Picker>
        </View>

        <View className='inbox-filters__actions'>
          <Button className='inbox-filters__reset' {...tapTarget()} onClick={() => setDraft({})}>
            重置
          </Button>
          <Button className='inbox-filters__apply' {...tapTarget()} onClick={() => onApply(draft)}>
            确定
          </Button>
        </View>
      </View>
    </View>
  )
}
