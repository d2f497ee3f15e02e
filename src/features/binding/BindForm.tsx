import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RELATIONS, RELATION_LABELS } from '@/domain/roles'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextField } from '@/components/FormField'
import { useMe } from '@/features/account'
import { useUnitPicker } from '@/components/useUnitPicker'
import { UnitPickerView } from '@/components/UnitPicker'
import { useBindForm } from './useBindForm'
import { BindResult } from './BindResult'
import { ActionBar } from '@/components/ActionBar'
import { fieldAnchor } from '@/components/formErrors'
import './BindForm.scss'

const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))

export function BindForm() {
  const { me } = useMe()
  const picker = useUnitPicker(me?.community?._id)
  const form = useBindForm(picker.unitId)

  if (form.result) {
    return (
      <BindResult
        home={form.result}
        onAgain={() => {
          form.reset()
          picker.chooseRoom(null)
        }}
      />
    )
  }

  return (
    <View className='bind-form'>
      <Section title='选择房屋'>
        <View id={fieldAnchor('unitId')} />
        <UnitPickerView picker={picker} onPicked={form.clearUnitError} error={form.errors.unitId} />
      </Section>
      <Section title='住户信息'>
        <View id={fieldAnchor('name')} />
        <TextField label='姓名' name='name' value={form.name} onInput={form.setName} placeholder='请输入真实姓名' maxlength={20} error={form.errors.name} />
        <View id={fieldAnchor('phone')} />
        <TextField
          label='手机号'
          name='phone'
          type='number'
          value={form.phone}
          onInput={form.setPhone}
          placeholder='11 位手机号'
          maxlength={11}
          error={form.errors.phone}
          hint='仅用于物业核验身份和联系您'
        />
        <View id={fieldAnchor('relation')} />
        <FormField label='与房屋的关系' error={form.errors.relation}>
          <ChipGroup groupLabel='与房屋的关系' options={RELATION_OPTIONS} value={form.relation} onChange={form.setRelation} />
        </FormField>
      </Section>
      {form.submitError && (
        <View className='bind-form__submit-error' role='alert'>
          {form.submitError}
        </View>
      )}
      <Text className='bind-form__note'>提交后由物业核验身份，结果可在「我的」中查看。</Text>
      <ActionBar label='提交' className='action-bar--block'>
        <Button
          block
          type='primary'
          className='bind-form__submit'
          loading={form.submitting}
          disabled={form.submitting}
          aria-disabled={form.submitting ? 'true' : 'false'}
          onClick={() => void form.submit()}
        >
          {form.submitting ? '提交中…' : '提交绑定'}
        </Button>
      </ActionBar>
    </View>
  )
}
