import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AnnouncementView } from '@/domain/announcements-api'
import { formatMonthDay } from '@/domain/time'
import { ANNOUNCEMENT_STATUSES, ANNOUNCEMENT_STATUS_LABELS } from '@/domain/announcements'
import { Pill } from '@/components/Pill'
import { EmptyState, StateView } from '@/components/StateView'
import { TabStrip } from '@/components/TabStrip'
import { LoadMore } from '@/components/LoadMore'
import { hasRole, useMe } from '@/features/account'
import { TypeTag } from '@/features/notices'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import { staffNoticesApi, type StatusFilter } from './api'
import { ANNOUNCEMENT_STATUS_TONE } from './format'
import './StaffNotices.scss'

/** 全部, then each status in the domain's words (the same words as the status pill). */
const TABS: { value: StatusFilter; label: string }[] = [{ value: 'all', label: '全部' }, ...ANNOUNCEMENT_STATUSES.map((s) => ({ value: s, label: ANNOUNCEMENT_STATUS_LABELS[s] }))]

const EMPTY: Record<StatusFilter, string> = {
  all: '还没有公告',
  draft: '没有草稿',
  review: '没有待审核的公告',
  scheduled: '没有定时发布的公告',
  published: '没有已发布的公告',
  withdrawn: '没有已撤回的公告',
  expired: '没有已过期的公告',
}

/** When a row happened: published, scheduled or last edited. */
function when(n: AnnouncementView): string {
  if (n.status === 'scheduled' && n.publishAt) return `定于 ${formatMonthDay(n.publishAt)} 发布`
  if (n.status === 'review') return n.publishAt ? `申请 ${formatMonthDay(n.publishAt)} 发布` : '待主管审核'
  if (n.publishedAt) return `${formatMonthDay(n.publishedAt)} 发布`
  return `${formatMonthDay(n.updatedAt)} 编辑`
}

function Row({ n, onClick }: { n: AnnouncementView; onClick: () => void }) {
  return (
    <View className='sn-row' hoverClass='sn-row--pressed' role='button' aria-label={`${n.typeLabel}：${n.title}，${n.statusLabel}`} onClick={onClick}>
      <View className='sn-row__head'>
        <TypeTag type={n.type} label={n.typeLabel} />
        <Text className='sn-row__title'>{n.title}</Text>
        <Pill tone={ANNOUNCEMENT_STATUS_TONE[n.status]} className='sn-row__status'>
          {n.statusLabel}
        </Pill>
      </View>
      <View className='sn-row__meta'>
        {n.pinned && <Text className='sn-row__pin'>置顶</Text>}
        {n.revised && <Text className='sn-row__revised'>已更新</Text>}
        {n.status === 'published' && n.revision && <Text className='sn-row__revised'>修改待审核</Text>}
        <Text className='sn-row__scope'>{n.scopeLabel}</Text>
        <Text className='sn-row__time'>{when(n)}</Text>
      </View>
    </View>
  )
}

/** 公告管理: the community's notices by status, newest first, and 新建. */
export function StaffNoticeList() {
  const me = useMe()
  const allowed = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const [status, setStatus] = useState<StatusFilter>('all')
  const list = usePagedList(
    allowed ? status : null,
    (cursor) => staffNoticesApi.list({ status, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (n) => n.announcementId,
  )

  useListPage(list)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅客服、主管和管理员可以管理公告' />

  const items = list.items ?? []
  return (
    <View className='sn'>
      <View className='sn__head'>
        <Text className='sn__title'>{me.me.staff!.communityName} · 公告</Text>
        <Button size='small' type='primary' className='sn__new' onClick={() => Taro.navigateTo({ url: '/staff/notice-edit/index' })}>
          新建公告
        </Button>
      </View>
      <TabStrip block='sn' label='公告状态' options={TABS} value={status} onChange={setStatus} />
      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
        {items.length === 0 ? (
          <EmptyState text={EMPTY[status]} hint={status === 'all' ? '停水停电、设施改造等通知，点「新建公告」发布' : undefined} />
        ) : (
          <>
            {items.map((n) => (
              <Row key={n.announcementId} n={n} onClick={() => Taro.navigateTo({ url: `/staff/notice/index?id=${encodeURIComponent(n.announcementId)}` })} />
            ))}
            <LoadMore list={list} />
          </>
        )}
      </StateView>
    </View>
  )
}
