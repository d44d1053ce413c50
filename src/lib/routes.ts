/** The app's start page: where a visitor lands when a shared link leads nowhere. */
export const HOME_PATH = '/pages/index/index'
