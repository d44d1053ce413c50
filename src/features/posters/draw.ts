import type { PosterLayout, PosterOp } from './layout'

/**
 * Paints a laid-out poster on a Canvas 2D context: the browser's CanvasRenderingContext2D on H5,
 * the `<Canvas type="2d">` node's context on weapp (the same API). No Taro here, so a recording
 * context can check it in tests.
 */
export interface PosterImage {
  width: number
  height: number
}

export interface Ctx2D {
  fillStyle: unknown
  font: string
  textBaseline: string
  textAlign: string
  save(): void
  restore(): void
  scale(x: number, y: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void
  closePath(): void
  rect(x: number, y: number, w: number, h: number): void
  fill(): void
  clip(): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): { width: number }
  drawImage(image: unknown, ...args: number[]): void
}

export type PosterImages = Partial<Record<'cover' | 'code', PosterImage | null>>

function roundedRect(ctx: Ctx2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/** Source rectangle of `img` that fills a w × h box without distortion (CSS object-fit: cover). */
export function coverCrop(img: PosterImage, w: number, h: number) {
  const scale = Math.max(w / img.width, h / img.height)
  const sw = w / scale
  const sh = h / scale
  return { sx: (img.width - sw) / 2, sy: (img.height - sh) / 2, sw, sh }
}

/** Destination rectangle of `img` inside a w × h box, whole and centred (object-fit: contain). */
export function containBox(img: PosterImage, x: number, y: number, w: number, h: number) {
  const scale = Math.min(w / img.width, h / img.height)
  const dw = img.width * scale
  const dh = img.height * scale
  return { dx: x + (w - dw) / 2, dy: y + (h - dh) / 2, dw, dh }
}

const usable = (img: PosterImage | null | undefined): img is PosterImage =>
  !!img && img.width > 0 && img.height > 0

function drawOp(ctx: Ctx2D, op: PosterOp, images: PosterImages) {
  if (op.kind === 'rect') {
    ctx.fillStyle = op.fill
    if (op.radius) {
      roundedRect(ctx, op.x, op.y, op.w, op.h, op.radius)
      ctx.fill()
    } else {
      ctx.fillRect(op.x, op.y, op.w, op.h)
    }
    return
  }
  if (op.kind === 'text') {
    ctx.font = op.font
    ctx.fillStyle = op.color
    ctx.textAlign = 'left'
    ctx.textBaseline = 'top'
    // maxWidth as a last guard only: the layout already measured every line to fit.
    ctx.fillText(op.text, op.x, op.y, op.maxWidth)
    return
  }
  const img = images[op.slot]
  if (!usable(img)) {
    // The cover (or code) did not load: a calm block with a label instead of a hole.
    ctx.fillStyle = op.fallback.fill
    ctx.fillRect(op.x, op.y, op.w, op.h)
    ctx.font = op.fallback.font
    ctx.fillStyle = op.fallback.color
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillText(op.fallback.text, op.x + op.w / 2, op.y + op.h / 2, op.w - 16)
    return
  }
  if (op.fit === 'cover') {
    const { sx, sy, sw, sh } = coverCrop(img, op.w, op.h)
    ctx.drawImage(img, sx, sy, sw, sh, op.x, op.y, op.w, op.h)
  } else {
    const { dx, dy, dw, dh } = containBox(img, op.x, op.y, op.w, op.h)
    ctx.drawImage(img, dx, dy, dw, dh)
  }
}

/** The whole poster, in the layout's logical pixels times `scale` (the canvas's pixel ratio). */
export function drawPoster(ctx: Ctx2D, layout: PosterLayout, images: PosterImages, scale: number): void {
  ctx.save()
  ctx.scale(scale, scale)
  for (const op of layout.ops) drawOp(ctx, op, images)
  ctx.restore()
}
