import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Box, InboxItem } from '@/domain/inbox'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import { LoadMore } from '@/components/LoadMore'
import { errorMessage } from '@/services/cloud'
import { isActiveStaff, useMe } from '@/features/account'
import { setUnread, useUnread } from '@/features/inbox-badge'
import { inboxApi } from './api'
import { targetUrl } from './link'
import { MessageCard } from './MessageCard'
import './Inbox.scss'

const EMPTY: Record<Box, { text: string; hint: string }> = {
  personal: { text: '暂无消息', hint: '工单进度、社区公告等通知会出现在这里' },
  alerts: { text: '暂无岗位提醒', hint: '抢单池新工单、无人接单等岗位共享提醒会出现在这里' },
}

/** 无权查看: the link points at something this reader may not see (moved out, another community…). */
function NoAccess({ onBack }: { onBack: () => void }) {
  return (
    <EmptyState text='无权查看' hint='该内容仅相关住户或本小区物业人员可查看。如有疑问，请联系物业服务中心。'>
      <Button size='small' type='primary' fill='outline' className='inbox__back' onClick={onBack}>
        返回消息列表
      </Button>
    </EmptyState>
  )
}

/** 消息: my messages, newest first; staff also see their role's shared alerts (a second tab). */
export function InboxScreen() {
  const me = useMe()
  const staff = isActiveStaff(me.me)
  const [box, setBox] = useState<Box>('personal')
  const [denied, setDenied] = useState(false)
  const [busy, setBusy] = useState(false)
  const unread = useUnread()
  const list = usePagedList<InboxItem>(
    me.me ? box : null,
    (cursor) => inboxApi.list(box, PAGE_SIZE, cursor),
    (i) => i.id,
  )

  // Back from a linked page: newer messages may have come in.
  useListPage(list)

  async function open(item: InboxItem) {
    try {
      const res = await inboxApi.open(item.id)
      setUnread(res.unread)
      if (!item.read) void list.reload(true)
      if (!res.allowed) {
        setDenied(true)
        return
      }
      const to = targetUrl(item)
      if (!to) return
      if (to.tab) void Taro.switchTab({ url: to.url })
      else void Taro.navigateTo({ url: to.url })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    }
  }

  async function readAll() {
    if (busy) return
    setBusy(true)
    try {
      setUnread((await inboxApi.readAll(box)).unread)
      await list.reload(true)
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (denied) return <NoAccess onBack={() => setDenied(false)} />
  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  const items = list.items ?? []
  const unreadHere = list.unread ?? (box === 'personal' ? unread.personal : unread.alerts)
  return (
    <View className='inbox'>
      <View className='inbox__bar'>
        {staff ? (
          <ChipGroup
            groupLabel='消息分类'
            options={[
              { value: 'personal' as Box, label: unread.personal ? `我的消息 ${unread.personal}` : '我的消息' },
              { value: 'alerts' as Box, label: unread.alerts ? `岗位提醒 ${unread.alerts}` : '岗位提醒' },
            ]}
            value={box}
            onChange={setBox}
          />
        ) : (
          <Text className='inbox__count'>{unreadHere ? `${unreadHere} 条未读` : '没有未读消息'}</Text>
        )}
        <Button size='small' fill='none' className='inbox__read-all' disabled={!unreadHere || busy} onClick={() => void readAll()}>
          全部已读
        </Button>
      </View>
      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
        {items.length === 0 ? (
          <EmptyState text={EMPTY[box].text} hint={EMPTY[box].hint} />
        ) : (
          <>
            {items.map((i) => (
              <MessageCard key={i.id} item={i} now={new Date()} onOpen={(x) => void open(x)} />
            ))}
            <LoadMore list={list} />
          </>
        )}
      </StateView>
    </View>
  )
}
