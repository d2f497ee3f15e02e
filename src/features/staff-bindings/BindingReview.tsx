import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { useBindingRequests } from './useBindingRequests'
import { BindingRequestCard } from './BindingRequestCard'
import './BindingReview.scss'

type Tab = 'pending' | 'approved'
const TABS: { value: Tab; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已绑定' },
]

/** 绑定审核: pending binding requests of the staff member's community, and bound members to revoke. */
export function BindingReview() {
  const me = useMe()
  const allowed = hasRole(me.me, 'desk', 'admin')
  const [tab, setTab] = useState<Tab>('pending')
  const list = useBindingRequests(allowed, tab)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅客服和管理员可以审核绑定申请' />

  const items = list.items ?? []
  return (
    <View className='binding-review'>
      <ChipGroup groupLabel='申请状态' options={TABS} value={tab} onChange={setTab} />
      <StateView
        loading={!list.items && !list.error}
        error={list.error}
        onRetry={list.reload}
        empty={items.length === 0}
        emptyText={tab === 'pending' ? '暂无待审核的绑定申请' : '暂无已绑定的住户'}
        emptyHint={tab === 'pending' ? '住户提交的绑定申请会出现在这里' : undefined}
      >
        <Text className='binding-review__total'>
          {tab === 'pending' ? '待审核' : '已绑定'} {list.total} 条
        </Text>
        {items.map((item) => (
          <BindingRequestCard
            key={item.membershipId}
            item={item}
            busy={list.deciding === item.membershipId}
            onDecide={tab === 'pending' ? (approve, reason) => list.decide(item, approve, reason) : undefined}
            onRevoke={tab === 'approved' ? (reason) => list.revoke(item, reason) : undefined}
          />
        ))}
        {list.hasMore && (
          <Button block fill='none' className='binding-review__more' loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        )}
      </StateView>
    </View>
  )
}
