import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fireReachBottom, resetTaroDouble, router } from '../doubles/taro'
import ArticleTagPage from '@/packages/article/tag/index'
import { httpAnswer, makeSummary } from './fixtures'

const request = Taro.request as unknown as jest.Mock
const page = (from: number, count: number, nextCursor: string | null) => ({
  ok: true,
  data: { items: Array.from({ length: count }, (_, k) => makeSummary(from + k)), nextCursor },
})

beforeEach(() => resetTaroDouble())

describe('article tag page', () => {
  it('lists the articles of the tag with payload.tag and titles the page "#tag"', async () => {
    router.params = { tag: encodeURIComponent('松江产业园') }
    request.mockResolvedValueOnce(httpAnswer(page(1, 10, 'c-2')))
    render(<ArticleTagPage />)
    expect(await screen.findByText('园区资讯第1篇')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].data).toEqual({
      action: 'articles.list',
      payload: { limit: 10, tag: '松江产业园' },
    })
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '#松江产业园' })
    expect(screen.getByText('#松江产业园')).toBeTruthy()

    request.mockResolvedValueOnce(httpAnswer(page(11, 1, null)))
    act(() => fireReachBottom())
    expect(await screen.findByText('园区资讯第11篇')).toBeTruthy()
    expect(request.mock.calls[1][0].data.payload).toEqual({ limit: 10, tag: '松江产业园', cursor: 'c-2' })

    fireEvent.click(screen.getByText('园区资讯第11篇'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/article/detail/index?id=a-11' })
  })

  it('accepts a tag that arrives already decoded', async () => {
    router.params = { tag: 'G60科创走廊' }
    request.mockResolvedValueOnce(httpAnswer(page(1, 1, null)))
    render(<ArticleTagPage />)
    await screen.findByText('园区资讯第1篇')
    expect(request.mock.calls[0][0].data.payload.tag).toBe('G60科创走廊')
  })

  it('an empty tag list says so and offers all articles', async () => {
    router.params = { tag: '冷门标签' }
    request.mockResolvedValueOnce(httpAnswer(page(1, 0, null)))
    render(<ArticleTagPage />)
    expect(await screen.findByText('这个标签下还没有文章')).toBeTruthy()
    fireEvent.click(screen.getByText('看看全部资讯'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/articles/index' })
  })

  it('no tag: no request, a clear message', () => {
    render(<ArticleTagPage />)
    expect(screen.getByText('标签不存在')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })
})
