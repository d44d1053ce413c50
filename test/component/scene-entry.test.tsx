/**
 * QR-code and shared-link entry through the home page: `scene` (from wxacode.getUnlimited)
 * and `src` are read on load; a park or article target opens its detail page, the source is
 * remembered for the session; anything malformed keeps the visitor on the home page.
 */
import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetTaroDouble, router } from '../doubles/taro'
import HomePage from '@/pages/index/index'
import { getSessionSource, resetSessionSource } from '@/lib/attribution'
import { httpAnswer } from './fixtures'
import { makeHome } from './home-fixtures'

const request = Taro.request as unknown as jest.Mock

async function openHome(params: Record<string, string>) {
  router.params = params
  request.mockResolvedValue(httpAnswer({ ok: true, data: makeHome() }))
  render(<HomePage />)
  await screen.findByText('松江园区1号厂房')
}

beforeEach(() => {
  resetTaroDouble()
  resetSessionSource()
  request.mockReset()
})

describe('QR entry on the home page', () => {
  it('a park scene opens the park detail and remembers the source', async () => {
    await openHome({ scene: 'p%3Dp012%26s%3Dpst01' })
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p012' })
    expect(getSessionSource()).toBe('pst01')
  })

  it('an article scene opens the article detail', async () => {
    await openHome({ scene: encodeURIComponent('a=a-g60-corridor-plan&s=expo') })
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/article/detail/index?id=a-g60-corridor-plan',
    })
    expect(getSessionSource()).toBe('expo')
  })

  it('a scene with only a source stays on the home page and remembers it', async () => {
    await openHome({ scene: 's%3Dposter01' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(getSessionSource()).toBe('poster01')
  })

  it('a shared link’s src is remembered when there is no scene', async () => {
    await openHome({ src: 'share' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(getSessionSource()).toBe('share')
  })

  it('the scene’s source wins over src', async () => {
    await openHome({ scene: 'p%3Dp7%26s%3Dqr1', src: 'share' })
    expect(getSessionSource()).toBe('qr1')
  })

  it.each([
    ['bad percent-encoding', '%E0%A4%A'],
    ['empty', ''],
    ['too long', encodeURIComponent(`p=p012&s=${'x'.repeat(40)}`)],
    ['unknown park id shape', encodeURIComponent('p=../../x')],
    ['script', encodeURIComponent('<script>alert(1)</script>')],
  ])('%s scene → stays on the home page, no crash', async (_label, scene) => {
    await openHome({ scene })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(getSessionSource()).toBeUndefined()
    expect(screen.getByText('园区资讯第1篇')).toBeTruthy()
  })
})
