import type { UpdateArticlePayload, UpdateParkPayload } from '@/domain/content-edit'
import { callApi } from '@/lib/api'

/** The desk's quick content edits (staff only: the server answers FORBIDDEN to anyone else). Never throw. */
export const fetchContent = () => callApi('content.list', {})
export const saveParkEdit = (payload: UpdateParkPayload) => callApi('content.updatePark', payload)
export const saveArticleEdit = (payload: UpdateArticlePayload) => callApi('content.updateArticle', payload)
