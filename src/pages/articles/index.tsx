import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SearchEntry } from '@/components/SearchEntry'
import { Tabs } from '@/components/Tabs'
import { ArticleList } from '@/features/articles/components/ArticleList'
import { useArticleList } from '@/features/articles/hooks/useArticleList'
import { CATEGORY_TABS, type CategoryTab } from '@/features/articles/categories'
import { ARTICLE_SEARCH_PATH, articleDetailUrl } from '@/features/articles/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { useLoadMoreAtBottom } from '@/lib/useLoadMoreAtBottom'
import './index.scss'

function ArticlesTabPage() {
  const [tab, setTab] = useState<CategoryTab>('all')
  const list = useArticleList({ category: tab === 'all' ? undefined : tab })
  // One clock for the visit keeps every row's "n天前" consistent and memoised rows stable.
  const [now] = useState(() => new Date())

  usePullDownRefresh(() => {
    void list.refresh({ silent: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useLoadMoreAtBottom(list)

  const open = useCallback((id: string) => {
    void Taro.navigateTo({ url: articleDetailUrl(id) })
  }, [])

  return (
    <View className='articles-page'>
      <View className='articles-page__head'>
        <SearchEntry
          placeholder='搜索政策、园区、选址知识'
          onTap={() => void Taro.navigateTo({ url: ARTICLE_SEARCH_PATH })}
        />
        <Tabs items={CATEGORY_TABS} value={tab} onChange={setTab} />
      </View>
      <ArticleList
        list={list}
        now={now}
        onOpen={open}
        empty={{
          title: '暂无文章',
          description: '编辑正在整理最新的园区资讯，请稍后再来看看',
          actionText: '刷新',
          onAction: () => void list.refresh(),
        }}
      />
    </View>
  )
}

export default withPageBoundary(ArticlesTabPage)
