import { View, Text } from '@tarojs/components'
import type { ReachView } from '@/domain/announcements-api'
import { formatMonthDay } from '@/domain/time'
import { Section } from '@/components/Section'
import { BROADCAST_STATE_LABELS, errcodeLabel, groupName } from './format'
import './StaffNotices.scss'

function Stat({ label, value, tone, note }: { label: string; value: number; tone?: 'good' | 'bad' | 'muted'; note?: string }) {
  return (
    <View className={`reach__stat ${tone ? `reach__stat--${tone}` : ''}`} aria-label={`${label} ${value}`}>
      <Text className='reach__value'>{value}</Text>
      <Text className='reach__label'>{label}</Text>
      {note && <Text className='reach__note'>{note}</Text>}
    </View>
  )
}

const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 100)}%` : '—')

/** 触达: who the notice was for, who got the message, why some did not, who read and shared it. */
export function ReachPanel({ reach, error, onRefresh }: { reach: ReachView | null; error: string | null; onRefresh: () => void }) {
  const refresh = (
    <View className='reach__refresh' role='button' hoverClass='reach__refresh--pressed' onClick={onRefresh}>
      <Text>刷新</Text>
    </View>
  )
  if (!reach) {
    return (
      <Section title='触达情况' extra={refresh}>
        <Text className='reach__empty'>{error ?? '正在统计…'}</Text>
      </Section>
    )
  }
  const r = reach
  return (
    <Section title='触达情况' extra={refresh} className='reach'>
      <View className='reach__state'>
        <Text className={`reach__badge reach__badge--${r.state}`}>{BROADCAST_STATE_LABELS[r.state] ?? r.state}</Text>
        <Text className='reach__state-text'>范围内住户 {r.targeted} 人</Text>
      </View>
      <View className='reach__grid'>
        <Stat label='已送达' value={r.sent} tone='good' note={pct(r.sent, r.targeted)} />
        <Stat label='发送失败' value={r.failed} tone={r.failed ? 'bad' : undefined} />
        <Stat label='未订阅' value={r.withoutConsent} tone='muted' />
        <Stat label='待发送' value={r.pending} />
        <Stat label='已读' value={r.read} tone='good' note={pct(r.read, r.targeted)} />
        <Stat label='分享' value={r.shared} />
      </View>

      {r.failures.length > 0 && (
        <View className='reach__block'>
          <Text className='reach__block-title'>失败原因</Text>
          {r.failures.map((f) => (
            <View key={f.errcode} className='reach__line'>
              <Text className='reach__line-key'>{errcodeLabel(f.errcode)}</Text>
              <Text className='reach__line-value'>
                {f.count} 人 · {f.errcode}
              </Text>
            </View>
          ))}
        </View>
      )}
      {r.withoutConsent > 0 && <Text className='reach__hint'>未订阅：这些住户没有开启通知提醒，订阅消息发不到，只能在小程序首页看到通知。可张贴海报或在业主群转发。</Text>}

      <View className='reach__block'>
        <Text className='reach__block-title'>转发到的群聊（{r.groups.length}）</Text>
        {r.groups.length === 0 ? (
          <Text className='reach__hint'>还没有住户从群聊打开这条通知</Text>
        ) : (
          r.groups.map((g, i) => (
            <View key={g.openGId} className='reach__line'>
              <Text className='reach__line-key'>{groupName(g.openGId, i)}</Text>
              <Text className='reach__line-value'>
                打开 {g.opens} 次 · 首次 {formatMonthDay(g.firstAt)}
              </Text>
            </View>
          ))
        )}
      </View>
    </Section>
  )
}
