import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@/domain/roles'
import { EmptyState, StateView } from '@/components/StateView'
import { Pill } from '@/components/Pill'
import { hasRole, isActiveStaff, useMe } from '@/features/account'
import { useQueueCounts, workload, type QueueCounts } from '@/features/staff-tickets'
import { useCallbackCounts, type CallbackCounts } from '@/features/staff-callbacks'
import { useReviewCount } from '@/features/staff-notices'
import type { StaffRole } from '@/domain/roles'
import { useUnread } from '@/features/inbox-badge'
import { entriesFor } from './entries'
import { CommunitySwitcher } from './CommunitySwitcher'
import { SubscribeReserve } from './SubscribeReserve'
import { useOnDuty, usePendingCount } from './useWorkbench'
import './Workbench.scss'

/** The 工单 tile: what waits for this person, and how much of it is overdue. */
function TicketCount({ roles, counts }: { roles: StaffRole[]; counts: QueueCounts }) {
  const n = workload(roles, counts)
  return (
    <View className='wb-tile__counts'>
      <Text className={`wb-tile__count ${n > 0 ? 'wb-tile__count--busy' : ''}`}>{n > 0 ? `${n} 单待处理` : '暂无待处理工单'}</Text>
      {counts.overdue > 0 && <Text className='wb-tile__count wb-tile__count--hot'>{counts.overdue} 单已超时</Text>}
    </View>
  )
}

/** The 回访 tile: callbacks waiting, and how many are past their due time. */
function CallbackCount({ counts }: { counts: CallbackCounts }) {
  return (
    <View className='wb-tile__counts'>
      <Text className={`wb-tile__count ${counts.open > 0 ? 'wb-tile__count--busy' : ''}`}>{counts.open > 0 ? `${counts.open} 条待回访` : '暂无待回访'}</Text>
      {counts.overdue > 0 && <Text className='wb-tile__count wb-tile__count--hot'>{counts.overdue} 条已超时</Text>}
    </View>
  )
}

export function Workbench() {
  const { me, loading, error, reload } = useMe()
  const duty = useOnDuty()
  const pending = usePendingCount(hasRole(me, 'desk', 'admin'))
  const tickets = useQueueCounts(isActiveStaff(me)).counts
  const callbacks = useCallbackCounts(isActiveStaff(me)).counts
  const noticeReviews = useReviewCount(hasRole(me, 'supervisor', 'admin'))
  const unread = useUnread()

  if (!me) return <StateView loading={loading || !error} error={error} onRetry={reload} />
  if (!isActiveStaff(me)) {
    return (
      <EmptyState text='你还不是物业员工' hint='请向管理员索取员工邀请码'>
        <Button type='primary' size='small' className='workbench__join' onClick={() => Taro.redirectTo({ url: '/pages/invite/index' })}>
          输入员工邀请码
        </Button>
      </EmptyState>
    )
  }
  const staff = me.staff!

  return (
    <View className='workbench'>
      <View className='workbench__head'>
        <View
          className='workbench__inbox'
          hoverClass='workbench__inbox--pressed'
          role='button'
          aria-label={`消息，${unread.total} 条未读`}
          onClick={() => Taro.navigateTo({ url: '/inbox/index' })}
        >
          <Text className='workbench__inbox-label'>消息</Text>
          {unread.total > 0 && <Text className='workbench__badge'>{unread.total > 99 ? '99+' : unread.total}</Text>}
        </View>
        <Text className='workbench__hello'>您好，{staff.name}</Text>
        <CommunitySwitcher me={me} />
        <View className='workbench__roles'>
          {staff.roles.map((r) => (
            <Pill key={r} tone='on-dark' className='workbench__role'>
              {ROLE_LABELS[r]}
            </Pill>
          ))}
        </View>
      </View>

      <View className='workbench__duty'>
        <View className='workbench__duty-text'>
          <Text className='workbench__duty-title'>在岗状态</Text>
          <Text className='workbench__duty-desc'>{duty.onDuty ? '在岗：可接收派单与提醒' : '休息：暂不接收派单'}</Text>
        </View>
        <Switch checked={duty.onDuty} disabled={duty.saving} ariaLabel='在岗状态' onChange={(v) => duty.toggle(v)} />
      </View>

      <SubscribeReserve />

      <View className='workbench__grid'>
        {entriesFor(staff.roles).map((e) =>
          e.url ? (
            <View key={e.key} className={`wb-tile wb-tile--${e.key}`} hoverClass='wb-tile--pressed' role='button' onClick={() => Taro.navigateTo({ url: e.url! })}>
              <Text className='wb-tile__title'>{e.title}</Text>
              {e.key === 'tickets' && tickets ? (
                <TicketCount roles={staff.roles} counts={tickets} />
              ) : e.key === 'callbacks' && callbacks ? (
                <CallbackCount counts={callbacks} />
              ) : e.key === 'notices' && noticeReviews ? (
                <Text className='wb-tile__count wb-tile__count--hot'>{noticeReviews} 条公告待审核</Text>
              ) : e.key === 'bindings' && pending !== null ? (
                <Text className={`wb-tile__count ${pending > 0 ? 'wb-tile__count--hot' : ''}`}>{pending > 0 ? `${pending} 条待审核` : '暂无待审核'}</Text>
              ) : (
                <Text className='wb-tile__desc'>{e.desc}</Text>
              )}
            </View>
          ) : (
            <View key={e.key} className={`wb-tile wb-tile--soon wb-tile--${e.key}`} aria-disabled='true'>
              <Text className='wb-tile__title'>{e.title}</Text>
              <Text className='soon-tag wb-tile__soon'>即将上线</Text>
            </View>
          ),
        )}
      </View>
    </View>
  )
}
