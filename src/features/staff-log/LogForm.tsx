import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CallerMatch } from '@/domain/tickets/api'
import { CONTACT_PHONE_MAX } from '@/domain/limits-staff'
import { CallerLookup } from './CallerLookup'
import { Button } from '@nutui/nutui-react-taro'
import { categoriesOf, TICKET_TYPES, TICKET_TYPE_LABELS } from '@/domain/tickets/catalog'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField, TextField } from '@/components/FormField'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { useUnitPicker } from '@/components/useUnitPicker'
import { UnitPickerView } from '@/components/UnitPicker'
import { useLogForm } from './useLogForm'
import './LogForm.scss'

const CHANNELS = [
  { value: 'phone' as const, label: '来电' },
  { value: 'walk_in' as const, label: '来访' },
]
const PLACES = [
  { value: 'home' as const, label: '住户房屋' },
  { value: 'public' as const, label: '公共区域' },
]

/** 代客登记: log a phone call or a visit as a ticket; the desk member owns it (首问负责制). */
export function LogForm() {
  const me = useMe()
  const picker = useUnitPicker(me.me?.staff?.communityId)
  // A flat found by the caller lookup stands in for the picker's choice until changed.
  const [found, setFound] = useState<{ unitId: string; label: string } | null>(null)
  const form = useLogForm(found?.unitId ?? picker.unitId)
  const pick = (m: CallerMatch) => {
    form.setName(m.name)
    if (m.unitId && m.unitLabel) {
      setFound({ unitId: m.unitId, label: m.unitLabel })
      form.setPlace('home')
      form.clearUnitError()
    }
  }

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!hasRole(me.me, 'desk', 'supervisor', 'admin')) return <EmptyState text='仅客服、主管和管理员可以代客登记' />

  return (
    <View className='staff-log'>
      <Section title='来源'>
        <ChipGroup groupLabel='来源' options={CHANNELS} value={form.channel} onChange={form.setChannel} />
        <Text className='staff-log__hint'>登记后你是这张工单的首问负责人，需跟进到处理完毕。</Text>
      </Section>

      <Section title='问题'>
        <FormField label='类型'>
          <ChipGroup groupLabel='类型' options={TICKET_TYPES.map((t) => ({ value: t, label: TICKET_TYPE_LABELS[t] }))} value={form.type} onChange={form.setType} />
        </FormField>
        <FormField label='类别' error={form.errors.category}>
          <ChipGroup
            groupLabel='类别'
            className='staff-log__categories'
            options={categoriesOf(form.type).map((c) => ({ value: c.code, label: c.emergency ? `${c.label}（紧急）` : c.label }))}
            value={form.category}
            onChange={form.setCategory}
          />
        </FormField>
        <TextAreaField label='描述' value={form.description} onInput={form.setDescription} maxlength={500} placeholder='记录住户反映的情况' error={form.errors.description} />
      </Section>

      <Section title='位置'>
        <ChipGroup groupLabel='位置类型' options={PLACES} value={form.place} onChange={form.setPlace} />
        <View className='staff-log__place'>
          {form.place === 'home' ? (
            <>
              {found ? (
                <View className='caller-lookup__unit'>
                  <Text>{found.label}</Text>
                  <View className='caller-lookup__find' role='button' onClick={() => setFound(null)}>
                    更换
                  </View>
                </View>
              ) : (
                <UnitPickerView picker={picker} onPicked={form.clearUnitError} error={form.errors.unit} />
              )}
            </>
          ) : (
            <>
              <TextField label='楼栋' value={form.building} onInput={form.setBuilding} placeholder='选填' maxlength={20} />
              <TextField label='楼层' value={form.floor} onInput={form.setFloor} placeholder='选填' maxlength={10} />
              <TextField label='具体位置' value={form.area} onInput={form.setArea} placeholder='如：3栋大堂' maxlength={40} error={form.errors.area} />
            </>
          )}
        </View>
      </Section>

      <Section title='联系人'>
        <TextField label='姓名' value={form.name} onInput={form.setName} maxlength={20} placeholder='住户姓名' error={form.errors.name} />
        <TextField label='电话' value={form.phone} onInput={form.setPhone} maxlength={CONTACT_PHONE_MAX} placeholder='手机号或座机，如 010-12345678' error={form.errors.phone} />
        <CallerLookup phone={form.phone} unitId={form.place === 'home' ? (found?.unitId ?? picker.unitId) : null} onPick={pick} />
      </Section>

      {form.submitError && (
        <View className='staff-log__submit-error' role='alert'>
          {form.submitError}
        </View>
      )}
      <Button block type='primary' className='staff-log__submit' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()}>
        {form.submitting ? '登记中…' : '登记工单'}
      </Button>
    </View>
  )
}
