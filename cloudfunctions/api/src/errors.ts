import type { ErrorCode } from '@/domain/result'

/**
 * An expected failure a handler reports to the caller as-is (NOT_FOUND, VALIDATION…).
 * Anything else a handler throws is a bug: the router logs it and answers INTERNAL.
 */
export class ActionError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ActionError'
    this.code = code
    this.fields = fields
  }
}

export const MESSAGES = {
  badRequest: '请求格式不正确',
  badPayload: '请求参数格式不正确',
  unknownAction: '不支持的操作',
  validation: '请求参数有误，请检查后重试',
  fieldInvalid: '格式不正确',
  internal: '服务器开小差了，请稍后再试',
  tooLarge: '请求内容过大',
  notFound: '文章不存在或已下线',
  parkNotFound: '园区不存在或已下线',
  badCursor: '游标格式不正确',
  cursorSortMismatch: '排序方式已变化，请从第一页重新加载',
  noIdentity: '无法识别访问身份，请在小程序内重新打开后再试',
  contentRisky: '内容包含不当信息，请修改后再提交',
  contentRiskyField: '内容包含不当信息，请修改',
  rateLimitedHour: '提交过于频繁，请稍后再试',
  rateLimitedDay: '今天的提交次数已达上限，请明天再试',
  rateLimitedAddressHour: '当前网络提交过于频繁，请稍后再试',
  rateLimitedAddressDay: '当前网络今天的提交次数已达上限，请明天再试',
  eventsRateLimited: '操作过于频繁，请稍后再试',
  forbidden: '没有权限执行此操作',
  leadConflict: '已被他人更新，请刷新后再试',
  leadNotFound: '线索不存在或已删除',
  badTransition: '当前状态不能改为该状态',
  invalidReasonRequired: '请填写无效原因',
  unknownAssignee: '该员工不存在或已停用',
  noAudit: '审计日志未配置',
} as const
