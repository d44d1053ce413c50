import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea, Checkbox, Button } from '@tarojs/components'
import { NEED_TYPES, NEED_TYPE_LABELS, TAX_BRACKETS, TAX_BRACKET_LABELS } from '@/domain/inquiryOptions'
import { DISTRICTS, DISTRICT_LABELS } from '@/domain/park'
import { Chip } from '@/components/Chip'
import { Notice } from '@/components/Notice'
import { ABOUT_PATH } from '@/lib/routes'
import { MAX_LENGTHS, type InquiryField } from '../form'
import { useInquiryForm, type InquiryFormOptions } from '../hooks/useInquiryForm'
import { InquiryOutcome } from './InquiryOutcome'
import './InquiryForm.scss'
import { tapTarget } from '@/components/a11y'

interface FieldProps {
  field: InquiryField
  label: string
  required?: boolean
  error?: string
  /** A second message (the area pair shows both of its fields' messages). */
  extraError?: string
  aside?: ReactNode
  children: ReactNode
}

function Field({ field, label, required, error, extraError, aside, children }: FieldProps) {
  return (
    <View
      id={`inquiry-field-${field}`}
      className={`inquiry-field${error || extraError ? ' inquiry-field--invalid' : ''}`}
    >
      <View className='inquiry-field__head'>
        <Text className='inquiry-field__label'>
          {label}
          {required ? <Text className='inquiry-field__required'> *</Text> : null}
        </Text>
        {aside}
      </View>
      {children}
      {error ? (
        <View className='inquiry-field__error' role='alert'>
          {error}
        </View>
      ) : null}
      {extraError ? (
        <View className='inquiry-field__error' role='alert'>
          {extraError}
        </View>
      ) : null}
    </View>
  )
}

interface Props extends InquiryFormOptions {
  /** Who collects (PIPL Art. 17), from the agency's contact record. */
  agencyName?: string
  /** 不方便填写？ line under the button: the agency's hotline, formatted (tapping calls it). */
  hotlineText?: string
}

const openPolicy = () => void Taro.navigateTo({ url: ABOUT_PATH }).catch(() => undefined)

