import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { EmptyState } from '@/components/StateView'
import { channelParam, targetParams } from '@/features/channels/routes'
import { PosterView } from '@/features/posters/components/PosterView'
import '@/components/ui.scss'
import '@/components/Panel.scss'

/** 制作海报 (`?page=park|article&id=&channel=`), opened from the code page with its choices. */
function PosterPage() {
  const { params } = useRouter()
  const [target] = useState(() => targetParams(params))
  const [channel] = useState(() => channelParam(params.channel))
  if (!target || target.page === 'home') {
    return (
      <EmptyState
        title='请先选择园区或文章'
        description='海报需要一个园区或一篇文章，请从“生成小程序码”页进入。'
      />
    )
  }
  return <PosterView target={target} channel={channel} />
}

export default withPageBoundary(PosterPage)
