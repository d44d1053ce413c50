import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useArticleDetail } from '@/features/articles/hooks/useArticleDetail'
import { ArticleView } from '@/features/articles/components/ArticleView'
import { ContactCard } from '@/features/contact/components/ContactCard'
import { CardSkeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { HOME_PATH } from '@/lib/routes'
import './index.scss'

const goHome = () => void Taro.reLaunch({ url: HOME_PATH })

export default function ArticleDetailPage() {
  const { params } = useRouter()
  const detail = useArticleDetail(params.id ? decodeURIComponent(params.id) : undefined)

  useEffect(() => {
    if (detail.status === 'ready') void Taro.setNavigationBarTitle({ title: detail.data.article.title })
  }, [detail.status, detail.data])

  if (detail.status === 'loading') return <CardSkeleton rows={3} />
  if (detail.status === 'error')
    return <ErrorState error={detail.error} onRetry={() => void detail.reload()} onHome={goHome} />
  return (
    <View className='article-detail-page'>
      <ArticleView article={detail.data.article} />
      <ContactCard contact={detail.data.contact} />
    </View>
  )
}
