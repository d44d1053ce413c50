import { callApi } from '@/lib/api'

/** One call renders the home page: agency contact, featured parks, latest articles. */
export const getHome = () => callApi('home.get', {})
