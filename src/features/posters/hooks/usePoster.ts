import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '@/domain/result'
import { fetchPosterData, type PosterTarget } from '../api'
import {
  canSharePoster,
  loadImage,
  posterScale,
  prepareCanvas,
  queryCanvas,
  savePoster,
  sharePoster,
  type PosterCanvas,
  type PosterOutcome,
} from '../canvas'
import { drawPoster } from '../draw'
import { articlePoster, parkPoster, POSTER_HEIGHT, POSTER_WIDTH, type Measure } from '../layout'

export type PosterState =
  { kind: 'loading' } | { kind: 'ready'; title: string } | { kind: 'error'; error: ApiError }

const CODE_IMAGE_ERROR: ApiError = { code: 'NETWORK', message: '小程序码图片加载失败，请重试' }
const CANVAS_ERROR: ApiError = { code: 'INTERNAL', message: '海报画布未就绪，请重试' }

/** The canvas node, asked again over a few frames: the render layer may not have it at once. */
async function findCanvas(id: string): Promise<PosterCanvas> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await queryCanvas(id)
    } catch (e) {
      if (attempt >= 5) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/**
 * The poster page's work: fetch the target and its code, lay the poster out with the canvas's
 * own measureText, load the cover and the code, draw; then save / share / download the result.
 * A poster whose code image did not load is not offered for saving (it would send nobody
 * anywhere); a cover that did not load becomes a plain block.
 */
export function usePoster(target: PosterTarget, channel: string | undefined, canvasId: string) {
  const [state, setState] = useState<PosterState>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const canvasRef = useRef<PosterCanvas | null>(null)
  const seq = useRef(0)

  const draw = useCallback(async () => {
    const mine = ++seq.current
    canvasRef.current = null
    setState({ kind: 'loading' })
    const res = await fetchPosterData(target, channel)
    if (mine !== seq.current) return
    if (!res.ok) {
      setState({ kind: 'error', error: res.error })
      return
    }
    let canvas: PosterCanvas
    try {
      canvas = await findCanvas(canvasId)
    } catch {
      if (mine === seq.current) setState({ kind: 'error', error: CANVAS_ERROR })
      return
    }
    const scale = posterScale()
    const ctx = prepareCanvas(canvas, POSTER_WIDTH, POSTER_HEIGHT, scale)
    const measure: Measure = (text, font) => {
      ctx.font = font
      return ctx.measureText(text).width
    }
    const data = res.data
    const layout =
      data.kind === 'park'
        ? parkPoster(data.park, data.contact, measure)
        : articlePoster(data.article, data.contact, measure)
    const cover = data.kind === 'park' ? data.park.cover : data.article.cover
    const [coverImage, codeImage] = await Promise.all([
      loadImage(canvas, cover),
      // weapp: the cloud file itself when there is one (see channels' saveCode), else the link.
      loadImage(canvas, (process.env.TARO_ENV === 'weapp' && data.code.fileId) || data.code.imageUrl),
    ])
    if (mine !== seq.current) return
    drawPoster(ctx, layout, { cover: coverImage, code: codeImage }, scale)
    if (!codeImage) {
      setState({ kind: 'error', error: CODE_IMAGE_ERROR })
      return
    }
    canvasRef.current = canvas
    setState({ kind: 'ready', title: data.kind === 'park' ? data.park.name : data.article.title })
  }, [target, channel, canvasId])

  useEffect(() => {
    // The canvas is looked for after the data arrived (findCanvas asks again over a few frames).
    void draw()
    const counter = seq
    return () => void counter.current++
  }, [draw])

  const act = useCallback(
    async (what: 'save' | 'share'): Promise<PosterOutcome | null> => {
      const canvas = canvasRef.current
      if (!canvas || state.kind !== 'ready' || busyRef.current) return null
      busyRef.current = true
      setBusy(true)
      try {
        return what === 'share'
          ? await sharePoster(canvas)
          : await savePoster(canvas, posterFileName(state.title))
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [state],
  )

  return {
    state,
    busy,
    retry: draw,
    save: () => act('save'),
    share: () => act('share'),
    canShare: canSharePoster(),
  }
}

/** 海报_<name>.png, without characters a file system refuses. */
export function posterFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30)
  return `海报_${safe || '园区招商'}.png`
}
