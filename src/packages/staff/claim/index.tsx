import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import { STAFF_NAME_MAX } from '@/domain/staff-schemas'
import { useClaimForm, type ClaimField } from '@/features/staff/hooks/useClaimForm'
import { decodeParam } from '@/lib/params'
import { STAFF_DESK_PATH } from '@/lib/routes'
import '@/components/ui.scss'
import '@/components/Panel.scss'
import '@/features/staff/components/desk.scss'

interface FieldProps {
  field: ClaimField
  label: string
  placeholder: string
  value: string
  error?: string
  type?: 'text' | 'number'
  maxlength: number
  onInput: (field: ClaimField, value: string) => void
}

function Field({ field, label, placeholder, value, error, type = 'text', maxlength, onInput }: FieldProps) {
  return (
    <View className='desk__field'>
      <Text className='desk__label'>{label}</Text>
      <Input
        className={`ui-input desk__input${error ? ' ui-input--invalid' : ''}`}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onInput(field, e.detail.value)}
      />
      {error ? (
        <View className='ui-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}

/**
 * 员工认领 (`?code=`): the link an owner shares (or `npm start` prints) opens this page with the
 * code filled in; the person adds their name and mobile. Identity is the platform's: nothing here
 * says who the caller is.
 */
function StaffClaimPage() {
  const { params } = useRouter()
  const [initialCode] = useState(() => decodeParam(params.code).trim().slice(0, 64))
  const form = useClaimForm(initialCode, () => {
    void Taro.showToast({ title: '认领成功', icon: 'success' })
    void Taro.redirectTo({ url: STAFF_DESK_PATH })
  })

  return (
    <View className='ui-page desk'>
      <View className='ui-panel desk__card'>
        <Text className='desk__title'>加入招商团队</Text>
        <Text className='ui-hint'>
          输入负责人发给您的邀请码，认领后即可在“我的 → 员工工作台”查看和跟进客户线索。邀请码只能使用一次。
        </Text>
        <Field
          field='name'
          label='姓名'
          placeholder='请输入您的姓名'
          value={form.values.name}
          error={form.errors.name}
          maxlength={STAFF_NAME_MAX}
          onInput={form.setField}
        />
        <Field
          field='mobile'
          label='手机号'
          placeholder='请输入 11 位手机号'
          type='number'
          value={form.values.mobile}
          error={form.errors.mobile}
          maxlength={11}
          onInput={form.setField}
        />
        <Field
          field='code'
          label='邀请码'
          placeholder='请输入邀请码'
          value={form.values.code}
          error={form.errors.code}
          maxlength={64}
          onInput={form.setField}
        />
        {form.formError ? (
          <View className='ui-error' role='alert'>
            {form.formError}
          </View>
        ) : null}
        <Button
          className={`ui-button desk__button${form.submitting ? ' ui-button--busy' : ''}`}
          {...tapTarget({ disabled: form.submitting })}
          loading={form.submitting}
          // Only when true: Taro's H5 button reflects disabled="false" and dims the label for it.
          disabled={form.submitting || undefined}
          onClick={() => void form.submit()}
        >
          {/* In an element: a bare string child lets React wipe the loading icon Taro's H5 button inserts. */}
          <Text>{form.submitting ? '正在认领…' : '认领'}</Text>
        </Button>
      </View>
    </View>
  )
}

export default withPageBoundary(StaffClaimPage)
