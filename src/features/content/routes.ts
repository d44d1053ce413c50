/** 内容管理 (issue 9 item 5): only the staff subpackage opens it, so the path lives here, not in lib/routes. */
export const STAFF_CONTENT_PATH = '/packages/staff/content/index'
