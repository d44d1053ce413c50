/**
 * The 资讯 tab (pages/articles/index): the paginated list that used to be the home page (same
 * assertions), plus category tabs, the stale-answer guard and the search entry.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fireReachBottom, firePullDownRefresh, resetTaroDouble } from '../doubles/taro'
import ArticlesTabPage from '@/pages/articles/index'
import { httpAnswer, makeSummary } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const page = (from: number, count: number, nextCursor: string | null, over = {}) => ({
  ok: true,
  data: { items: Array.from({ length: count }, (_, k) => makeSummary(from + k, over)), nextCursor },
})

function deferred() {
  let resolve!: (v: unknown) => void
  const promise = new Promise((res) => (resolve = res))
  return { promise, resolve }
}

beforeEach(() => resetTaroDouble())

describe('articles list (资讯 tab)', () => {
  it('shows skeletons, then the articles from one api call', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 3, null)))
    render(<ArticlesTabPage />)
    expect(screen.getByLabelText('加载中')).toBeTruthy()
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
    expect(screen.getByText('园区资讯第3篇')).toBeTruthy()
    // Three rows plus the tab of the same name.
    expect(screen.getAllByText('园区动态')).toHaveLength(4)
    expect(screen.getByText('35阅读')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'articles.list', payload: { limit: 10 } })
  })

  it('loads the next page with the cursor on reaching the bottom, and appends it', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'cursor-2')))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第10篇')
    request.mockResolvedValueOnce(httpAnswer(page(11, 2, null)))
    act(() => {
      fireReachBottom()
      fireReachBottom() // a second scroll event while loading must not ask again
    })
    expect(await screen.findByText('园区资讯第12篇')).toBeTruthy()
    expect(screen.getByText('园区资讯第1篇')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(2)
    expect(request.mock.calls[1][0].data.payload).toEqual({ limit: 10, cursor: 'cursor-2' })
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('keeps the rows and offers a retry at the foot when page 2 fails', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'cursor-2')))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第10篇')
    request.mockRejectedValueOnce(new Error('offline'))
    act(() => fireReachBottom())
    const retry = await screen.findByText('加载失败，点击重试')
    expect(screen.getByText('园区资讯第1篇')).toBeTruthy()
    request.mockResolvedValueOnce(httpAnswer(page(11, 1, null)))
    fireEvent.click(retry)
    expect(await screen.findByText('园区资讯第11篇')).toBeTruthy()
  })

  it('pull-to-refresh reloads page one and stops the refresh animation', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 2, null)))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第1篇')
    request.mockResolvedValueOnce(httpAnswer(page(5, 1, null)))
    act(() => firePullDownRefresh())
    expect(await screen.findByText('园区资讯第5篇')).toBeTruthy()
    expect(screen.queryByText('园区资讯第1篇')).toBeNull()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('shows an error with a retry when the first load fails, and recovers', async () => {
    request.mockRejectedValueOnce(new Error('offline'))
    render(<ArticlesTabPage />)
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
  })

  it('shows an empty state when there are no articles', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 0, null)))
    render(<ArticlesTabPage />)
    expect(await screen.findByText('暂无文章')).toBeTruthy()
  })

  it('opens the article detail page in its subpackage', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(7, 1, null)))
    render(<ArticlesTabPage />)
    fireEvent.click(await screen.findByText('园区资讯第7篇'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-7' })
  })
})

describe('category tabs', () => {
  it('shows 全部 and the three categories, 全部 selected', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第1篇')
    const tabs = screen.getAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual(['全部', '园区动态', '政策解读', '招商指南'])
    expect(tabs[0].getAttribute('aria-selected')).toBe('true')
  })

  it('switching a tab reloads page one with payload.category and shows only that answer', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'cursor-2')))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第1篇')
    request.mockResolvedValueOnce(httpAnswer(page(50, 2, null, { category: 'policy' })))
    fireEvent.click(screen.getByRole('tab', { name: '政策解读' }))
    // The old rows go at once (skeleton), then the policy rows come.
    expect(screen.queryByText('园区资讯第1篇')).toBeNull()
    expect(await screen.findByText('园区资讯第50篇')).toBeTruthy()
    expect(request.mock.calls[1][0].data).toEqual({
      action: 'articles.list',
      payload: { limit: 10, category: 'policy' },
    })
    expect(screen.getByRole('tab', { name: '政策解读' }).getAttribute('aria-selected')).toBe('true')

    // Back to 全部: no category in the payload.
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    fireEvent.click(screen.getByRole('tab', { name: '全部' }))
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
    expect(request.mock.calls[2][0].data.payload).toEqual({ limit: 10 })
  })

  it('load-more after a switch keeps the category', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第1篇')
    request.mockResolvedValueOnce(httpAnswer(page(60, 10, 'g-2', { category: 'guide' })))
    fireEvent.click(screen.getByRole('tab', { name: '招商指南' }))
    await screen.findByText('园区资讯第69篇')
    request.mockResolvedValueOnce(httpAnswer(page(70, 1, null, { category: 'guide' })))
    act(() => fireReachBottom())
    expect(await screen.findByText('园区资讯第70篇')).toBeTruthy()
    expect(request.mock.calls[2][0].data.payload).toEqual({ limit: 10, category: 'guide', cursor: 'g-2' })
  })

  it('a slow answer for the previous tab never lands on the new one', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    render(<ArticlesTabPage />)
    await screen.findByText('园区资讯第1篇')

    const slowPolicy = deferred()
    request.mockReturnValueOnce(slowPolicy.promise)
    fireEvent.click(screen.getByRole('tab', { name: '政策解读' }))
    request.mockResolvedValueOnce(httpAnswer(page(80, 1, null, { category: 'guide' })))
    fireEvent.click(screen.getByRole('tab', { name: '招商指南' }))
    expect(await screen.findByText('园区资讯第80篇')).toBeTruthy()

    await act(async () => {
      slowPolicy.resolve(httpAnswer(page(90, 1, null, { category: 'policy' })))
    })
    expect(screen.queryByText('园区资讯第90篇')).toBeNull()
    expect(screen.getByText('园区资讯第80篇')).toBeTruthy()
    expect(request.mock.calls.map((c) => c[0].data.payload.category)).toEqual([undefined, 'policy', 'guide'])
  })
})

it('the search bar opens the article search page', async () => {
  request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
  render(<ArticlesTabPage />)
  fireEvent.click(screen.getByText('搜索政策、园区、选址知识'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/search/index' })
  await screen.findByText('园区资讯第1篇')
})
