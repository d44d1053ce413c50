import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Picker, Input, Textarea } from '@tarojs/components'
import type { LeadDetail, LeadRelated } from '@/domain/lead-desk'
import { formatBeijingDateTime } from '@/domain/format'
import { formatPhone } from '@/domain/format-quantity'
import {
  INVALID_REASON_MAX,
  INVALID_REASON_PRESETS,
  LEAD_TRANSITIONS,
  NOTE_MAX,
  formatDuration,
  type LeadStage,
} from '@/domain/lead-pipeline'
import { Chip } from '@/components/Chip'
import { Notice } from '@/components/Notice'
import { tapTarget } from '@/components/a11y'
import { DIRECT_LABEL, sourceLabel } from '@/domain/source-label'
import {
  areaText,
  DISTRICT_LABELS,
  NEED_TYPE_LABELS,
  stageLabel,
  TAP_LABELS,
  TAX_BRACKET_LABELS,
} from '../format'
import type { SaveOutcome } from '../hooks/useLeadDetail'
import { callLead, copyLeadPhone, saveLeadContact } from '../phone'
import './LeadView.scss'

interface Props {
  detail: LeadDetail
  saving: boolean
  conflict: string | null
  onSave: (changes: {
    stage?: LeadStage
    invalidReason?: string
    nextFollowUp?: string | null
    assigneeId?: string | null
  }) => Promise<SaveOutcome>
  onAddNote: (body: string) => Promise<SaveOutcome>
  onReload: () => void
  onOpenLead: (id: string) => void
  /** Shown right under the 需求 card (the page puts 推荐园区 there). */
  afterNeed?: ReactNode
}

function Field({ label, value }: { label: string; value?: string }) {
  return (
    <View className='lead-view__field'>
      <Text className='lead-view__label'>{label}</Text>
      <Text className='lead-view__value'>{value || '—'}</Text>
    </View>
  )
}

