import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fireReachBottom, resetTaroDouble } from '../doubles/taro'
import ArticleSearchPage from '@/packages/article/search/index'
import { httpAnswer, makeSummary } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const page = (from: number, count: number, nextCursor: string | null) => ({
  ok: true,
  data: { items: Array.from({ length: count }, (_, k) => makeSummary(from + k)), nextCursor },
})

const input = () => screen.getByPlaceholderText('输入关键词，如：厂房、注册落户') as HTMLInputElement
const typeAndConfirm = (text: string) => {
  fireEvent.change(input(), { target: { value: text } })
  fireEvent.keyDown(input(), { key: 'Enter' })
}

beforeEach(() => resetTaroDouble())

describe('article search page', () => {
  it('asks nothing until a keyword is confirmed; then searches with payload.keyword', async () => {
    render(<ArticleSearchPage />)
    expect(request).not.toHaveBeenCalled()
    expect(screen.getByText('大家都在搜')).toBeTruthy()

    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'k-2')))
    typeAndConfirm('  厂房 ')
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'articles.list',
      payload: { limit: 10, keyword: '厂房' },
    })

    request.mockResolvedValueOnce(httpAnswer(page(11, 1, null)))
    act(() => fireReachBottom())
    expect(await screen.findByText('园区资讯第11篇')).toBeTruthy()
    expect(request.mock.calls[1][0].data.payload).toEqual({ limit: 10, keyword: '厂房', cursor: 'k-2' })

    fireEvent.click(screen.getByText('园区资讯第11篇'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-11' })
  })

  it('an empty result says "没有找到相关文章"', async () => {
    render(<ArticleSearchPage />)
    request.mockResolvedValueOnce(httpAnswer(page(1, 0, null)))
    typeAndConfirm('火星园区')
    expect(await screen.findByText('没有找到相关文章')).toBeTruthy()
  })

  it('the 搜索 button and a suggestion search too; a blank keyword asks nothing', async () => {
    render(<ArticleSearchPage />)
    typeAndConfirm('   ')
    expect(request).not.toHaveBeenCalled()

    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    fireEvent.click(screen.getByText('注册落户'))
    await screen.findByText('园区资讯第1篇')
    expect(request.mock.calls[0][0].data.payload).toEqual({ limit: 10, keyword: '注册落户' })
    expect(input().value).toBe('注册落户')

    request.mockResolvedValueOnce(httpAnswer(page(5, 1, null)))
    fireEvent.change(input(), { target: { value: '税收' } })
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('园区资讯第5篇')).toBeTruthy()
    expect(request.mock.calls[1][0].data.payload).toEqual({ limit: 10, keyword: '税收' })
  })

  it('a failed search offers a retry with the same keyword', async () => {
    render(<ArticleSearchPage />)
    request.mockRejectedValueOnce(new Error('offline'))
    typeAndConfirm('土地')
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    request.mockResolvedValueOnce(httpAnswer(page(3, 1, null)))
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('园区资讯第3篇')).toBeTruthy()
    expect(request.mock.calls[1][0].data.payload).toEqual({ limit: 10, keyword: '土地' })
  })
})
