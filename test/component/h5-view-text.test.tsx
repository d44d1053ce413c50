/**
 * H5's View and Text (src/lib/h5-components, aliased for '@tarojs/components' in the H5 build)
 * are plain <div> / <span>: what pages pass them must reach the DOM as before (classes, style,
 * role / tabIndex / aria-*, data-*, click and key handlers, refs), mini-program-only props must
 * not, and Text stays unselectable unless it asks (as Taro's custom element was).
 */
import { createRef } from 'react'
import { fireEvent, render } from '@testing-library/react'
import { View } from '@/lib/h5-components/View'
import { Text } from '@/lib/h5-components/Text'

describe('H5 View', () => {
  it('is a div with the props a page gives it, and no mini-program-only ones', () => {
    let clicked: EventTarget | null = null
    const onClick = jest.fn((e: { currentTarget: EventTarget }) => {
      clicked = e.currentTarget
    })
    const onKeyDown = jest.fn()
    const ref = createRef<HTMLDivElement>()
    const { container } = render(
      <View
        ref={ref}
        className='park-card'
        style={{ bottom: '50px' }}
        role='button'
        tabIndex={0}
        aria-label='打开园区'
        data-id='p001'
        catchMove
        hoverClass='pressed'
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <View className='inner' />
      </View>,
    )
    const div = container.firstElementChild as HTMLDivElement
    expect(div.tagName).toBe('DIV')
    expect(ref.current).toBe(div)
    expect(div.className).toBe('park-card')
    expect(div.style.bottom).toBe('50px')
    expect(div.getAttribute('role')).toBe('button')
    expect(div.tabIndex).toBe(0)
    expect(div.getAttribute('aria-label')).toBe('打开园区')
    expect(div.dataset.id).toBe('p001')
    for (const name of ['catchmove', 'catch-move', 'hoverclass', 'hover-class'])
      expect(div.hasAttribute(name)).toBe(false)
    expect(div.querySelector('.inner')?.tagName).toBe('DIV')

    fireEvent.click(div)
    fireEvent.keyDown(div, { key: 'Enter' })
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(clicked).toBe(div)
    expect(onKeyDown).toHaveBeenCalledTimes(1)
  })
})

describe('H5 Text', () => {
  it('is an unselectable span unless userSelect or selectable asks', () => {
    const { container } = render(
      <View>
        <Text className='price'>1.35元/m²/天</Text>
        <Text className='phone' userSelect>
          13524678515
        </Text>
        <Text selectable>p001</Text>
      </View>,
    )
    const [plain, phone, id] = Array.from(container.querySelectorAll('span'))
    expect(plain.className).toBe('h5-text price')
    expect(plain.textContent).toBe('1.35元/m²/天')
    expect(phone.className).toBe('h5-text h5-text--selectable phone')
    expect(id.className).toBe('h5-text h5-text--selectable')
    for (const span of [phone, id]) {
      expect(span.hasAttribute('userselect')).toBe(false)
      expect(span.hasAttribute('selectable')).toBe(false)
    }
  })
})
