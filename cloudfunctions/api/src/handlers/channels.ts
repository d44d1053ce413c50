import type * as v from 'valibot'
import {
  CODE_PAGE,
  CODE_WIDTH_DEFAULT,
  codeScene,
  type Channel,
  type CreateChannelSchema,
  type GetCodeSchema,
  type MiniCode,
} from '@/domain/channels'
import type { ActionContext } from '../context'
import { channelNameKey, CodeMakeError, codeKey, generateChannelCode } from '../core/channel-codes'
import { ActionError, MESSAGES } from '../errors'
import type { AuditLog } from '../ports/audit-log'
import type { ChannelStore } from '../ports/channels'
import type { CodeFiles, CodeMaker, StoredCode } from '../ports/codes'
import type { StoragePort } from '../ports/storage'

type CreateInput = v.InferOutput<typeof CreateChannelSchema>
type CodeInput = v.InferOutput<typeof GetCodeSchema>

export const CHANNEL_MESSAGES = {
  nameTaken: '渠道名称已存在',
  unknownChannel: '渠道不存在',
  sceneTooLong: '文章编号过长，无法生成小程序码',
  noCode: '生成渠道编号失败，请重试',
} as const

/** Draws of a fresh code before giving up (a collision among 2.2 billion codes is already rare). */
const CODE_ATTEMPTS = 5

export interface ChannelDeps {
  storage: StoragePort
  channels?: ChannelStore
  codeMaker?: CodeMaker
  codeFiles?: CodeFiles
  audit?: AuditLog
}

/** channels.list, channels.create and codes.get (issue 9 items 1–2); all staff actions. */
export function createChannelHandlers(deps: ChannelDeps) {
  // Missing adapters are a deployment fault, not the caller's: the router answers INTERNAL.
  function channels(): ChannelStore {
    if (!deps.channels) throw new Error('no channel store configured (ApiDeps.channels)')
    return deps.channels
  }
  function codes(): { maker: CodeMaker; files: CodeFiles } {
    if (!deps.codeMaker || !deps.codeFiles)
      throw new Error('no code maker / code files configured (ApiDeps.codeMaker, codeFiles)')
    return { maker: deps.codeMaker, files: deps.codeFiles }
  }

  async function makeAndSave(
    maker: CodeMaker,
    files: CodeFiles,
    record: Omit<StoredCode, 'fileId'>,
    ctx: ActionContext,
  ): Promise<{ stored: StoredCode; url: string }> {
    let image
    try {
      image = await maker.make({ scene: record.scene, page: record.page, width: record.width })
    } catch (err) {
      if (!(err instanceof CodeMakeError)) throw err
      ctx.logger.warn('code not made', { code: err.code, message: err.message })
      throw new ActionError('INTERNAL', err.message)
    }
    const stored = await files.save(record, image)
    const url = await files.urlOf(stored)
    if (!url) throw new Error(`code image ${stored.key} not found right after it was saved`)
    return { stored, url }
  }

  return {
    async list(_payload: Record<string, never>): Promise<{ items: Channel[] }> {
      return { items: await channels().listChannels() }
    },

    async create(input: CreateInput, ctx: ActionContext): Promise<{ channel: Channel }> {
      const member = ctx.staff!
      if (!deps.audit) throw new Error('no audit log configured (ApiDeps.audit)')
      const store = channels()
      const now = ctx.now().toISOString()
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const channel: Channel = {
          code: generateChannelCode(),
          name: input.name,
          createdAt: now,
          createdByName: member.name,
        }
        const outcome = await store.createChannel({
          ...channel,
          nameKey: channelNameKey(input.name),
          createdBy: member.id,
        })
        if (outcome === 'name-taken')
          throw new ActionError('VALIDATION', MESSAGES.validation, { name: CHANNEL_MESSAGES.nameTaken })
        if (outcome === 'created') {
          await deps.audit.record({
            actorId: member.id,
            action: 'channels.create',
            targetType: 'channel',
            targetId: channel.code,
            after: { name: channel.name },
            at: now,
          })
          ctx.logger.info('channel created', { code: channel.code, staffId: member.id })
          return { channel }
        }
      }
      ctx.logger.error('no free channel code', { attempts: CODE_ATTEMPTS })
      throw new ActionError('INTERNAL', CHANNEL_MESSAGES.noCode)
    },

    async code(input: CodeInput, ctx: ActionContext): Promise<MiniCode> {
      const { target } = input
      if (target.page === 'park' && !(await deps.storage.getPark(target.id)))
        throw new ActionError('NOT_FOUND', MESSAGES.parkNotFound)
      if (target.page === 'article' && !(await deps.storage.getArticle(target.id)))
        throw new ActionError('NOT_FOUND', MESSAGES.notFound)
      if (input.channel && !(await channels().findChannel(input.channel)))
        throw new ActionError('VALIDATION', MESSAGES.validation, { channel: CHANNEL_MESSAGES.unknownChannel })
      const scene = codeScene(target, input.channel)
      if (scene === null)
        throw new ActionError('VALIDATION', MESSAGES.validation, { target: CHANNEL_MESSAGES.sceneTooLong })

      const { maker, files } = codes()
      const width = input.width ?? CODE_WIDTH_DEFAULT
      const key = codeKey(scene, width, maker.variant())
      const answer = (stored: StoredCode, imageUrl: string, created: boolean): MiniCode => ({
        scene,
        page: CODE_PAGE,
        imageUrl,
        ...(stored.fileId ? { fileId: stored.fileId } : {}),
        ...(stored.h5Url ? { h5Url: stored.h5Url } : {}),
        width,
        created,
      })

      const found = await files.find(key)
      if (found) {
        const url = await files.urlOf(found)
        if (url) return answer(found, url, false)
        // The record outlived its image (deleted from storage by hand): make it again.
        ctx.logger.warn('stored code image missing, making it again', { key })
      }
      const { stored, url } = await makeAndSave(
        maker,
        files,
        { key, scene, page: CODE_PAGE, width, createdAt: ctx.now().toISOString(), createdBy: ctx.staff!.id },
        ctx,
      )
      return answer(stored, url, true)
    },
  }
}