function Related({
  title,
  items,
  onOpen,
}: {
  title: string
  items: LeadRelated[]
  onOpen: (id: string) => void
}) {
  if (!items.length) return null
  return (
    <View className='lead-view__card'>
      <Text className='lead-view__section'>{title}</Text>
      {items.map((r) => (
        <View
          key={r.id}
          className='lead-view__related'
          {...tapTarget({ label: `${r.contactName} ${formatBeijingDateTime(r.createdAt)}` })}
          onClick={() => onOpen(r.id)}
        >
          <Text className='lead-view__related-name'>
            {r.contactName}
            {r.company ? ` · ${r.company}` : ''}
          </Text>
          <Text className='lead-view__related-meta'>
            {stageLabel(r.stage)} · {formatBeijingDateTime(r.createdAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** A lead in full, for staff: contact, attribution, pipeline, follow-up, notes, related leads. */
export function LeadView({
  detail,
  saving,
  conflict,
  onSave,
  onAddNote,
  onReload,
  onOpenLead,
  afterNeed,
}: Props) {
  const { lead } = detail
  const [reasonOpen, setReasonOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const nextStages = LEAD_TRANSITIONS[lead.stage]
  const assigneeOptions = [{ id: '', name: '未分配' }, ...detail.staff]
  const assigneeIndex = Math.max(
    0,
    assigneeOptions.findIndex((s) => s.id === (lead.assigneeId ?? '')),
  )

  const save = async (changes: Parameters<Props['onSave']>[0], done: string) => {
    const res = await onSave(changes)
    if (res.ok) toast(done)
    else if (res.error.code !== 'CONFLICT')
      toast(Object.values(res.error.fields ?? {})[0] ?? res.error.message)
    return res.ok
  }

  const changeStage = (to: LeadStage) => {
    if (to === 'invalid') {
      setReasonOpen(true)
      return
    }
    void save({ stage: to }, `已改为${stageLabel(to)}`)
  }

  return (
    <View className='lead-view'>
      {conflict ? <Notice text={conflict} actionText='刷新' onAction={onReload} /> : null}

      <View className='lead-view__card'>
        <View className='lead-view__head'>
          <Text className='lead-view__name'>{lead.contactName}</Text>
          <Text className={`lead-view__stage lead-view__stage--${lead.stage}`}>{stageLabel(lead.stage)}</Text>
          {lead.status === 'review' ? <Text className='lead-view__review'>待审核</Text> : null}
        </View>
        {lead.company ? <Text className='lead-view__company'>{lead.company}</Text> : null}
        <Text className='lead-view__phone' selectable>
          {formatPhone(lead.phone)}
        </Text>
        <View className='lead-view__contact'>
          <Button
            className='lead-view__btn lead-view__btn--primary'
            {...tapTarget()}
            onClick={() => void callLead(lead.phone)}
          >
            拨打电话
          </Button>
          <Button className='lead-view__btn' {...tapTarget()} onClick={() => void copyLeadPhone(lead.phone)}>
            复制号码
          </Button>
          <Button
            className='lead-view__btn'
            {...tapTarget()}
            onClick={() => void saveLeadContact(lead).then((ok) => ok && toast('已存入通讯录'))}
          >
            存通讯录
          </Button>
        </View>
      </View>

      <View className='lead-view__card'>
        <Text className='lead-view__section'>跟进状态</Text>
        {nextStages.length ? (
          <View className='lead-view__stages'>
            {nextStages.map((to) => (
              <Button
                key={to}
                className={`lead-view__btn${to === 'invalid' ? ' lead-view__btn--muted' : ' lead-view__btn--primary'}${saving ? ' lead-view__btn--off' : ''}`}
                // Only when true: Taro's H5 button greys out on any `disabled` attribute, even "false".
                disabled={saving || undefined}
                {...tapTarget({ disabled: saving })}
                onClick={() => changeStage(to)}
                data-stage={to}
              >
                {to === 'new' ? '重新打开' : `改为${stageLabel(to)}`}
              </Button>
            ))}
          </View>
        ) : (
          <Text className='lead-view__hint'>已签约，流程结束</Text>
        )}
        {lead.stage === 'invalid' && lead.invalidReason ? (
          <Field label='无效原因' value={lead.invalidReason} />
        ) : null}
        {reasonOpen ? (
          <View className='lead-view__reason'>
            <View className='lead-view__chips'>
              {INVALID_REASON_PRESETS.map((r) => (
                <Chip key={r} label={r} active={reason === r} onClick={() => setReason(r)} />
              ))}
            </View>
            <Input
              className='lead-view__input'
              value={reason}
              maxlength={INVALID_REASON_MAX}
              placeholder='无效原因（必填）'
              onInput={(e) => setReason(e.detail.value)}
            />
            <View className='lead-view__stages'>
              <Button className='lead-view__btn' {...tapTarget()} onClick={() => setReasonOpen(false)}>
                取消
              </Button>
              <Button
                className={`lead-view__btn lead-view__btn--primary${saving || !reason.trim() ? ' lead-view__btn--off' : ''}`}
                disabled={saving || !reason.trim() || undefined}
                {...tapTarget({ disabled: saving || !reason.trim() })}
                onClick={() =>
                  void save({ stage: 'invalid', invalidReason: reason.trim() }, '已标记为无效').then(
                    (ok) => ok && setReasonOpen(false),
                  )
                }
              >
                确认无效
              </Button>
            </View>
          </View>
        ) : null}
        <View className='lead-view__row'>
          <Text className='lead-view__label'>下次跟进</Text>
          <Picker
            mode='date'
            value={lead.nextFollowUp ?? ''}
            onChange={(e) => void save({ nextFollowUp: String(e.detail.value) }, '已设置跟进日期')}
          >
            <Text className='lead-view__pick' {...tapTarget({ label: '选择下次跟进日期' })}>
              {lead.nextFollowUp ?? '选择日期'}
            </Text>
          </Picker>
          {lead.nextFollowUp ? (
            <Text
              className='lead-view__clear'
              {...tapTarget({ label: '清除跟进日期' })}
              onClick={() => void save({ nextFollowUp: null }, '已清除跟进日期')}
            >
              清除
            </Text>
          ) : null}
        </View>
        <View className='lead-view__row'>
          <Text className='lead-view__label'>负责人</Text>
          <Picker
            mode='selector'
            range={assigneeOptions.map((s) => s.name)}
            value={assigneeIndex}
            onChange={(e) => {
              const picked = assigneeOptions[Number(e.detail.value)]
              if (picked) void save({ assigneeId: picked.id || null }, '已更新负责人')
            }}
          >
            <Text className='lead-view__pick' {...tapTarget({ label: '选择负责人' })}>
              {lead.assigneeName ?? '未分配'}
            </Text>
          </Picker>
        </View>
        <Field
          label='响应时间'
          value={
            lead.responseMinutes !== undefined
              ? `${formatDuration(lead.responseMinutes)}${lead.firstContactedByName ? `（${lead.firstContactedByName}）` : ''}`
              : '尚未联系'
          }
        />
      </View>

      <View className='lead-view__card'>
        <Text className='lead-view__section'>需求</Text>
        <Field label='需求类型' value={NEED_TYPE_LABELS[lead.needType]} />
        <Field label='面积' value={areaText(lead.areaMin, lead.areaMax)} />
        <Field label='行业' value={lead.industry} />
        <Field label='期望区域' value={lead.district ? DISTRICT_LABELS[lead.district] : undefined} />
        <Field label='年税收' value={lead.taxBracket ? TAX_BRACKET_LABELS[lead.taxBracket] : undefined} />
        <Field label='备注' value={lead.remark} />
        <Field label='提交时间' value={formatBeijingDateTime(lead.createdAt)} />
      </View>
      {afterNeed}

      <View className='lead-view__card'>
        <Text className='lead-view__section'>来源</Text>
        <Field
          label='渠道'
          value={sourceLabel(lead.source) === DIRECT_LABEL ? DIRECT_LABEL : `二维码/分享 ${lead.source}`}
        />
        <Field label='园区' value={lead.parkName ?? lead.parkId} />
        <Field label='文章' value={lead.articleId} />
        <Field label='入口页面' value={lead.entryPage} />
      </View>

      <View className='lead-view__card'>
        <Text className='lead-view__section'>跟进记录</Text>
        {detail.notes.length === 0 ? <Text className='lead-view__hint'>还没有跟进记录</Text> : null}
        {detail.notes.map((n) => (
          <View key={n.id} className='lead-view__note'>
            <Text className='lead-view__note-meta'>
              {n.authorName} · {formatBeijingDateTime(n.createdAt)}
            </Text>
            <Text className='lead-view__note-body'>{n.body}</Text>
          </View>
        ))}
        <Textarea
          className='lead-view__textarea'
          value={note}
          maxlength={NOTE_MAX}
          placeholder='记录这次沟通的要点'
          onInput={(e) => setNote(e.detail.value)}
        />
        <Button
          className={`lead-view__btn lead-view__btn--primary lead-view__btn--block${saving || !note.trim() ? ' lead-view__btn--off' : ''}`}
          disabled={saving || !note.trim() || undefined}
          {...tapTarget({ disabled: saving || !note.trim() })}
          onClick={() =>
            void onAddNote(note.trim()).then((res) => {
              if (res.ok) setNote('')
              else toast(Object.values(res.error.fields ?? {})[0] ?? res.error.message)
            })
          }
        >
          添加记录
        </Button>
      </View>

      <Related title='重复线索（同一手机号，其他访客）' items={detail.repeats} onOpen={onOpenLead} />
      <Related title='该访客的其他咨询' items={detail.otherInquiries} onOpen={onOpenLead} />

      {detail.contactTaps.length ? (
        <View className='lead-view__card'>
          <Text className='lead-view__section'>访客联系动作</Text>
          {detail.contactTaps.map((t, i) => (
            <View key={`${t.at}-${i}`} className='lead-view__tap'>
              <Text className='lead-view__tap-kind'>{TAP_LABELS[t.kind] ?? t.kind}</Text>
              <Text className='lead-view__tap-time'>{formatBeijingDateTime(t.at)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
