import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { DEPARTMENTS, DEPARTMENT_LABELS } from '@/domain/tickets/catalog'
import { ROUTING_MODES, ROUTING_MODE_LABELS, type RoutingRule } from '@/domain/tickets/routing'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField } from '@/components/FormField'
import type { DepartmentMember } from '@/features/staff-tickets'
import { checkRule, FALLBACK_CHOICES, matchGroups, type RuleErrors } from './rules'

interface Props {
  title: string
  /** The rule being edited (a blank one to add); null: closed. */
  rule: RoutingRule | null
  others: RoutingRule[]
  staff: DepartmentMember[]
  onClose: () => void
  onDone: (rule: RoutingRule) => void
}

const MODE_HINTS = {
  assign: '自动派给该部门在岗且手头工单最少的人',
  grab: '先进入抢单池，超时无人抢单再自动派单',
  fixed: '总是派给指定的人；其休息时改为自动派单',
}

export function RuleSheet({ title, rule, others, staff, onClose, onDone }: Props) {
  const [draft, setDraft] = useState<RoutingRule | null>(rule)
  const [errors, setErrors] = useState<RuleErrors>({})
  useEffect(() => {
    setDraft(rule)
    setErrors({})
  }, [rule])
  if (!draft) return null

  const set = (patch: Partial<RoutingRule>) => setDraft((d) => (d ? { ...d, ...patch } : d))
  const minutes = Array.from(new Set([...FALLBACK_CHOICES, draft.grabFallbackMinutes])).sort((a, b) => a - b)

  function done() {
    const found = checkRule(draft!, others)
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    onDone(draft!)
  }

  return (
    <Sheet open title={title} onClose={onClose} confirm={{ text: '确定', onConfirm: done }}>
      <FormField label='适用于' error={errors.match}>
        {matchGroups().map((g) => (
          <View key={g.title} className='rule-sheet__group'>
            <Text className='rule-sheet__group-title'>{g.title}</Text>
            <ChipGroup groupLabel={g.title} options={g.options} value={draft.match} onChange={(match) => (set({ match }), setErrors((e) => ({ ...e, match: undefined })))} />
          </View>
        ))}
      </FormField>
      <FormField label='处理部门'>
        <ChipGroup
          groupLabel='处理部门'
          options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }))}
          value={draft.department}
          onChange={(department) => set({ department })}
        />
      </FormField>
      <FormField label='派单方式' hint={MODE_HINTS[draft.mode]}>
        <ChipGroup groupLabel='派单方式' options={ROUTING_MODES.map((m) => ({ value: m, label: ROUTING_MODE_LABELS[m] }))} value={draft.mode} onChange={(mode) => set({ mode })} />
      </FormField>
      {draft.mode === 'grab' && (
        <FormField label='无人抢单多久后自动派单' error={errors.grabFallbackMinutes}>
          <ChipGroup
            groupLabel='抢单超时'
            options={minutes.map((m) => ({ value: String(m), label: `${m} 分钟` }))}
            value={String(draft.grabFallbackMinutes)}
            onChange={(v) => set({ grabFallbackMinutes: Number(v) })}
          />
        </FormField>
      )}
      {draft.mode === 'fixed' && (
        <FormField label='指定人员' error={errors.fixedStaffId}>
          <ChipGroup
            groupLabel='指定人员'
            options={staff.map((s) => ({ value: s.staffId, label: s.onDuty ? s.name : `${s.name}（休息）` }))}
            value={draft.fixedStaffId ?? null}
            onChange={(fixedStaffId) => (set({ fixedStaffId }), setErrors((e) => ({ ...e, fixedStaffId: undefined })))}
          />
        </FormField>
      )}
    </Sheet>
  )
}
