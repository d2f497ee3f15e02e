import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BINDING_UNDO_MINUTES } from '@/domain/membership'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { useBindingRequests, type ReviewTab } from './useBindingRequests'
import { BindingRequestCard } from './BindingRequestCard'
import './BindingReview.scss'

const TABS: { value: ReviewTab; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'history', label: '审核记录' },
  { value: 'approved', label: '已绑定' },
]
const EMPTY: Record<ReviewTab, string> = { pending: '暂无待审核的绑定申请', history: '暂无审核记录', approved: '暂无已绑定的住户' }
const TOTAL: Record<ReviewTab, string> = { pending: '待审核', history: '审核记录', approved: '已绑定' }

/** 绑定审核: pending requests (with waiting time and the flat's household), the decisions made, and bound members to revoke. */
export function BindingReview() {
  const me = useMe()
  const allowed = hasRole(me.me, 'desk', 'admin')
  const [tab, setTab] = useState<ReviewTab>('pending')
  const list = useBindingRequests(allowed, tab)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅客服和管理员可以审核绑定申请' />

  const items = list.items ?? []
  const just = list.justApproved?.item
  return (
    <View className='binding-review'>
      <ChipGroup groupLabel='申请状态' options={TABS} value={tab} onChange={setTab} />
      {just && tab === 'pending' && (
        <View className='binding-review__undo' role='status'>
          <Text className='binding-review__undo-text'>
            已通过 {just.name}（{just.label}）的申请，{BINDING_UNDO_MINUTES} 分钟内可撤回
          </Text>
          <Button size='small' fill='outline' loading={list.deciding === just.membershipId} onClick={() => void list.undo(just)}>
            撤回
          </Button>
        </View>
      )}
      <StateView
        loading={!list.items && !list.error}
        error={list.error}
        onRetry={list.reload}
        empty={items.length === 0}
        emptyText={EMPTY[tab]}
        emptyHint={tab === 'pending' ? '住户提交的绑定申请会出现在这里' : undefined}
      >
        <Text className='binding-review__total'>
          {TOTAL[tab]} {list.total} 条{tab === 'pending' && items.some((i) => i.wait?.long) ? '，标红的已等待超过 24 小时' : ''}
        </Text>
        {items.map((item) => (
          <BindingRequestCard
            key={item.membershipId}
            item={item}
            busy={list.deciding === item.membershipId}
            onDecide={tab === 'pending' ? (approve, reason) => list.decide(item, approve, reason) : undefined}
            onRevoke={tab === 'approved' ? (reason) => list.revoke(item, reason) : undefined}
            onUndo={tab === 'history' ? () => list.undo(item) : undefined}
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
