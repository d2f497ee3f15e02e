import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffView } from '@/domain/identity'
import type { StaffRole } from '@/domain/roles'
import { ChipGroup } from '@/components/ChipGroup'
import { Pill } from '@/components/Pill'
import { roleLabels } from '@/features/account'
import { ROLE_OPTIONS, toggleRole } from './roleOptions'

interface Props {
  member: StaffView
  self: boolean
  busy: boolean
  onUpdate: (patch: { roles?: StaffRole[]; active?: boolean }) => Promise<boolean>
}

export function StaffCard({ member, self, busy, onUpdate }: Props) {
  const [editing, setEditing] = useState(false)
  const [roles, setRoles] = useState<StaffRole[]>(member.roles)

  async function toggleActive() {
    const { confirm } = await Taro.showModal({
      title: member.active ? '停用员工' : '恢复员工',
      content: member.active ? `停用后「${member.name}」将无法使用员工工作台。` : `恢复「${member.name}」的员工身份？`,
      confirmText: member.active ? '停用' : '恢复',
    })
    if (confirm) await onUpdate({ active: !member.active })
  }

  return (
    <View className={`staff-card ${member.active ? '' : 'staff-card--inactive'}`}>
      <View className='staff-card__head'>
        <Text className='staff-card__name'>
          {member.name}
          {self ? '（我）' : ''}
        </Text>
        {!member.active ? <Pill tone='neutral'>已停用</Pill> : <Pill tone={member.onDuty ? 'success' : 'neutral'}>{member.onDuty ? '在岗' : '休息'}</Pill>}
      </View>
      <Text className='staff-card__roles'>{roleLabels(member.roles).join('、')}</Text>
      {editing ? (
        <View className='staff-card__edit'>
          <ChipGroup groupLabel='岗位' options={ROLE_OPTIONS} value={roles} onChange={(r) => setRoles((list) => toggleRole(list, r))} />
          {roles.length === 0 && <Text className='staff-card__error'>至少选择一个岗位</Text>}
          <View className='staff-card__actions'>
            <Button size='small' fill='none' onClick={() => (setEditing(false), setRoles(member.roles))}>
              取消
            </Button>
            <Button
              size='small'
              type='primary'
              loading={busy}
              disabled={roles.length === 0}
              onClick={async () => {
                if (await onUpdate({ roles })) setEditing(false)
              }}
            >
              保存岗位
            </Button>
          </View>
        </View>
      ) : (
        <View className='staff-card__actions'>
          <Button size='small' fill='outline' disabled={busy || !member.active} onClick={() => setEditing(true)}>
            调整岗位
          </Button>
          {!self && (
            <Button size='small' fill='outline' color={member.active ? '#e5484d' : '#1a9e75'} loading={busy} onClick={() => void toggleActive()}>
              {member.active ? '停用' : '恢复'}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
