/**
 * A stand-in for @cloudbase/node-sdk (the content CLI's direct write), over the wx-server-sdk
 * double's store, so what the CLI writes is read back by the CloudBase adapter as in production.
 * It keeps the real SDK's habits that matter here: `doc(id).set(data)` is an upsert that
 * replaces the whole document and answers `{ code }` (without rejecting) when `data` carries
 * `_id`; `uploadFile` answers a `cloud://` file id for the cloud path. Calls are recorded.
 */
import * as wx from './wx-server-sdk'

export interface InitConfig {
  env: string
  secretId: string
  secretKey: string
  sessionToken?: string
}

export const calls: Array<{ op: 'init' | 'get' | 'set' | 'upload'; detail: unknown }> = []

export function init(config: InitConfig) {
  calls.push({ op: 'init', detail: config })
  const db = wx.database()
  return {
    database() {
      return {
        command: wx.command,
        collection(name: string) {
          const collection = db.collection(name)
          return {
            where(condition: object) {
              const query = collection.where(condition as never)
              return {
                field(projection: Record<string, boolean>) {
                  return {
                    limit(n: number) {
                      return {
                        async get() {
                          calls.push({ op: 'get', detail: { name, n } })
                          return query.field(projection).limit(n).get()
                        },
                      }
                    },
                  }
                },
              }
            },
            doc(id: string) {
              return {
                async set(data: Record<string, unknown>) {
                  calls.push({ op: 'set', detail: { name, id } })
                  if (Object.prototype.hasOwnProperty.call(data, '_id'))
                    return { code: 'INVALID_PARAM', message: '不能更新_id的值' }
                  const others = wx.__all(name).filter((d) => d._id !== id)
                  const existed = others.length !== wx.__all(name).length
                  wx.__seed(name, [...others, structuredClone({ ...data, _id: id })])
                  return existed
                    ? { updated: 1, requestId: 'r' }
                    : { updated: 0, upsertedId: id, requestId: 'r' }
                },
              }
            },
          }
        },
      }
    },
    async uploadFile(options: { cloudPath: string; fileContent: Buffer }) {
      calls.push({ op: 'upload', detail: options.cloudPath })
      const { fileID } = await wx.uploadFile(options)
      return { fileID, requestId: 'r' }
    },
  }
}

export default { init }
