import { renderHook, waitFor } from '@testing-library/react'
import { useDescription as useH5Description } from '@/features/parks/richDescription.h5'
import { useDescription as useWeappDescription } from '@/features/parks/richDescription'

describe('park description (ParkView)', () => {
  const hostile = '<p onclick="x()">介绍</p><script>alert(1)</script><img src="/media/a.png" onerror="y()">'

  it('H5: nothing until the sanitiser has loaded, then the sanitised HTML (never the raw one)', async () => {
    const seen: string[] = []
    const { result, rerender } = renderHook(({ html }) => useH5Description(html), {
      initialProps: { html: hostile },
    })
    seen.push(result.current)
    expect(result.current).toBe('')
    await waitFor(() => expect(result.current).toContain('<p>介绍</p>'))
    expect(result.current).toContain('src="/media/a.png"')
    expect(result.current).not.toMatch(/onclick|onerror|script|alert/)
    // Another park's description: the previous park's text is not shown while it loads.
    rerender({ html: '<p>另一个园区</p>' })
    seen.push(result.current)
    await waitFor(() => expect(result.current).toBe('<p>另一个园区</p>'))
    expect(seen.every((s) => s === '' || !/onclick|script/.test(s))).toBe(true)
    expect(seen[1]).toBe('')
  })

  it('H5: an empty description stays empty', () => {
    const { result } = renderHook(() => useH5Description(''))
    expect(result.current).toBe('')
  })

  it('weapp: the inline-styled description at once', () => {
    const { result } = renderHook(() => useWeappDescription('<p>a</p>'))
    expect(result.current).toBe('<p style="margin:0 0 12px">a</p>')
  })
})
