import { memo } from 'react'
import { Button, Canvas, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { toastAlbumOutcome } from '@/lib/album'
import type { PosterTarget } from '../api'
import { posterScale } from '../canvas'
import { usePoster } from '../hooks/usePoster'
import { POSTER_HEIGHT, POSTER_WIDTH } from '../layout'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './poster.scss'

export const POSTER_CANVAS_ID = 'poster-canvas'

/**
 * The canvas, never re-rendered once mounted: on H5 Taro's Canvas resets its <canvas> size (and
 * so wipes the drawing) whenever its own props change. On H5 its pixel size is given as props,
 * equal to what the drawing sets; on weapp a type="2d" canvas is sized by the drawing alone.
 */
const PosterCanvasView = memo(function PosterCanvasView() {
  const scale = posterScale()
  const size =
    process.env.TARO_ENV === 'h5'
      ? { width: String(POSTER_WIDTH * scale), height: String(POSTER_HEIGHT * scale) }
      : {}
  return <Canvas type='2d' id={POSTER_CANVAS_ID} className='poster__canvas' {...size} />
})

/** The poster drawn, with 保存到相册 and 分享 (weapp) or 下载海报 (H5); loading and error on top. */
export function PosterView({ target, channel }: { target: PosterTarget; channel?: string }) {
  const poster = usePoster(target, channel, POSTER_CANVAS_ID)
  const weapp = process.env.TARO_ENV === 'weapp'
  const ready = poster.state.kind === 'ready'
  const blocked = !ready || poster.busy

  return (
    <View className='ui-page poster'>
      <View className='poster__frame'>
        <PosterCanvasView />
        {poster.state.kind === 'loading' ? (
          <View className='poster__overlay' role='status'>
            <Text className='poster__status'>正在生成海报…</Text>
          </View>
        ) : null}
        {poster.state.kind === 'error' ? (
          <View className='poster__overlay' role='alert'>
            <Text className='poster__status'>{poster.state.error.message}</Text>
            {poster.state.error.code === 'NOT_FOUND' ? null : (
              <Button
                className='ui-button poster__button poster__retry'
                {...tapTarget()}
                onClick={() => void poster.retry()}
              >
                <Text>重新生成</Text>
              </Button>
            )}
          </View>
        ) : null}
      </View>
      <View className='poster__actions'>
        <Button
          className={`ui-button poster__button poster__save${blocked ? ' ui-button--busy' : ''}`}
          disabled={blocked || undefined}
          {...tapTarget({ disabled: blocked })}
          onClick={() => void poster.save().then((o) => o && toastAlbumOutcome(o === 'shared' ? 'saved' : o))}
        >
          <Text>{weapp ? '保存到相册' : '下载海报'}</Text>
        </Button>
        {poster.canShare ? (
          <Button
            className='ui-button ui-button--secondary poster__button poster__share'
            disabled={blocked || undefined}
            {...tapTarget({ disabled: blocked })}
            onClick={() => void poster.share().then((o) => o === 'failed' && toastAlbumOutcome('failed'))}
          >
            <Text>分享</Text>
          </Button>
        ) : null}
      </View>
      <Text className='poster__hint'>
        {weapp
          ? '海报含小程序码，扫码打开对应页面，带来的访客和留言会记在所选渠道下。'
          : '海报以 PNG 下载，含小程序码；扫码打开对应页面，带来的访客和留言会记在所选渠道下。'}
      </Text>
    </View>
  )
}
