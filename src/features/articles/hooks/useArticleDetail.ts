import { useCallback, useEffect, useState } from 'react'
import type { ArticleDetail } from '@/domain/actions'
import type { ApiError } from '@/domain/result'
import { getArticleDetail } from '../api'

export type DetailState =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: ArticleDetail; error: null }
  | { status: 'error'; data: null; error: ApiError }

export function useArticleDetail(id: string | undefined) {
  const [state, setState] = useState<DetailState>({ status: 'loading', data: null, error: null })

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', data: null, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } })
      return
    }
    setState({ status: 'loading', data: null, error: null })
    const result = await getArticleDetail({ id })
    setState(
      result.ok
        ? { status: 'ready', data: result.data, error: null }
        : { status: 'error', data: null, error: result.error },
    )
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  return { ...state, reload: load }
}
