import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { EmptyState } from '@/components/StateView'
import { ArticleList } from '@/features/articles/components/ArticleList'
import { useArticleList } from '@/features/articles/hooks/useArticleList'
import { articleDetailUrl } from '@/features/articles/routes'
import { ARTICLES_TAB_PATH } from '@/lib/routes'
import { setPageTitle } from '@/lib/pageTitle'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { useLoadMoreAtBottom } from '@/lib/useLoadMoreAtBottom'
import { decodeParam } from '@/lib/params'
import './index.scss'

/** `packages/article/tag/index?tag=松江产业园`: every article with that tag. */
function ArticleTagPage() {
  const { params } = useRouter()
  const tag = decodeParam(params.tag).trim().slice(0, 20)
  const list = useArticleList({ tag, enabled: tag.length > 0 })
  const [now] = useState(() => new Date())

  useEffect(() => {
    if (tag) void setPageTitle(`#${tag}`)
  }, [tag])

  usePullDownRefresh(() => {
    void list.refresh({ silent: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useLoadMoreAtBottom(list)

  const open = useCallback((id: string) => void Taro.navigateTo({ url: articleDetailUrl(id) }), [])
  const toArticles = () => void Taro.switchTab({ url: ARTICLES_TAB_PATH })

  if (!tag) return <EmptyState title='标签不存在' actionText='看看全部资讯' onAction={toArticles} />
  return (
    <View className='article-tag-page'>
      <View className='article-tag-page__head'>
        <Text className='article-tag-page__title'>#{tag}</Text>
        <Text className='article-tag-page__sub'>带有这个标签的园区资讯</Text>
      </View>
      <ArticleList
        list={list}
        now={now}
        onOpen={open}
        empty={{ title: '这个标签下还没有文章', actionText: '看看全部资讯', onAction: toArticles }}
      />
    </View>
  )
}

export default withPageBoundary(ArticleTagPage)
