import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import {
  ANNOUNCEMENT_TYPES,
  ANNOUNCEMENT_TYPE_LABELS,
  interruptionSummary,
  isInterruption,
  scopeLabel,
  SUMMARY_MAX,
  TITLE_MAX,
  type AnnouncementType,
  type Scope,
} from '@/domain/announcements'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { Sheet } from '@/components/Sheet'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { NoticeDetail, shanghai, type NoticeContent } from '@/features/notices'
import { ImagesField } from './ImagesField'
import { CountedInput } from './CountedInput'
import { OverrideSheet } from './OverrideSheet'
import { ScopePicker, useUnits } from './ScopePicker'
import { TimeField } from './TimeField'
import { useNoticeEditor } from './useNoticeEditor'
import { BODY_MAX, noticePeriod, REASON_MAX, toScope } from './validate'
import './StaffNotices.scss'

const TYPE_OPTIONS = ANNOUNCEMENT_TYPES.map((t) => ({ value: t, label: ANNOUNCEMENT_TYPE_LABELS[t] }))
type When = 'now' | 'later'

const REASON_EXAMPLES: Partial<Record<AnnouncementType, string>> = {
  water: '如：二次供水水箱年度清洗消毒',
  power: '如：供电公司配电设备检修',
  gas: '如：燃气公司管道安全检测',
  elevator: '如：电梯年度检验',
  renovation: '如：地下车库照明节能改造',
}

/** The live notice-period hint: the rule, and whether this start time meets it. */
function PeriodHint({ rule, shortfall, hasStart }: { rule: string; shortfall: number; hasStart: boolean }) {
  return (
    <View className={`period ${shortfall > 0 ? 'period--short' : hasStart ? 'period--ok' : ''}`} role='note'>
      <Text className='period__rule'>{rule}</Text>
      {hasStart && <Text className='period__state'>{shortfall > 0 ? `距开始不足要求，还差 ${shortfall} 小时：发布时需填写原因并记录在案` : '已满足提前通知要求'}</Text>}
    </View>
  )
}

