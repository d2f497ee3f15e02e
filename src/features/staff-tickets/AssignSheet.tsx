import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { DEPARTMENTS, DEPARTMENT_LABELS, type Department } from '@/domain/tickets/catalog'
import { ROLE_LABELS } from '@/domain/roles'
import type { TicketDetail } from '@/domain/tickets/api'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField } from '@/components/FormField'
import { ErrorState, LoadingState, EmptyState } from '@/components/StateView'
import { Pill } from '@/components/Pill'
import { errorMessage } from '@/services/cloud'
import { staffTicketsApi, type DepartmentMember } from './api'

interface Props {
  open: boolean
  mode: 'dispatch' | 'transfer'
  detail: TicketDetail
  busy: boolean
  onClose: () => void
  onSubmit: (staffId: string, reason: string) => Promise<boolean>
}

/** From this many open tickets a person's load is shown as busy. */
const BUSY = 5

/** 派单 / 转派: a member of a department (on duty first, then the least loaded, each with their open load), and for a transfer the reason. */
export function AssignSheet({ open, mode, detail, busy, onClose, onSubmit }: Props) {
  const [department, setDepartment] = useState<Department>(detail.department)
  const [members, setMembers] = useState<DepartmentMember[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [staffId, setStaffId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ staff?: string; reason?: string }>({})

  useEffect(() => {
    if (!open) return
    let live = true
    setMembers(null)
    setLoadError(null)
    staffTicketsApi.departmentStaff(department).then(
      // On duty first, then the least loaded.
      (list) => live && setMembers([...list].sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.openLoad - b.openLoad)),
      (err) => live && setLoadError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [open, department, attempt])

  async function submit() {
    if (busy) return
    const found = {
      staff: staffId ? undefined : mode === 'transfer' ? '请选择转派对象' : '请选择处理人',
      reason: mode === 'transfer' && !reason.trim() ? '请填写转派原因' : undefined,
    }
    setErrors(found)
    if (found.staff || found.reason) return
    if (await onSubmit(staffId!, reason.trim())) {
      setStaffId(null)
      setReason('')
    }
  }

  const candidates = members ?? []
  const title = mode === 'transfer' ? '转派工单' : '派单'
  return (
    <Sheet open={open} title={title} onClose={onClose} confirm={{ text: mode === 'transfer' ? '确认转派' : '确认派单', busy, onConfirm: () => void submit() }}>
      <FormField label='部门'>
        <ChipGroup
          groupLabel='部门'
          options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }))}
          value={department}
          onChange={(d) => {
            setDepartment(d)
            setStaffId(null)
          }}
        />
      </FormField>
      <FormField label={mode === 'transfer' ? '转派给' : '派给'} error={errors.staff}>
        {loadError ? (
          <ErrorState message={loadError} onRetry={() => setAttempt((n) => n + 1)} />
        ) : members === null ? (
          <LoadingState />
        ) : candidates.length === 0 ? (
          <EmptyState text='该部门暂无员工' />
        ) : (
          <View className='assign__list' role='radiogroup' aria-label='选择员工'>
            {candidates.map((m) => {
              const current = !!detail.assigneeName && m.name === detail.assigneeName
              // A transfer goes to someone else.
              const off = mode === 'transfer' && current
              return (
                <View
                  key={m.staffId}
                  className={`assign__row ${staffId === m.staffId ? 'assign__row--on' : ''} ${off ? 'assign__row--off' : ''}`}
                  role='radio'
                  aria-checked={staffId === m.staffId ? 'true' : 'false'}
                  aria-disabled={off ? 'true' : undefined}
                  onClick={
                    off
                      ? undefined
                      : () => {
                          setStaffId(m.staffId)
                          setErrors((e) => ({ ...e, staff: undefined }))
                        }
                  }
                >
                  <View className='assign__who'>
                    <Text className='assign__name'>
                      {m.name}
                      {current ? '（当前处理人）' : ''}
                    </Text>
                    <Text className='assign__roles'>{m.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
                  </View>
                  <Text className={`assign__load ${m.openLoad >= BUSY ? 'assign__load--busy' : ''}`}>在办 {m.openLoad} 单</Text>
                  <Pill tone={m.onDuty ? 'success' : 'neutral'}>{m.onDuty ? '在岗' : '休息'}</Pill>
                </View>
              )
            })}
          </View>
        )}
      </FormField>
      {mode === 'transfer' && (
        <TextAreaField
          label='转派原因'
          value={reason}
          maxlength={100}
          placeholder='如：需电工处理、跨部门协作'
          error={errors.reason}
          fixed
          onInput={(v) => {
            setReason(v)
            setErrors((e) => ({ ...e, reason: undefined }))
          }}
        />
      )}
    </Sheet>
  )
}
