import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState, ErrorState } from '@/components/StateView'
import { LoadingState } from '@/components/LoadingState'
import { ChartsView } from '@/features/charts/components/ChartsView'
import { useCharts } from '@/features/charts/hooks/useCharts'

/** 数据看板 (staff subpackage): the last 30 days drawn, a thin screen over the charts feature. */
function ChartsPage() {
  const { state, reload, retry } = useCharts()
  usePullDownRefresh(() => {
    void reload()
      .then((error) => {
        if (error) void Taro.showToast({ title: '刷新失败，请稍后重试', icon: 'none' })
      })
      .finally(() => Taro.stopPullDownRefresh())
  })

  if (state.kind === 'loading') return <LoadingState />
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={retry} />
  // Visits alone (a code just put up, no lead yet) already make the channel funnel worth a look.
  if (state.data.totalLeads === 0 && state.data.totalTaps === 0 && !state.data.totalEntries) {
    return (
      <EmptyState
        title='近 30 天还没有数据'
        description='有访客扫码进入、留下咨询或点击联系方式后，这里会画出渠道漏斗、每日线索、来源、园区和跟进漏斗。下拉可刷新。'
      />
    )
  }
  return <ChartsView data={state.data} />
}

export default withPageBoundary(ChartsPage)