/** 留言咨询: the visitor's need and how to reach them, with explicit consent, sent once. */
export function InquiryForm({ agencyName, hotlineText, ...options }: Props) {
  const { values, errors, formError, submitting, restored, outcome, setField, blur, submit, clear } =
    useInquiryForm(options)
  const { parkName, context } = options

  if (outcome) {
    return (
      <InquiryOutcome
        mode={outcome.mode}
        waitingKeys={outcome.waitingKeys}
        hotlineText={hotlineText}
        onCallHotline={options.onCallHotline}
      />
    )
  }

  return (
    <View className='inquiry-form'>
      {restored ? <Notice text='已恢复上次未提交的内容' actionText='清空' onAction={clear} /> : null}

      {context.parkId ? (
        <View className='inquiry-form__park'>
          <Text className='inquiry-form__park-label'>咨询园区：{parkName || context.parkId}</Text>
          <Text className='inquiry-form__park-tip'>招商顾问会结合该园区为您介绍</Text>
        </View>
      ) : null}

      <View className='inquiry-form__group'>
        <Text className='inquiry-form__group-title'>您的需求</Text>

        <Field field='needType' label='需求类型' required error={errors.needType}>
          <View className='inquiry-form__chips'>
            {NEED_TYPES.map((t) => (
              <Chip
                key={t}
                label={NEED_TYPE_LABELS[t]}
                active={values.needType === t}
                onClick={() => setField('needType', t)}
              />
            ))}
          </View>
        </Field>

        <Field field='areaMin' label='面积（㎡）' error={errors.areaMin} extraError={errors.areaMax}>
          <View className='inquiry-form__range' id='inquiry-field-areaMax'>
            <Input
              className='inquiry-input inquiry-input--half'
              type='number'
              placeholder='最小'
              value={values.areaMin}
              maxlength={MAX_LENGTHS.areaMin}
              onInput={(e) => setField('areaMin', e.detail.value)}
              onBlur={(e) => blur('areaMin', e.detail.value)}
            />
            <Text className='inquiry-form__range-sep'>—</Text>
            <Input
              className='inquiry-input inquiry-input--half'
              type='number'
              placeholder='最大'
              value={values.areaMax}
              maxlength={MAX_LENGTHS.areaMax}
              onInput={(e) => setField('areaMax', e.detail.value)}
              onBlur={(e) => blur('areaMax', e.detail.value)}
            />
          </View>
        </Field>

        <Field field='industry' label='用途/行业' error={errors.industry}>
          <Input
            className='inquiry-input'
            placeholder='如：精密机械加工、生物医药研发'
            value={values.industry}
            maxlength={MAX_LENGTHS.industry}
            onInput={(e) => setField('industry', e.detail.value)}
            onBlur={(e) => blur('industry', e.detail.value)}
          />
        </Field>

        <Field field='district' label='期望区域' error={errors.district}>
          <View className='inquiry-form__chips'>
            {DISTRICTS.map((d) => (
              <Chip
                key={d}
                label={DISTRICT_LABELS[d]}
                active={values.district === d}
                onClick={() => setField('district', values.district === d ? '' : d)}
              />
            ))}
          </View>
        </Field>

        <Field field='taxBracket' label='年税收' error={errors.taxBracket}>
          <View className='inquiry-form__chips'>
            {TAX_BRACKETS.map((b) => (
              <Chip
                key={b}
                label={TAX_BRACKET_LABELS[b]}
                active={values.taxBracket === b}
                onClick={() => setField('taxBracket', values.taxBracket === b ? '' : b)}
              />
            ))}
          </View>
        </Field>
      </View>

      <View className='inquiry-form__group'>
        <Text className='inquiry-form__group-title'>联系方式</Text>

        <Field field='company' label='公司' error={errors.company}>
          <Input
            className='inquiry-input'
            placeholder='公司名称（选填）'
            value={values.company}
            maxlength={MAX_LENGTHS.company}
            onInput={(e) => setField('company', e.detail.value)}
            onBlur={(e) => blur('company', e.detail.value)}
          />
        </Field>

        <Field field='contactName' label='联系人' required error={errors.contactName}>
          <Input
            className='inquiry-input'
            placeholder='怎么称呼您'
            value={values.contactName}
            maxlength={MAX_LENGTHS.contactName}
            onInput={(e) => setField('contactName', e.detail.value)}
            onBlur={(e) => blur('contactName', e.detail.value)}
          />
        </Field>

        <Field field='phone' label='手机号' required error={errors.phone}>
          <Input
            className='inquiry-input'
            // weapp: the digit keyboard. H5: a tel field (type=number would drop "+86 135-…").
            type={process.env.TARO_ENV === 'h5' ? 'text' : 'number'}
            nativeProps={
              process.env.TARO_ENV === 'h5'
                ? { type: 'tel', inputMode: 'tel', autoComplete: 'tel' }
                : undefined
            }
            placeholder='11 位手机号'
            value={values.phone}
            maxlength={MAX_LENGTHS.phone}
            onInput={(e) => setField('phone', e.detail.value)}
            onBlur={(e) => blur('phone', e.detail.value)}
          />
        </Field>

        <Field
          field='remark'
          label='备注'
          error={errors.remark}
          aside={
            <Text className='inquiry-field__counter'>
              {values.remark.length}/{MAX_LENGTHS.remark}
            </Text>
          }
        >
          <Textarea
            className='inquiry-textarea'
            placeholder='其他要求，如层高、承重、配电、环评、交付时间等（选填）'
            value={values.remark}
            maxlength={MAX_LENGTHS.remark}
            onInput={(e) => setField('remark', e.detail.value)}
            onBlur={(e) => blur('remark', e.detail.value)}
          />
        </Field>
      </View>

      <View
        id='inquiry-field-consent'
        className={`inquiry-consent${errors.consent ? ' inquiry-consent--invalid' : ''}`}
      >
        <View
          className='inquiry-consent__row'
          {...tapTarget({ pressed: values.consent, label: '同意隐私政策' })}
          onClick={() => setField('consent', !values.consent)}
        >
          <Checkbox
            className='inquiry-consent__box'
            value='consent'
            checked={values.consent}
            color='#0b5cab'
          />
          <Text className='inquiry-consent__text'>我已阅读并同意</Text>
          <Text
            className='inquiry-consent__link'
            {...tapTarget()}
            onClick={(e) => {
              e.stopPropagation()
              openPolicy()
            }}
          >
            《隐私政策》
          </Text>
        </View>
        {errors.consent ? (
          <View className='inquiry-field__error' role='alert'>
            {errors.consent}
          </View>
        ) : null}
        <Text className='inquiry-consent__note'>
          您填写的信息由{agencyName || '我们'}收集，仅用于为您匹配园区并由招商顾问与您联系，保存不超过 2
          年；可在「我的-我的咨询」中删除。
        </Text>
      </View>

      {formError ? (
        <View className='inquiry-form__error' role='alert'>
          {formError}
        </View>
      ) : null}

      <Button
        className={`inquiry-form__submit${submitting ? ' inquiry-form__submit--busy' : ''}`}
        loading={submitting}
        // Only when true: Taro's H5 button reflects disabled="false" and dims the label for it.
        disabled={submitting || undefined}
        {...tapTarget({ disabled: submitting })}
        onClick={() => void submit()}
      >
        {/* In an element: a bare string child makes React set the button's textContent, which
            wipes the loading icon Taro's H5 button inserts (Stencil insertBefore error). */}
        <Text>{submitting ? '提交中…' : '提交咨询'}</Text>
      </Button>

      {hotlineText ? (
        <Text className='inquiry-form__hotline' {...tapTarget()} onClick={options.onCallHotline}>
          不方便填写？可直接拨打招商热线 {hotlineText}
        </Text>
      ) : null}
    </View>
  )
}