/** 新建 / 编辑公告 (desk, supervisor, admin). */
export function NoticeEditor({ announcementId }: { announcementId?: string }) {
  const { me, error: meError, reload: reloadMe } = useMe()
  const ed = useNoticeEditor(announcementId)
  const units = useUnits(me?.staff?.communityId ?? null)
  const [when, setWhen] = useState<When>('now')
  const [publishAt, setPublishAt] = useState<string | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [whenError, setWhenError] = useState<string | undefined>()

  if (!me) return <StateView loading={!meError} error={meError} onRetry={reloadMe} />
  if (!hasRole(me, 'desk', 'supervisor', 'admin')) return <EmptyState text='仅客服、主管和管理员可以发布公告' />
  if (ed.loading || ed.loadError) return <StateView loading={ed.loading} error={ed.loadError} onRetry={() => void ed.reload()} />
  if (ed.notice && ['withdrawn', 'expired'].includes(ed.notice.status)) return <EmptyState text='已撤回或过期的公告不能修改' />

  const { draft, set, errors } = ed
  const interruption = isInterruption(draft.type)
  const label = ANNOUNCEMENT_TYPE_LABELS[draft.type]
  const reviewer = hasRole(me, 'supervisor', 'admin')
  const period = noticePeriod(draft.type, draft.startAt, when === 'later' && publishAt ? new Date(publishAt) : new Date())
  const unitLabels = Object.fromEntries((units.units ?? []).map((u) => [u._id, u.label]))
  const scoped = toScope(draft) as Scope

  const content: NoticeContent = {
    type: draft.type,
    typeLabel: label,
    title: draft.title.trim(),
    body: draft.body.trim(),
    communityName: me.staff?.communityName ?? '',
    scopeLabel: scopeLabel(scoped, unitLabels) || '未选择',
    images: ed.images.urls,
    attachments: ed.notice?.attachments ?? [],
    revised: ed.notice?.status === 'published',
    updatedAt: new Date().toISOString(),
    ...(interruption && draft.startAt && draft.endAt ? { interruption: { reason: draft.reason.trim(), startAt: draft.startAt, endAt: draft.endAt } } : {}),
  }

  function publish() {
    if (when === 'later') {
      if (!publishAt) return setWhenError('请选择发布时间')
      if (new Date(publishAt).getTime() <= Date.now()) return setWhenError('定时发布时间需晚于现在')
      setWhenError(undefined)
      void ed.publish({ publishAt })
      return
    }
    void ed.publish()
  }
  const primary = !reviewer ? '提交审核' : when === 'later' ? '定时发布' : '发布'

  return (
    <View className='ne'>
      {ed.notice && ed.notice.status !== 'draft' && (
        <View className='ne__status' role='note'>
          <Text>
            当前状态：{ed.notice.statusLabel}。{ed.notice.status === 'published' ? '保存后住户会看到「已更新」标记。' : '保存后仍按原安排处理。'}
          </Text>
        </View>
      )}

      <Section title='公告类型'>
        <ChipGroup groupLabel='公告类型' className='ne__types' options={TYPE_OPTIONS} value={draft.type} onChange={(t) => set({ type: t })} />
        {interruption && <Text className='ne__type-hint'>{label}属于停用类通知：需写明原因、影响范围、开始时间和预计恢复时间</Text>}
      </Section>

      <Section title='内容'>
        <CountedInput
          label='标题'
          value={draft.title}
          max={TITLE_MAX}
          placeholder={interruption ? `如：1栋${label}通知` : '简要说明通知内容'}
          hint={`订阅消息标题限 ${TITLE_MAX} 字`}
          error={errors.title}
          onInput={(v) => set({ title: v })}
        />
        {interruption ? (
          // The times are said once, in the fields below: the summary is made from them.
          <View className='ne__derived' role='note' aria-label='摘要'>
            <Text className='ne__derived-label'>摘要</Text>
            <Text className='ne__derived-value'>
              {draft.startAt && draft.endAt && new Date(draft.endAt) > new Date(draft.startAt)
                ? interruptionSummary(draft.startAt, draft.endAt)
                : `按下方${label}安排的时间自动生成`}
            </Text>
          </View>
        ) : (
          <CountedInput
            label='摘要（选填）'
            value={draft.summary}
            max={SUMMARY_MAX}
            placeholder='显示在订阅消息中，留空则用标题'
            error={errors.summary}
            onInput={(v) => set({ summary: v })}
          />
        )}
        <View className='ne__body'>
          <TextAreaField
            label='正文'
            value={draft.body}
            maxlength={BODY_MAX}
            placeholder='写明通知事项、注意事项与联系方式'
            error={errors.body}
            onInput={(v) => set({ body: v })}
          />
        </View>
      </Section>

      {interruption && (
        <Section title={`${label}安排`}>
          {period.rule && <PeriodHint rule={period.rule} shortfall={period.shortfall} hasStart={!!draft.startAt} />}
          <TextAreaField
            label={`${label}原因`}
            value={draft.reason}
            maxlength={REASON_MAX}
            placeholder={REASON_EXAMPLES[draft.type]}
            error={errors.reason}
            onInput={(v) => set({ reason: v })}
          />
          <TimeField label='开始时间' value={draft.startAt} error={errors.startAt} onChange={(v) => set({ startAt: v })} />
          <TimeField
            label='预计恢复时间'
            value={draft.endAt}
            error={errors.endAt}
            suggest={draft.startAt ? shanghai(draft.startAt).add(4, 'hour').toISOString() : undefined}
            onChange={(v) => set({ endAt: v })}
          />
        </Section>
      )}

      <Section title='影响范围与推送'>
        <ScopePicker units={units} draft={draft} set={set} error={errors.scope} />
        <Text className='ne__scope-hint'>范围内已订阅的住户会收到订阅消息；其他住户可在首页看到。</Text>
      </Section>

      <Section title='图片与置顶'>
        <ImagesField images={ed.images} />
        <FormField label=''>
          <View className='ne__switch'>
            <View className='ne__switch-text'>
              <Text className='ne__switch-title'>置顶</Text>
              <Text className='ne__switch-desc'>置顶的通知排在住户首页最前</Text>
            </View>
            <Switch checked={draft.pinned} ariaLabel='置顶' onChange={(v) => set({ pinned: v })} />
          </View>
        </FormField>
      </Section>

      {ed.isDraft && (
        <Section title='发布时间'>
          <ChipGroup
            groupLabel='发布时间'
            options={[
              { value: 'now' as const, label: '立即发布' },
              { value: 'later' as const, label: '定时发布' },
            ]}
            value={when}
            onChange={(w) => {
              setWhen(w)
              setWhenError(undefined)
            }}
          />
          {when === 'later' && (
            <TimeField label='定时发布时间' value={publishAt} error={whenError} suggest={shanghai().add(1, 'hour').minute(0).toISOString()} onChange={setPublishAt} />
          )}
          {!reviewer && <Text className='ne__review-hint'>提交后由主管审核，审核通过即按所选时间发布。</Text>}
        </Section>
      )}

      <View className='ne-bar__spacer' />
      <View className='ne-bar' role='toolbar' aria-label='公告操作'>
        <Button fill='none' className='ne-bar__preview' onClick={() => setPreviewing(true)}>
          预览
        </Button>
        {ed.isDraft ? (
          <>
            <Button fill='outline' className='ne-bar__btn' loading={ed.busy === 'save'} disabled={!!ed.busy} onClick={() => void ed.saveOnly()}>
              保存草稿
            </Button>
            <Button type='primary' className='ne-bar__btn' loading={ed.busy === 'publish'} disabled={!!ed.busy} onClick={publish}>
              {primary}
            </Button>
          </>
        ) : (
          <Button type='primary' className='ne-bar__btn' loading={ed.busy === 'save'} disabled={!!ed.busy} onClick={() => void ed.saveOnly()}>
            保存修改
          </Button>
        )}
      </View>

      <Sheet open={previewing} title='预览：住户看到的样子' onClose={() => setPreviewing(false)}>
        <View className='ne__preview'>
          <NoticeDetail notice={content} preview />
        </View>
      </Sheet>

      <OverrideSheet
        type={draft.type}
        submitsForReview={!reviewer}
        prompt={ed.override}
        busy={ed.busy !== null}
        onCancel={ed.cancelOverride}
        onConfirm={(reason) => void ed.confirmOverride(reason)}
      />
    </View>
  )
}
