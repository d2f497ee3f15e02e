import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { categoriesOf, TICKET_TYPES, TICKET_TYPE_LABELS, type TicketType } from '@/domain/tickets/catalog'
import { Sheet } from '@/components/Sheet'
import { useUnitPicker } from '@/components/useUnitPicker'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField } from '@/components/FormField'
import { NO_FILTERS, rangeError, STATUS_OPTIONS, type TicketFilters } from './filters'

interface Props {
  value: TicketFilters
  /** Whose buildings (楼栋) to offer. */
  communityId: string
  onClose: () => void
  onApply: (f: TicketFilters) => void
}

const ANY = '' as const

/** 筛选: status (closed included), type, category, building and a date range (mounted while open: the buildings load then). */
export function FilterSheet({ value, communityId, onClose, onApply }: Props) {
  const [draft, setDraft] = useState<TicketFilters>(value)
  const [error, setError] = useState<string | undefined>()
  const { buildings } = useUnitPicker(communityId)

  const set = (patch: Partial<TicketFilters>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setError(undefined)
  }
  function apply() {
    const problem = rangeError(draft)
    if (problem) return setError(problem)
    onApply(draft)
  }

  return (
    <Sheet
      open
      title='筛选工单'
      onClose={onClose}
      footer={
        <>
          <Button fill='outline' onClick={() => onApply(NO_FILTERS)}>
            清除筛选
          </Button>
          <Button type='primary' onClick={apply}>
            查看结果
          </Button>
        </>
      }
    >
      <FormField label='状态'>
        <ChipGroup groupLabel='状态' options={STATUS_OPTIONS} value={draft.status} onChange={(status) => set({ status })} />
      </FormField>
      <FormField label='类型'>
        <ChipGroup
          groupLabel='类型'
          options={[{ value: ANY, label: '不限' }, ...TICKET_TYPES.map((t) => ({ value: t, label: TICKET_TYPE_LABELS[t] }))]}
          value={draft.type ?? ANY}
          onChange={(t) => set({ type: (t || undefined) as TicketType | undefined, category: undefined })}
        />
      </FormField>
      {draft.type && (
        <FormField label='类别'>
          <ChipGroup
            groupLabel='类别'
            options={[{ value: ANY, label: '不限' }, ...categoriesOf(draft.type).map((c) => ({ value: c.code, label: c.label }))]}
            value={draft.category ?? ANY}
            onChange={(c) => set({ category: c || undefined })}
          />
        </FormField>
      )}
      {buildings.length > 0 && (
        <FormField label='楼栋'>
          <ChipGroup
            groupLabel='楼栋'
            options={[{ value: ANY, label: '不限' }, ...buildings.map((b) => ({ value: b, label: b }))]}
            value={draft.building ?? ANY}
            onChange={(b) => set({ building: b || undefined })}
          />
        </FormField>
      )}
      <FormField label='提交日期' error={error}>
        <View className='filters__dates'>
          <Picker mode='date' value={draft.from ?? ''} onChange={(e) => set({ from: String(e.detail.value) })}>
            <View className='filters__date' role='button' aria-label='开始日期'>
              {draft.from ?? '开始日期'}
            </View>
          </Picker>
          <Text className='filters__dash'>至</Text>
          <Picker mode='date' value={draft.to ?? ''} onChange={(e) => set({ to: String(e.detail.value) })}>
            <View className='filters__date' role='button' aria-label='结束日期'>
              {draft.to ?? '结束日期'}
            </View>
          </Picker>
          {(draft.from || draft.to) && (
            <View className='filters__clear' role='button' aria-label='清除日期' onClick={() => set({ from: undefined, to: undefined })}>
              清除
            </View>
          )}
        </View>
      </FormField>
      {draft.unitLabel && (
        <FormField label='房屋'>
          <ChipGroup
            groupLabel='房屋'
            options={[{ value: 'unit', label: `${draft.unitLabel} ×` }]}
            value='unit'
            onChange={() => set({ unitId: undefined, unitLabel: undefined })}
          />
        </FormField>
      )}
    </Sheet>
  )
}
