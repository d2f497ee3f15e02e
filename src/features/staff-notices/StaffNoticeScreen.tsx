import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isInterruption, type AnnouncementAction } from '@/domain/announcements'
import { formatMonthDay } from '@/domain/time'
import { Pill } from '@/components/Pill'
import { Section } from '@/components/Section'
import { EmptyState, StateView } from '@/components/StateView'
import { factRow } from '@/components/FactRow'
import { newRequestId } from '@/services/ids'
import { hasRole, useMe } from '@/features/account'
import { NoticeDetail, rangeText, TypeTag } from '@/features/notices'
import { staffNoticesApi } from './api'
import { ANNOUNCEMENT_STATUS_TONE } from './format'
import { ReachPanel } from './ReachPanel'
import { ReasonSheet } from './ReasonSheet'
import { hasReach, useStaffNotice } from './useStaffNotice'
import './StaffNotices.scss'

type SheetKind = 'reject' | 'withdraw' | 'restore' | null

const Fact = factRow('sn-facts')

const go = (url: string) => void Taro.navigateTo({ url })

/** 公告详情 for staff: status, review and override records, reach, and the actions its status allows. */
export function StaffNoticeScreen({ announcementId }: { announcementId?: string }) {
  const me = useMe()
  const s = useStaffNotice(announcementId)
  const [sheet, setSheet] = useState<SheetKind>(null)
  const restoreId = useRef(newRequestId('restore'))

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!hasRole(me.me, 'desk', 'supervisor', 'admin')) return <EmptyState text='仅客服、主管和管理员可以管理公告' />
  if (!s.notice) return <StateView loading={s.loading} error={s.error} onRetry={() => void s.reload()} />

  const n = s.notice
  const id = n.announcementId
  /** A desk change to the published notice, waiting for a supervisor; the published version stays live. */
  const revision = n.status === 'published' ? n.revision : undefined
  // What the server's state machine allows this reader now (announcement `actions`).
  const may = (a: AnnouncementAction) => n.actions.includes(a)
  const canReview = may('review')
  const canWithdraw = may('withdraw')
  const canPin = may('pin')
  const canEdit = may('edit')
  const canRestore = may('restore')
  const canPoster = may('poster')
  const busy = !!s.acting
  const hasPrimary = may('publish') || canRestore || canReview

  // Secondary actions, in the head card; the fixed bar keeps the one the status calls for.
  const tools: { label: string; run: () => void; danger?: boolean }[] = []
  if (canEdit && n.status !== 'draft') tools.push({ label: '编辑', run: () => go(`/staff/notice-edit/index?id=${encodeURIComponent(id)}`) })
  if (canPin) tools.push({ label: n.pinned ? '取消置顶' : '置顶', run: () => void s.act('pin', n.pinned ? '已取消置顶' : '已置顶', () => staffNoticesApi.pin(id, !n.pinned)) })
  if (canPoster) tools.push({ label: '打印海报', run: () => go(`/staff/notice-poster/index?id=${encodeURIComponent(id)}`) })
  if (canWithdraw) tools.push({ label: '撤回', run: () => setSheet('withdraw'), danger: true })

  async function approve() {
    await s.act('approve', '已通过', () => staffNoticesApi.review(id, true))
  }
  async function reject(reason: string) {
    if (await s.act('reject', '已退回', () => staffNoticesApi.review(id, false, reason))) setSheet(null)
  }
  async function withdraw(reason: string) {
    if (await s.act('withdraw', '已撤回', () => staffNoticesApi.withdraw(id, reason))) setSheet(null)
  }
  /** The outage has not started yet (its start time is still ahead). */
  const early = !!n.interruption && new Date(n.interruption.startAt).getTime() > Date.now()
  async function startRestore() {
    if (early) {
      const res = await Taro.showModal({
        title: `${n.typeLabel}尚未开始`,
        content: `本通知的${n.typeLabel}开始时间为 ${formatMonthDay(n.interruption!.startAt)}。现在发布「已恢复」，住户会以为已经恢复。确定提前发布吗？`,
        confirmText: '仍要发布',
        confirmColor: '#e5484d',
        cancelText: '取消',
      })
      if (!res.confirm) return
    }
    setSheet('restore')
  }

  async function restore(body: string) {
    const res = await s.act('restore', '已发布恢复通知', () => staffNoticesApi.restore(id, body, restoreId.current))
    if (res) {
      restoreId.current = newRequestId('restore')
      setSheet(null)
      void Taro.redirectTo({ url: `/staff/notice/index?id=${encodeURIComponent(res.announcementId)}` })
    }
  }

  return (
    <View className='snd'>
      <View className='snd__head'>
        <View className='snd__tags'>
          <TypeTag type={n.type} label={n.typeLabel} large />
          <Pill tone={ANNOUNCEMENT_STATUS_TONE[n.status]} className='snd__status'>
            {n.statusLabel}
          </Pill>
          {n.pinned && <Text className='snd__pin'>置顶</Text>}
          {n.revised && <Text className='snd__revised'>已更新</Text>}
          {revision && <Text className='snd__revised snd__revised--pending'>修改待审核</Text>}
        </View>
        <Text className='snd__title'>{n.title}</Text>
        <View className='sn-facts'>
          <Fact label='影响范围'>{n.scopeLabel}</Fact>
          {n.interruption && <Fact label={`${n.typeLabel}时间`}>{rangeText(n.interruption.startAt, n.interruption.endAt)}</Fact>}
          {n.status === 'scheduled' && n.publishAt && <Fact label='定时发布'>{formatMonthDay(n.publishAt)}</Fact>}
          {n.status === 'review' && n.publishAt && <Fact label='申请发布'>{formatMonthDay(n.publishAt)}</Fact>}
          {n.publishedAt && <Fact label='发布时间'>{formatMonthDay(n.publishedAt)}</Fact>}
          <Fact label={n.revised ? '更新时间' : '最后编辑'}>{formatMonthDay(n.updatedAt)}</Fact>
          {n.expiresAt && <Fact label='过期时间'>{formatMonthDay(n.expiresAt)}</Fact>}
        </View>
        {n.status === 'review' && (
          <Text className='snd__note snd__note--review'>{canReview ? '请审核这条公告：通过后按申请时间发布。' : '已提交主管审核，通过后按申请时间发布。'}</Text>
        )}
        {revision && (
          <Text className='snd__note snd__note--review'>
            {canReview ? '请审核这次修改：通过后替换已发布的内容并标记为已更新；在此之前住户看到的仍是已发布的版本。' : '修改已提交主管审核，通过前住户看到的仍是已发布的版本。'}
          </Text>
        )}
        {n.status === 'withdrawn' && <Text className='snd__note'>已撤回：住户不再看到，未发出的订阅消息不再发送。</Text>}
        {tools.length > 0 && (
          <View className='snd__tools' role='toolbar' aria-label='管理'>
            {tools.map((t) => (
              <View
                key={t.label}
                className={`snd__tool ${t.danger ? 'snd__tool--danger' : ''}`}
                hoverClass='snd__tool--pressed'
                role='button'
                aria-disabled={busy ? 'true' : undefined}
                onClick={busy ? undefined : t.run}
              >
                <Text>{t.label}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      {(n.review || n.override || n.restoredOf) && (
        <Section title='记录'>
          {n.review && (
            <View className={`snd__record snd__record--${n.review.approved ? 'ok' : 'back'}`}>
              <Text className='snd__record-title'>{n.review.approved ? '审核通过' : '审核退回'}</Text>
              <Text className='snd__record-text'>
                {n.review.by} · {formatMonthDay(n.review.at)}
                {n.review.reason ? `\n原因：${n.review.reason}` : ''}
              </Text>
            </View>
          )}
          {n.override && (
            <View className='snd__record snd__record--override'>
              <Text className='snd__record-title'>未满提前通知期发布</Text>
              <Text className='snd__record-text'>
                原因：{n.override.reason}
                {`\n${n.override.by} · ${formatMonthDay(n.override.at)}`}
              </Text>
            </View>
          )}
          {n.restoredOf && (
            <View className='snd__record' role='button' onClick={() => go(`/staff/notice/index?id=${encodeURIComponent(n.restoredOf!)}`)}>
              <Text className='snd__record-title'>恢复通知</Text>
              <Text className='snd__record-text snd__record-link'>查看原停用通知</Text>
            </View>
          )}
        </Section>
      )}

      {revision && (
        <Section title='待审核的修改'>
          <View className='snd__record snd__record--override' aria-label='待审核的修改'>
            <Text className='snd__record-title'>{revision.title}</Text>
            <Text className='snd__record-text'>
              {revision.body}
              {revision.interruption ? `\n${n.typeLabel}时间：${rangeText(revision.interruption.startAt, revision.interruption.endAt)}` : ''}
              {`\n${revision.by} · ${formatMonthDay(revision.at)} 提交`}
            </Text>
          </View>
        </Section>
      )}

      {hasReach(n) && <ReachPanel reach={s.reach} error={s.reachError} onRefresh={() => void s.refreshReach()} />}

      <Section title={revision ? '住户看到的内容（已发布版本）' : '住户看到的内容'}>
        <View className='snd__content'>
          <NoticeDetail notice={n} preview={!n.publishedAt} />
        </View>
      </Section>

      {hasPrimary && (
        <>
          <View className='snd-bar__spacer' />
          <View className='snd-bar' role='toolbar' aria-label='公告操作'>
            {may('publish') && (
              <Button type='primary' className='snd-bar__btn' onClick={() => go(`/staff/notice-edit/index?id=${encodeURIComponent(id)}`)}>
                {/* A desk member's publish only submits for review: the button says so. */}
                {hasRole(me.me, 'supervisor', 'admin') ? '编辑并发布' : '编辑并提交审核'}
              </Button>
            )}
            {canRestore && (
              // Before the outage has started, 「已恢复」 is not the next step: not the main button, and it asks first.
              <Button type={early ? 'default' : 'primary'} fill={early ? 'outline' : undefined} className='snd-bar__btn' disabled={busy} onClick={() => void startRestore()}>
                一键发布「已恢复」
              </Button>
            )}
            {canReview && (
              <>
                <Button fill='outline' type='danger' className='snd-bar__btn' disabled={busy} onClick={() => setSheet('reject')}>
                  退回
                </Button>
                <Button type='primary' className='snd-bar__btn' disabled={busy} loading={s.acting === 'approve'} onClick={() => void approve()}>
                  审核通过
                </Button>
              </>
            )}
          </View>
        </>
      )}

      <ReasonSheet
        open={sheet === 'reject'}
        title='退回公告'
        label='退回原因'
        placeholder='如：停水时间与水务公司通知不一致，请核对'
        confirmText='退回'
        danger
        busy={s.acting === 'reject'}
        onClose={() => setSheet(null)}
        onSubmit={(r) => void reject(r)}
      />
      <ReasonSheet
        open={sheet === 'withdraw'}
        title='撤回公告'
        label='撤回原因'
        placeholder='如：施工延期，另行通知'
        confirmText='撤回'
        danger
        busy={s.acting === 'withdraw'}
        onClose={() => setSheet(null)}
        onSubmit={(r) => void withdraw(r)}
      >
        <Text className='snd__sheet-note'>撤回后住户不再看到这条通知，尚未发出的订阅消息不再发送。</Text>
      </ReasonSheet>
      <ReasonSheet
        open={sheet === 'restore'}
        title='发布「已恢复」通知'
        label='恢复说明（选填）'
        maxlength={500}
        optional
        placeholder='留空则发送默认说明：「（原通知标题）已恢复，感谢您的理解与配合」'
        confirmText='立即发布'
        busy={s.acting === 'restore'}
        onClose={() => setSheet(null)}
        onSubmit={(b) => void restore(b)}
      >
        <Text className='snd__sheet-note'>
          将向原通知的范围（{n.scopeLabel}）立即发布「已恢复：{n.title}」，并取消原通知的置顶。
        </Text>
      </ReasonSheet>
    </View>
  )
}
