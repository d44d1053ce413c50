import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { DEALS, PARK_SORTS, PARK_SORT_LABELS, isPriceSort } from '@/domain/park'
import { CardSkeleton } from '@/components/Skeleton'
import { EmptyState, ErrorState } from '@/components/StateView'
import { PagedListFooter } from '@/components/ListFooter'
import { useParkList } from '@/features/parks/hooks/useParkList'
import { ParkCard } from '@/features/parks/components/ParkCard'
import { ParkSearchBar } from '@/features/parks/components/ParkSearchBar'
import { QuickFilters } from '@/features/parks/components/QuickFilters'
import { ActiveFilters } from '@/features/parks/components/ActiveFilters'
import { FilterPanel } from '@/features/parks/components/FilterPanel'
import { loadLastFilters, takePendingParkFilter } from '@/features/parks/filterStore'
import { openParkDetail } from '@/features/parks/routes'
import {
  activeChips,
  applyEntryFilter,
  clearFilters,
  filtersFromRoute,
  hasActiveFilters,
  removeChip,
  sortLabel,
  withSort,
  PRICE_SORT_DEAL_LABELS,
  type ChipKey,
  type ParkFilters,
} from '@/features/parks/query'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { useLoadMoreAtBottom } from '@/lib/useLoadMoreAtBottom'
import './index.scss'

/**
 * Where the search starts: the last query on this device, unless the visit names one —
 * `?district=…` in the route (reLaunch) or a filter the home page left before switchTab.
 */
function initialFilters(params: Record<string, string | undefined>): ParkFilters {
  const stored = loadLastFilters()
  const pending = takePendingParkFilter()
  const entry = filtersFromRoute(params) ?? pending
  return entry ? applyEntryFilter(stored, entry) : stored
}

/** How many of the panel's own filters are set: shown on the 筛选 button. */
const panelCount = (f: ParkFilters) =>
  [f.type, f.deal, f.areaMin ?? f.areaMax, f.priceMin ?? f.priceMax].filter((v) => v !== undefined).length

function ParksPage() {
  const { params } = useRouter()
  const list = useParkList(() => initialFilters(params))
  const { filters, setFilters } = list
  const [panelOpen, setPanelOpen] = useState(false)

  // A new query shows its first result at the top, not wherever the last list was scrolled to.
  const firstQuery = useRef(true)
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false
      return
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }, [filters])

  // Tab pages stay mounted: a filter handed over by another page arrives on show.
  useDidShow(() => {
    const pending = takePendingParkFilter()
    if (pending) {
      setPanelOpen(false)
      setFilters((current) => applyEntryFilter(current, pending))
    }
  })

  usePullDownRefresh(() => {
    void list
      .refresh({ silent: true })
      .then((result) => {
        if (!result.ok && list.items.length)
          void Taro.showToast({ title: '刷新失败，请稍后重试', icon: 'none' })
      })
      .finally(() => Taro.stopPullDownRefresh())
  })
  useLoadMoreAtBottom(list)

  const open = useCallback((id: string) => openParkDetail(id), [])
  const removeFilter = useCallback((key: ChipKey) => setFilters((f) => removeChip(f, key)), [setFilters])
  const clearAll = useCallback(() => setFilters(clearFilters), [setFilters])

  const chooseSort = () => {
    Taro.showActionSheet({ itemList: PARK_SORTS.map((s) => PARK_SORT_LABELS[s]) })
      .then(async ({ tapIndex }) => {
        const sort = PARK_SORTS[tapIndex]
        if (!sort) return
        if (isPriceSort(sort) && !filters.deal) {
          // Rent (元/m²/天) and sale (元/m²) prices cannot be ranked together: ask which.
          const { tapIndex: i } = await Taro.showActionSheet({
            itemList: DEALS.map((d) => PRICE_SORT_DEAL_LABELS[d]),
          })
          const deal = DEALS[i]
          if (deal) setFilters((f) => withSort(f, sort, deal))
          return
        }
        setFilters((f) => withSort(f, sort))
      })
      .catch(() => undefined) // closing the sheet is a choice, not an error
  }

  const filtered = hasActiveFilters(filters)
  const count = panelCount(filters)

  let body: JSX.Element
  if (list.status === 'loading') {
    body = <CardSkeleton rows={4} />
  } else if (list.status === 'error' && list.error) {
    body = <ErrorState error={list.error} onRetry={() => void list.retry()} />
  } else if (list.items.length === 0) {
    body = filtered ? (
      <EmptyState
        title='没有符合条件的园区'
        description='试试减少筛选条件，或换个关键词'
        actionText='清空筛选'
        onAction={clearAll}
      />
    ) : (
      <EmptyState
        title='暂无园区房源'
        description='新房源正在整理中，请稍后再来看看'
        actionText='刷新'
        onAction={() => void list.refresh()}
      />
    )
  } else {
    body = (
      <View className='parks-page__list'>
        {list.items.map((park) => (
          <ParkCard key={park.id} park={park} onOpen={open} />
        ))}
        <PagedListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='parks-page'>
      <View className='parks-page__head'>
        <View className='parks-page__search'>
          <ParkSearchBar
            keyword={filters.keyword}
            onSearch={(keyword) => setFilters((f) => ({ ...f, keyword }))}
          />
        </View>
        <QuickFilters filters={filters} onChange={setFilters} />
        <View className='parks-page__toolbar'>
          <View
            className='parks-page__sort'
            {...tapTarget({ label: `排序方式：${sortLabel(filters)}` })}
            onClick={chooseSort}
          >
            <Text>{sortLabel(filters)}</Text>
            <Text className='parks-page__caret'>▾</Text>
          </View>
          <View
            className={`parks-page__filter${count ? ' parks-page__filter--on' : ''}`}
            {...tapTarget({ label: count ? `筛选，已选${count}项` : '筛选' })}
            onClick={() => setPanelOpen(true)}
          >
            <Text>筛选</Text>
            {count ? <Text className='parks-page__badge'>{count}</Text> : null}
          </View>
        </View>
        <ActiveFilters chips={activeChips(filters)} onRemove={removeFilter} onClear={clearAll} />
      </View>

      {/* A stable parent: swapping skeleton ↔ list rewrites only this subtree in setData,
          not the header that is already on screen. */}
      <View className='parks-page__body'>{body}</View>

      {panelOpen ? (
        <FilterPanel
          filters={filters}
          onClose={() => setPanelOpen(false)}
          onApply={(next) => {
            setPanelOpen(false)
            setFilters(next)
          }}
        />
      ) : null}
    </View>
  )
}

export default withPageBoundary(ParksPage)
