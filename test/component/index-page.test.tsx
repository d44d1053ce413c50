import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fireReachBottom, firePullDownRefresh, resetTaroDouble } from '../doubles/taro'
import IndexPage from '@/pages/index/index'
import { httpAnswer, makeSummary } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const page = (from: number, count: number, nextCursor: string | null) => ({
  ok: true,
  data: { items: Array.from({ length: count }, (_, k) => makeSummary(from + k)), nextCursor },
})

beforeEach(() => resetTaroDouble())

describe('articles list page', () => {
  it('shows skeletons, then the articles from one api call', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 3, null)))
    render(<IndexPage />)
    expect(screen.getByLabelText('加载中')).toBeTruthy()
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
    expect(screen.getByText('园区资讯第3篇')).toBeTruthy()
    expect(screen.getAllByText('园区动态')).toHaveLength(3)
    expect(screen.getByText('35阅读')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({ action: 'articles.list', payload: { limit: 10 } })
  })

  it('loads the next page with the cursor on reaching the bottom, and appends it', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'cursor-2')))
    render(<IndexPage />)
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
    render(<IndexPage />)
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
    render(<IndexPage />)
    await screen.findByText('园区资讯第1篇')
    request.mockResolvedValueOnce(httpAnswer(page(5, 1, null)))
    act(() => firePullDownRefresh())
    expect(await screen.findByText('园区资讯第5篇')).toBeTruthy()
    expect(screen.queryByText('园区资讯第1篇')).toBeNull()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('shows an error with a retry when the first load fails, and recovers', async () => {
    request.mockRejectedValueOnce(new Error('offline'))
    render(<IndexPage />)
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
  })

  it('shows an empty state when there are no articles', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(1, 0, null)))
    render(<IndexPage />)
    expect(await screen.findByText('暂无文章')).toBeTruthy()
  })

  it('opens the article detail page in its subpackage', async () => {
    request.mockResolvedValueOnce(httpAnswer(page(7, 1, null)))
    render(<IndexPage />)
    fireEvent.click(await screen.findByText('园区资讯第7篇'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-7' })
  })
})
