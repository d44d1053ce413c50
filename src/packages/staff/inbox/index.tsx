import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text, ScrollView } from '@tarojs/components'
import { LEAD_STAGES } from '@/domain/lead-pipeline'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { ListFooter } from '@/components/ListFooter'
import { SearchBar } from '@/components/SearchBar'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { tapTarget } from '@/components/a11y'
import { useLoadMoreAtBottom } from '@/lib/useLoadMoreAtBottom'
import { useLeadInbox, type StageTab } from '@/features/leads/hooks/useLeadInbox'
import { LeadRow } from '@/features/leads/components/LeadRow'
import { InboxFiltersSheet } from '@/features/leads/components/InboxFilters'
import { ResponseStatsCard } from '@/features/leads/components/ResponseStatsCard'
import { useResponseStats } from '@/features/leads/hooks/useResponseStats'
import { stageLabel } from '@/features/leads/format'
import { leadPath } from '@/features/leads/routes'
import '@/components/ui.scss'
import './index.scss'

const TABS: StageTab[] = ['all', ...LEAD_STAGES]

/** 线索收件箱: status tabs with counts, search, filters, due follow-ups on top, newest first. */
function InboxPage() {
  const inbox = useLeadInbox()
  const { list, meta } = inbox
  const response = useResponseStats()
  const [draft, setDraft] = useState('')
  const [sheet, setSheet] = useState(false)
  // Back from a lead: its unread dot and stage may have changed.
  const [shown, setShown] = useState(false)

  usePullDownRefresh(() => {
    void response.reload()
    void list.refresh({ silent: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (shown) void list.refresh({ silent: true })
    setShown(true)
  })
  useLoadMoreAtBottom(list)

  const open = (id: string) => void Taro.navigateTo({ url: leadPath(id) })
  const total = meta.counts ? Object.values(meta.counts).reduce((a, b) => a + b, 0) : null
  const countOf = (t: StageTab) => (meta.counts ? (t === 'all' ? total : meta.counts[t]) : null)

  return (
    <View className='inbox'>
      <View className='inbox__head'>
        <SearchBar
          value={draft}
          placeholder='姓名、公司或手机尾号后 4 位'
          onInput={setDraft}
          onConfirm={(v) => inbox.setKeyword(v.trim())}
          onClear={() => {
            setDraft('')
            inbox.setKeyword('')
          }}
        />
        <Text
          className={`inbox__filter${inbox.activeFilters ? ' inbox__filter--on' : ''}`}
          {...tapTarget({ label: '筛选' })}
          onClick={() => setSheet(true)}
        >
          筛选{inbox.activeFilters ? ` ${inbox.activeFilters}` : ''}
        </Text>
      </View>
      <ScrollView scrollX className='inbox__tabs'>
        {TABS.map((t) => {
          const n = countOf(t)
          const active = inbox.stage === t
          return (
            <Text
              key={t}
              className={`inbox__tab${active ? ' inbox__tab--active' : ''}`}
              {...tapTarget({ pressed: active })}
              onClick={() => inbox.setStage(t)}
              data-tab={t}
            >
              {t === 'all' ? '全部' : stageLabel(t)}
              {n !== null ? <Text className='inbox__count'> {n}</Text> : null}
            </Text>
          )
        })}
      </ScrollView>

      {response.stats ? <ResponseStatsCard stats={response.stats} /> : null}

      {meta.due.length ? (
        <View className='inbox__due'>
          <Text className='inbox__due-title'>今日待跟进 / 已逾期 {meta.due.length}</Text>
          {meta.due.map((item) => (
            <LeadRow key={`due-${item.id}`} item={item} today={meta.today} onOpen={open} />
          ))}
        </View>
      ) : null}

      {list.status === 'loading' ? (
        <CardSkeleton rows={4} />
      ) : list.status === 'error' && list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.retry()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={inbox.keyword || inbox.activeFilters ? '没有符合条件的线索' : '还没有线索'}
          description={
            inbox.keyword || inbox.activeFilters ? '换个关键词或清除筛选试试' : '访客提交留言后会出现在这里'
          }
        />
      ) : (
        <View className='inbox__list'>
          {list.items.map((item) => (
            <LeadRow key={item.id} item={item} today={meta.today} onOpen={open} />
          ))}
          <ListFooter
            loading={list.loadingMore}
            hasMore={list.hasMore}
            failed={Boolean(list.loadMoreError)}
            onRetry={() => void list.loadMore()}
            onLoadMore={() => void list.loadMore()}
          />
        </View>
      )}

      {sheet ? (
        <InboxFiltersSheet
          value={inbox.filters}
          staff={meta.staff}
          seen={inbox.seen}
          onClose={() => setSheet(false)}
          onApply={(f) => {
            inbox.setFilters(f)
            setSheet(false)
          }}
        />
      ) : null}
    </View>
  )
}

export default withPageBoundary(InboxPage)
