import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { categoriesOf, TICKET_TYPE_LABELS } from '@/domain/tickets/catalog'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField } from '@/components/FormField'
import { EmptyState, StateView } from '@/components/StateView'
import { useUnitPicker } from '@/components/useUnitPicker'
import { PlaceFields } from '@/components/PlaceFields'
import { hasRole, useMe } from '@/features/account'
import { PhotoPicker } from '@/features/tickets'
import { useFoundForm, type FoundType } from './useFoundForm'
import './FoundForm.scss'

const TYPES: { value: FoundType; label: string }[] = [
  { value: 'repair', label: TICKET_TYPE_LABELS.repair },
  { value: 'complaint', label: TICKET_TYPE_LABELS.complaint },
]

/** 发现问题上报: engineers and security report what they find on patrol; routed as usual, they own it (首问负责制). */
export function FoundForm() {
  const me = useMe()
  const picker = useUnitPicker(me.me?.staff?.communityId)
  const form = useFoundForm(picker.unitId)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!hasRole(me.me, 'engineer', 'security')) return <EmptyState text='仅工程和秩序人员可以上报巡查发现的问题' />

  return (
    <View className='staff-found'>
      <View className='staff-found__intro'>
        <Text>巡查中发现的问题在这里上报，按派单规则照常派单；你是这张工单的首问负责人，需跟进到处理完毕。</Text>
      </View>

      <Section title='问题'>
        <FormField label='类型'>
          <ChipGroup groupLabel='类型' options={TYPES} value={form.type} onChange={form.setType} />
        </FormField>
        <FormField label='类别' error={form.errors.category}>
          <ChipGroup
            groupLabel='类别'
            options={categoriesOf(form.type).map((c) => ({ value: c.code, label: c.emergency ? `${c.label}（紧急）` : c.label }))}
            value={form.category}
            onChange={form.setCategory}
          />
        </FormField>
        {form.emergency && <Text className='staff-found__urgent'>紧急类别：提交后立即派单并通知主管，请同时就地处置、保障安全。</Text>}
        <TextAreaField
          label='发现的问题'
          value={form.description}
          onInput={form.setDescription}
          maxlength={500}
          placeholder='如：3栋大堂吊顶渗水，地面有积水'
          error={form.errors.description}
        />
        <FormField label='现场照片（选填）' error={form.errors.photos}>
          <PhotoPicker photos={form.photos} />
        </FormField>
      </Section>

      <Section title='位置'>
        <PlaceFields place={form.place} picker={picker} className='staff-found__place' />
      </Section>

      {form.submitError && (
        <View className='staff-found__submit-error' role='alert'>
          {form.submitError}
        </View>
      )}
      <View className='staff-found__bar'>
        <Button block type='primary' className='staff-found__submit' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()}>
          {form.submitting ? '上报中…' : '上报'}
        </Button>
      </View>
    </View>
  )
}
