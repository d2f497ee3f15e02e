import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { StatusTag, ownedHomes, relationLabel, useMe } from '@/features/account'
import { useHousehold } from './useHousehold'
import './HouseholdScreen.scss'

/** 家庭成员: an owner sees everyone bound to their home and may remove family members and tenants. */
export function HouseholdScreen({ unitId: requested }: { unitId?: string }) {
  const me = useMe()
  const owned = ownedHomes(me.me)
  const [unitId, setUnitId] = useState<string | null>(requested ?? null)
  const current = owned.find((h) => h.unitId === unitId) ?? owned[0] ?? null
  const household = useHousehold(current?.unitId ?? null)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!current) return <EmptyState text='仅业主可以管理家庭成员' hint='绑定为业主并通过审核后可使用' />

  const members = household.members ?? []
  return (
    <View className='household'>
      {owned.length > 1 && (
        <Section title='选择房屋'>
          <ChipGroup groupLabel='选择房屋' options={owned.map((h) => ({ value: h.unitId, label: h.label }))} value={current.unitId} onChange={setUnitId} />
        </Section>
      )}
      <Section title={`${current.label} 的成员`} flush>
        <StateView
          loading={household.loading && !household.members}
          error={household.error}
          onRetry={household.reload}
          empty={!!household.members && members.length === 0}
          emptyText='暂无家庭成员'
        >
          {members.map((m) => {
            const self = m.membershipId === current.membershipId
            return (
              <View key={m.membershipId} className='member'>
                <View className='member__main'>
                  <Text className='member__name'>
                    {m.name}
                    {self ? '（我）' : ''}
                  </Text>
                  <Text className='member__meta'>
                    {relationLabel(m.relation)} · {m.phoneMasked}
                  </Text>
                </View>
                <StatusTag status={m.status} />
                {!self && m.relation !== 'owner' && m.status === 'pending' && (
                  <View className='member__decide'>
                    <Button size='small' fill='outline' className='member__remove' disabled={household.removing === m.membershipId} onClick={() => void household.decide(m, false)}>
                      拒绝
                    </Button>
                    <Button size='small' type='primary' className='member__remove' loading={household.removing === m.membershipId} onClick={() => void household.decide(m, true)}>
                      同意
                    </Button>
                  </View>
                )}
                {!self && m.relation !== 'owner' && m.status === 'approved' && (
                  <Button
                    size='small'
                    fill='outline'
                    color='#e5484d'
                    className='member__remove'
                    loading={household.removing === m.membershipId}
                    onClick={() => void household.remove(m)}
                  >
                    移除
                  </Button>
                )}
              </View>
            )
          })}
        </StateView>
      </Section>
    </View>
  )
}
