import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState, ErrorState } from '@/components/StateView'
import { LoadingState } from '@/components/LoadingState'
import { Tabs } from '@/components/Tabs'
import type { ContentArticleRow } from '@/domain/content-edit'
import type { ApiError } from '@/domain/result'
import { ArticleRowItem, ParkRowItem } from '@/features/content/components/ContentRows'
import { ParkEditPanel } from '@/features/content/components/ParkEditPanel'
import { useContentDesk } from '@/features/content/hooks/useContentDesk'
import { useParkEditor } from '@/features/content/hooks/useParkEditor'
import '@/components/ui.scss'
import '@/components/Panel.scss'

type Tab = 'parks' | 'articles'
const TABS = [
  { key: 'parks', label: '园区' },
  { key: 'articles', label: '文章' },
] as const

const toastError = (error: ApiError) => void Taro.showToast({ title: error.message, icon: 'none' })

/**
 * 内容管理 (issue 9 item 5): what changes weekly, without touching the database — a park's
 * status (在租 / 已租出 / 下架), price, home-page featuring and its order; an article's 推荐 and
 * 隐藏. Every save is audit-logged on the server and shows here at once.
 */
function StaffContentPage() {
  const desk = useContentDesk()
  const [tab, setTab] = useState<Tab>('parks')
  const editor = useParkEditor(desk.parkSaved)

  usePullDownRefresh(() => {
    void desk
      .reload()
      .then((error) => error && toastError(error))
      .finally(() => Taro.stopPullDownRefresh())
  })

  const save = useCallback(async () => {
    const outcome = await editor.save()
    if (outcome === 'saved') void Taro.showToast({ title: '已保存', icon: 'success' })
    else if (typeof outcome === 'object') toastError(outcome)
  }, [editor])

  const { toggleArticle } = desk
  const onToggle = useCallback(
    async (row: ContentArticleRow, field: 'featured' | 'hidden') => {
      const error = await toggleArticle(row, field)
      if (error) toastError(error)
      else {
        const on = !row[field]
        const title = field === 'hidden' ? (on ? '已隐藏' : '已恢复显示') : on ? '已设为推荐' : '已取消推荐'
        void Taro.showToast({ title, icon: 'success' })
      }
    },
    [toggleArticle],
  )

  if (desk.state.kind === 'loading') return <LoadingState />
  if (desk.state.kind === 'error') {
    return desk.state.error.code === 'FORBIDDEN' ? (
      <EmptyState title='此页面仅对员工开放' description='如果您是招商团队成员，请先认领员工身份。' />
    ) : (
      <ErrorState error={desk.state.error} onRetry={desk.retry} />
    )
  }
  const list = desk.list!

  return (
    <View className='ui-page'>
      <Tabs items={TABS} value={tab} onChange={setTab} />
      {tab === 'parks' ? (
        list.parks.length ? (
          <View className='ui-panel' aria-label='园区列表'>
            <Text className='content-row__meta'>共 {list.parks.length} 个园区，点击修改状态、价格和推荐</Text>
            {list.parks.map((row) => (
              <ParkRowItem key={row.id} row={row} onOpen={editor.open} />
            ))}
          </View>
        ) : (
          <EmptyState title='还没有园区' description='园区内容通过内容导入发布后，会显示在这里。' />
        )
      ) : list.articles.length ? (
        <View className='ui-panel' aria-label='文章列表'>
          <Text className='content-row__meta'>隐藏的文章立即从列表、搜索和首页消失</Text>
          {list.articles.map((row) => (
            <ArticleRowItem
              key={row.id}
              row={row}
              busy={Boolean(desk.busyArticles[row.id])}
              onToggle={(r, f) => void onToggle(r, f)}
            />
          ))}
        </View>
      ) : (
        <EmptyState title='还没有文章' description='文章通过内容导入发布后，会显示在这里。' />
      )}
      {editor.row && editor.draft ? (
        <ParkEditPanel
          row={editor.row}
          draft={editor.draft}
          errors={editor.errors}
          saving={editor.saving}
          onChange={editor.change}
          onSave={() => void save()}
          onClose={editor.close}
        />
      ) : null}
    </View>
  )
}

export default withPageBoundary(StaffContentPage)
