import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { useBindingRequests } from './useBindingRequests'
import { BindingRequestCard } from './BindingRequestCard'
import './BindingReview.scss'

/** 绑定审核: pending binding requests of the staff member's community. */
export function BindingReview() {
  const me = useMe()
  const allowed = hasRole(me.me, 'desk', 'admin')
  const list = useBindingRequests(allowed)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅客服和管理员可以审核绑定申请' />

  const items = list.items ?? []
  return (
    <View className='binding-review'>
      <StateView
        loading={!list.items && !list.error}
        error={list.error}
        onRetry={list.reload}
        empty={items.length === 0}
        emptyText='暂无待审核的绑定申请'
        emptyHint='住户提交的绑定申请会出现在这里'
      >
        <Text className='binding-review__total'>待审核 {list.total} 条</Text>
        {items.map((item) => (
          <BindingRequestCard
            key={item.membershipId}
            item={item}
            busy={list.deciding === item.membershipId}
            onDecide={(approve, reason) => list.decide(item, approve, reason)}
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
