import { Button, Image, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import type { MiniCode } from '@/domain/channels'
import { mediaUrl } from '@/lib/media'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import './channels.scss'

interface Props {
  code: MiniCode
  saving: boolean
  onSave: () => void
  /** Absent for the home page: a poster is of a park or an article. */
  onPoster?: () => void
}

/**
 * The code, as it will be printed: long-press recognises or saves it (weapp); 保存到相册 (weapp) or
 * 下载图片 (H5); the scene it carries and, locally, the H5 address it encodes, selectable to copy.
 * No onClick on the image: a long press would fire it too.
 */
export function CodePreview({ code, saving, onSave, onPoster }: Props) {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className='ui-panel code-page__preview' aria-live='polite'>
      <Image
        className='code-page__image'
        src={mediaUrl(code.imageUrl)}
        mode='aspectFit'
        showMenuByLongpress
        ariaLabel='小程序码'
      />
      <Text className='code-page__caption'>
        {weapp ? '长按图片可识别或转发' : '用手机扫码可打开对应页面'}
      </Text>
      <Text className='code-page__fact'>
        场景值：
        <Text className='code-page__fact-value' userSelect>
          {code.scene || '（无，打开首页）'}
        </Text>
      </Text>
      {code.h5Url ? (
        <Text className='code-page__fact'>
          网址：
          <Text className='code-page__fact-value' userSelect>
            {code.h5Url}
          </Text>
        </Text>
      ) : null}
      <View className='code-page__actions'>
        <Button
          className={`ui-button channels__button${saving ? ' ui-button--busy' : ''}`}
          disabled={saving || undefined}
          {...tapTarget({ disabled: saving })}
          onClick={onSave}
        >
          <Text>{weapp ? '保存到相册' : '下载图片'}</Text>
        </Button>
        {onPoster ? (
          <Button
            className='ui-button ui-button--secondary channels__button'
            {...tapTarget()}
            onClick={onPoster}
          >
            <Text>制作海报</Text>
          </Button>
        ) : null}
      </View>
    </View>
  )
}
