import { View } from '@tarojs/components'
import { Section } from '@/components/Section'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { useStaffMembers } from './useStaffMembers'
import { StaffCard } from './StaffCard'
import { InviteCreator } from './InviteCreator'
import './StaffMembers.scss'

/** 员工管理 (admin): the team, their roles and status, and invite codes. */
export function StaffMembers() {
  const me = useMe()
  const admin = hasRole(me.me, 'admin')
  const members = useStaffMembers(admin)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!admin) return <EmptyState text='仅管理员可以管理员工' />

  const list = members.staff ?? []
  return (
    <View className='staff-members'>
      <InviteCreator />
      <Section title={members.staff ? `员工（${list.length}）` : '员工'}>
        <StateView loading={!members.staff && !members.error} error={members.error} onRetry={members.reload} empty={list.length === 0} emptyText='暂无员工'>
          {list.map((s) => (
            <StaffCard key={s.staffId} member={s} self={s.staffId === me.me!.staff?.staffId} busy={members.saving === s.staffId} onUpdate={(patch) => members.update(s, patch)} />
          ))}
        </StateView>
      </Section>
    </View>
  )
}
