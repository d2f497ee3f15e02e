import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceField, SwitchField, toggled } from '@/components/ChoiceField'
import { FormField, TextAreaField, TextField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { AGE_GROUPS, AGE_GROUP_LABELS, FEEDBACK_QUESTIONS, INTERESTS, INTEREST_LABELS } from '@/domain/events'
import { staffEventsApi } from '@/features/events'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { uploadFile } from '@/services/upload'
import { blankForm, formOf, toPlan, type FormErrors, type PlanForm } from './plan-form'
import './StaffEvents.scss'

const INTEREST_OPTIONS = INTERESTS.map((v) => ({ value: v, label: INTEREST_LABELS[v] }))
const FIELD_ORDER: (keyof PlanForm)[] = [
  'title',
  'theme',
  'startAt',
  'endAt',
  'place',
  'agenda',
  'ageGroups',
  'lead',
  'safety',
  'capacity',
  'perHousehold',
  'signUpOpensAt',
  'signUpClosesAt',
  'cancelCutoffHours',
  'budget',
]

/** 策划活动: the plan (manual 1.4: theme, time, place, content, organisation, safety), saved as a draft or submitted. */
export function EventEditor({ eventId }: { eventId?: string }) {
  const [form, setForm] = useState<PlanForm | null>(eventId ? null : blankForm())
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [busy, setBusy] = useState(false)
  const [coverUrl, setCoverUrl] = useState<string | null>(null)
  const requestId = useRef(newRequestId('evp'))

  useEffect(() => {
    if (!eventId) return
    staffEventsApi.get(eventId).then(
      (e) => {
        setForm(formOf(e))
        setCoverUrl(e.coverUrl)
      },
      (err) => setLoadError(errorMessage(err)),
    )
  }, [eventId])

  if (!form) return <StateView loading={!loadError} error={loadError} />
  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => setForm({ ...form, [k]: v })

  const pickCover = async () => {
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const path = res.tempFiles[0]?.tempFilePath
      if (!path) return
      setBusy(true)
      const fileID = await uploadFile(path, undefined, 'event')
      setForm((f) => (f ? { ...f, cover: fileID } : f))
      setCoverUrl(path)
    } catch (err) {
      if (!String((err as Error)?.message ?? '').includes('cancel')) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const save = async (submit: boolean) => {
    const { plan, errors: errs } = toPlan(form)
    setErrors(errs)
    if (!plan) {
      const first = FIELD_ORDER.find((k) => errs[k])!
      void Taro.showToast({ title: errs[first]!, icon: 'none' })
      void Taro.pageScrollTo({ selector: `#ef-${first}`, duration: 200 }).catch(() => undefined)
      return
    }
    setBusy(true)
    try {
      let e = eventId ? await staffEventsApi.update(eventId, plan) : await staffEventsApi.create(plan, requestId.current)
      if (submit) e = await staffEventsApi.submit(e.eventId)
      void Taro.showToast({ title: submit ? (e.status === 'review' ? '已提交主管审核' : '已发布') : '已保存草稿', icon: 'success' })
      void Taro.redirectTo({ url: `/staff/event/index?id=${encodeURIComponent(e.eventId)}` })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const text = (k: keyof PlanForm, label: string, placeholder?: string, type: 'text' | 'number' = 'text', hint?: string) => (
    <View id={`ef-${k}`}>
      <TextField label={label} name={k} value={String(form[k] ?? '')} type={type} placeholder={placeholder} hint={hint} error={errors[k]} onInput={(v) => set(k, v as any)} />
    </View>
  )
  return (
    <View className='se-edit'>
      <Section title='基本信息'>
        {text('title', '活动主题', '如：邻里亲子手工课')}
        <ChoiceField id='ef-theme' label='活动类别' error={errors.theme} options={INTEREST_OPTIONS} value={form.theme} onChange={(v) => set('theme', v)} />
        {text('startAt', '开始时间', '2026-12-05 14:00', 'text', '北京时间')}
        {text('endAt', '结束时间', '2026-12-05 16:00', 'text', '北京时间')}
        {text('place', '活动地点', '如：会所二楼活动室')}
        <View id='ef-agenda'>
          <TextAreaField
            label='活动内容'
            value={form.agenda}
            maxlength={1000}
            placeholder='流程与安排，如 14:00 签到；14:15 制作…'
            error={errors.agenda}
            onInput={(v) => set('agenda', v)}
          />
        </View>
        <FormField label='封面图片（选填）'>
          {coverUrl && <Image className='se-edit__cover' src={coverUrl} mode='aspectFill' />}
          <Button size='small' fill='outline' onClick={() => void pickCover()}>
            {form.cover ? '更换封面' : '上传封面'}
          </Button>
        </FormField>
      </Section>
      <Section title='面向对象'>
        <ChoiceField
          id='ef-ageGroups'
          label='年龄段（可多选）'
          groupLabel='年龄段'
          error={errors.ageGroups}
          options={AGE_GROUPS.map((v) => ({ value: v, label: AGE_GROUP_LABELS[v] }))}
          value={form.ageGroups}
          onChange={(v) => set('ageGroups', toggled(form.ageGroups, v))}
        />
        <ChoiceField
          label='兴趣（用于推荐，可多选）'
          groupLabel='兴趣'
          options={INTEREST_OPTIONS}
          value={form.interests}
          onChange={(v) => set('interests', toggled(form.interests, v))}
        />
      </Section>
      <Section title='组织与安全'>
        {text('lead', '负责人')}
        {text('staff', '工作人员', '多人用顿号分隔')}
        {text('volunteers', '志愿者', '多人用顿号分隔')}
        <TextAreaField label='分工' value={form.roles} maxlength={300} placeholder='谁负责签到、秩序、物料…' onInput={(v) => set('roles', v)} />
        <View id='ef-safety'>
          <TextAreaField
            label='安全保障措施（必填）'
            value={form.safety}
            maxlength={500}
            placeholder='场地、人流、器材、急救、天气预案等'
            error={errors.safety}
            onInput={(v) => set('safety', v)}
          />
        </View>
      </Section>
      <Section title='报名规则'>
        {text('capacity', '名额（人）', undefined, 'number')}
        {text('perHousehold', '每户最多报名（人）', undefined, 'number')}
        <SwitchField label='家庭成员是否占用名额' on='每人占一个名额' off='每户占一个名额' value={form.membersCount} onChange={(v) => set('membersCount', v)} />
        {text('signUpOpensAt', '报名开始', undefined, 'text', '北京时间')}
        {text('signUpClosesAt', '报名截止', undefined, 'text', '北京时间，不晚于活动开始')}
        {text('cancelCutoffHours', '开始前多少小时内不可取消', undefined, 'number')}
        {text('cost', '费用说明（选填）', '如：免费 / 材料费 10 元')}
        {text('budget', '预算（元）', undefined, 'number')}
        <ChoiceField
          label='活动后评价问题（除整体满意度外）'
          groupLabel='评价问题'
          options={Object.entries(FEEDBACK_QUESTIONS).map(([value, label]) => ({ value, label }))}
          value={form.feedbackQuestions}
          onChange={(v) => set('feedbackQuestions', toggled(form.feedbackQuestions, v))}
        />
      </Section>
      <View className='se-bar'>
        <Button fill='outline' type='primary' className='se-bar__btn' disabled={busy} onClick={() => void save(false)}>
          保存草稿
        </Button>
        <Button type='primary' className='se-bar__btn' loading={busy} onClick={() => void save(true)}>
          提交发布
        </Button>
      </View>
      <Text className='se-muted se-muted--pad'>需审核的小区，客服提交后由主管审核通过再发布。</Text>
    </View>
  )
}
