/**
 * Random sequences of leads.update calls (any stage, stale or fresh versions, reasons or none)
 * against the real router over SQLite and the CloudBase double: the stored stage is always
 * reachable by allowed transitions, each accepted update raises the version by exactly one, and
 * a refused one (bad transition, stale version, missing reason) changes nothing at all.
 */
import fc from 'fast-check'
import type { LeadDetail, LeadFull } from '@/domain/lead-desk'
import { LEAD_STAGES, canTransition, type LeadStage } from '@/domain/lead-pipeline'
import { deskEnv, type Backend } from './desk-fixtures'
import { data } from './inquiry-fixtures'

const step = fc.record({
  stage: fc.option(fc.constantFrom(...LEAD_STAGES), { nil: undefined }),
  versionDelta: fc.constantFrom(0, 0, 0, -1, 1),
  reason: fc.option(fc.constantFrom('空号', '重复咨询'), { nil: undefined }),
  followUp: fc.option(fc.constantFrom('2026-05-02', '2026-06-01'), { nil: undefined }),
  who: fc.constantFrom('s-agent', 's-owner'),
})

describe.each<[Backend, number]>([
  ['sqlite', 60],
  ['cloudbase', 25],
])('pipeline property over %s', (backend, runs) => {
  it('stored state is always reachable, versions strictly increase, refusals change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const env = deskEnv(backend)
        try {
          const id = await env.submit('o-prop')
          const read = async () => data<LeadDetail>(await env.staff('leads.get', { id })).lead
          let model: LeadFull = await read()
          const path: LeadStage[] = ['new']
          for (const s of steps) {
            const payload: Record<string, unknown> = { id, version: model.version + s.versionDelta }
            if (s.stage) payload.stage = s.stage
            if (s.reason) payload.invalidReason = s.reason
            if (s.followUp) payload.nextFollowUp = s.followUp
            const auditBefore = env.audit.entries.length
            const res = await env.staff('leads.update', payload, s.who)
            const after = await read()
            const target = s.stage ?? model.stage
            const legal =
              s.versionDelta === 0 &&
              (target === model.stage || canTransition(model.stage, target)) &&
              (target !== 'invalid' ||
                Boolean(s.reason ?? (model.stage === 'invalid' ? model.invalidReason : ''))) &&
              (!s.reason || target === 'invalid')
            expect(res.ok).toBe(legal)
            if (!res.ok) {
              // Refused: the stored lead is exactly what it was, and nothing was audited.
              expect(after).toEqual(model)
              expect(env.audit.entries).toHaveLength(auditBefore)
              if (s.versionDelta !== 0)
                // Version 0 never exists: the schema refuses it before the store is asked.
                expect(res.error.code).toBe(model.version + s.versionDelta < 1 ? 'VALIDATION' : 'CONFLICT')
              continue
            }
            const changed =
              after.stage !== model.stage ||
              after.nextFollowUp !== model.nextFollowUp ||
              after.invalidReason !== model.invalidReason
            expect(after.version).toBe(changed ? model.version + 1 : model.version)
            if (after.stage !== model.stage) {
              expect(canTransition(model.stage, after.stage)).toBe(true)
              path.push(after.stage)
            }
            if (after.stage === 'invalid') expect(after.invalidReason).toBeTruthy()
            if (path.includes('contacted')) expect(after.firstContactedAt).toBeTruthy()
            model = after
          }
        } finally {
          env.close()
        }
      }),
      { numRuns: runs },
    )
  }, 120_000)
})
