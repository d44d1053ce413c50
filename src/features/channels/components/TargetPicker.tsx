import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { HOME_TARGET, type ChosenTarget } from '../hooks/useCodeMaker'
import { useTargetSearch, type TargetKind } from '../hooks/useTargetSearch'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './channels.scss'

type Kind = 'home' | TargetKind

const KINDS: { key: Kind; label: string }[] = [
  { key: 'home', label: '首页' },
  { key: 'park', label: '园区' },
  { key: 'article', label: '文章' },
]

interface Props {
  chosen: ChosenTarget | null
  onChoose: (chosen: ChosenTarget | null) => void
}

/**
 * 扫码打开: the home page, a park or an article. Parks and articles come from the public lists,
 * found by keyword (name, district …) and 30 a page, so any of the catalogue's ~50 is two taps
 * away; the chosen one stays named above the list.
 */
export function TargetPicker({ chosen, onChoose }: Props) {
  const [kind, setKind] = useState<Kind>(chosen?.target.page ?? 'home')
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')
  const list = useTargetSearch(kind === 'home' ? null : kind, keyword)

  const pickKind = (next: Kind) => {
    if (next === kind) return
    setKind(next)
    setDraft('')
    setKeyword('')
    // A park or an article is chosen from the list that opens: until then there is no target.
    onChoose(next === 'home' ? HOME_TARGET : null)
  }
  const chosenId = chosen && 'id' in chosen.target ? chosen.target.id : ''

  return (
    <View className='ui-panel'>
      <Text className='channels__title'>扫码打开</Text>
      <View className='code-page__segments'>
        {KINDS.map((k) => (
          <Text
            key={k.key}
            className={`code-page__segment${kind === k.key ? ' code-page__segment--on' : ''}`}
            {...tapTarget({ pressed: kind === k.key })}
            onClick={() => pickKind(k.key)}
          >
            {k.label}
          </Text>
        ))}
      </View>
      <Text className='code-page__chosen'>
        {chosen ? `已选：${chosen.label}` : `请在下方选择${kind === 'park' ? '园区' : '文章'}`}
      </Text>

      {kind === 'home' ? null : (
        <>
          <View className='code-page__search' role='search'>
            <Input
              className='code-page__search-input'
              value={draft}
              placeholder={kind === 'park' ? '搜索园区名称、区域' : '搜索文章标题'}
              confirmType='search'
              maxlength={30}
              aria-label='搜索'
              onInput={(e) => setDraft(e.detail.value)}
              onConfirm={(e) => setKeyword(e.detail.value.trim())}
            />
            <Text className='code-page__search-go' {...tapTarget()} onClick={() => setKeyword(draft.trim())}>
              搜索
            </Text>
          </View>
          <View className='code-page__options'>
            {list.items.map((item) => {
              const on = chosen?.target.page === kind && chosenId === item.id
              return (
                <View
                  key={item.id}
                  className={`code-page__option${on ? ' code-page__option--on' : ''}`}
                  {...tapTarget({ pressed: on })}
                  onClick={() => onChoose({ target: { page: kind, id: item.id }, label: item.title })}
                >
                  <Text className='code-page__option-title'>{item.title}</Text>
                  <Text className='code-page__option-sub'>{item.sub}</Text>
                </View>
              )
            })}
            {list.status === 'loading' ? <Text className='code-page__status'>正在加载…</Text> : null}
            {list.status === 'error' ? (
              <Text className='code-page__more' {...tapTarget()} onClick={() => void list.retry()}>
                {list.error?.message ?? '加载失败'}，点此重试
              </Text>
            ) : null}
            {list.status === 'ready' && list.items.length === 0 ? (
              <Text className='code-page__status'>没有找到，换个关键词试试</Text>
            ) : null}
            {list.hasMore || list.loadMoreError ? (
              <Text className='code-page__more' {...tapTarget()} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : list.loadMoreError ? '加载失败，点此重试' : '加载更多'}
              </Text>
            ) : null}
          </View>
        </>
      )}
    </View>
  )
}
