import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Chip } from '@/components/Chip'
import { SearchBar } from '@/components/SearchBar'
import { ArticleList } from '@/features/articles/components/ArticleList'
import { useArticleList } from '@/features/articles/hooks/useArticleList'
import { articleDetailUrl } from '@/features/articles/routes'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { useLoadMoreAtBottom } from '@/lib/useLoadMoreAtBottom'
import './index.scss'

/** Suggestions before the first search: what visitors of an industrial-park agency look for. */
const SUGGESTIONS = ['厂房', '土地', '注册落户', '税收政策', 'G60科创走廊', '松江']

/** Keyword search over articles: type, confirm, read the results (with load-more). */
function ArticleSearchPage() {
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const list = useArticleList({ keyword, enabled: keyword.length > 0 })
  const [now] = useState(() => new Date())

  useLoadMoreAtBottom(list)

  const search = (value: string) => {
    const k = value.trim().slice(0, 30)
    setInput(k)
    if (k === keyword) {
      if (k) void list.refresh()
      return
    }
    setKeyword(k)
  }

  const open = useCallback((id: string) => void Taro.navigateTo({ url: articleDetailUrl(id) }), [])

  return (
    <View className='article-search-page'>
      <View className='article-search-page__bar'>
        <SearchBar
          value={input}
          placeholder='输入关键词，如：厂房、注册落户'
          focus
          onInput={setInput}
          onConfirm={search}
          onClear={() => {
            setInput('')
            setKeyword('')
          }}
        />
      </View>
      {keyword ? (
        <ArticleList
          list={list}
          now={now}
          onOpen={open}
          empty={{ title: '没有找到相关文章', description: '换个关键词试试，或者直接拨打招商热线咨询' }}
        />
      ) : (
        <View className='article-search-page__hints'>
          <Text className='article-search-page__hints-title'>大家都在搜</Text>
          <View className='article-search-page__chips'>
            {SUGGESTIONS.map((s) => (
              <Chip key={s} label={s} onClick={() => search(s)} />
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

export default withPageBoundary(ArticleSearchPage)
