import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Image, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Pill } from '@/components/Pill'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { eventsApi, eventPath, PHASE_TONE, seatsText, timeRange, dayTime, type ResidentEvent } from '@/features/events'
import { CloudError, errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { qrDataUrl } from './qr'
import './EventDetail.scss'
import { useSubmit } from '@/components/useSubmit'

function Row({ label, children }: { label: string; children: string }) {
  return (
    <View className='evd-row'>
      <Text className='evd-row__label'>{label}</Text>
      <Text className='evd-row__value'>{children}</Text>
    </View>
  )
}

function Stars({ value, onChange, label }: { value: number; onChange: (n: number) => void; label: string }) {
  return (
    <View className='evd-stars' role='radiogroup' aria-label={label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`evd-star ${n <= value ? 'evd-star--on' : ''}`}
          role='radio'
          aria-checked={n === value ? 'true' : 'false'}
          aria-label={`${n} 分`}
          onClick={() => onChange(n)}
        >
          <Text>★</Text>
        </View>
      ))}
    </View>
  )
}

function Feedback({ e, onDone }: { e: ResidentEvent; onDone: () => void }) {
  const [rating, setRating] = useState(0)
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [comment, setComment] = useState('')
  const { busy, submit: send } = useSubmit({ toast: true })
  const submit = async () => {
    if (!rating) {
      void Taro.showToast({ title: '请为活动整体打分', icon: 'none' })
      return
    }
    if (await send(() => eventsApi.feedback({ eventId: e.eventId, rating, answers: answers as any, comment }), '感谢您的评价')) onDone()
  }
  return (
    <Section title='评价本次活动'>
      <Text className='evd-q'>整体满意度</Text>
      <Stars label='整体满意度' value={rating} onChange={setRating} />
      {e.feedbackQuestions.map((q) => (
        <View key={q.key}>
          <Text className='evd-q'>{q.label}</Text>
          <Stars label={q.label} value={answers[q.key] ?? 0} onChange={(n) => setAnswers({ ...answers, [q.key]: n })} />
        </View>
      ))}
      <Text className='evd-q'>还想说的（选填）</Text>
      <Textarea
        className='evd-comment'
        aria-label='评价内容'
        maxlength={300}
        value={comment}
        placeholder='您的建议会帮助我们办好下一次活动'
        onInput={(ev) => setComment(ev.detail.value)}
      />
      <Button block type='primary' loading={busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </Section>
  )
}

/** 活动详情: the plan and safety notes, sign-up with household seats, waitlist, cancel, check-in code, feedback, share. */
export function EventScreen({ eventId }: { eventId?: string }) {
  const [e, setE] = useState<ResidentEvent | null>(null)
  const [error, setError] = useState<{ message: string; retry: boolean } | null>(null)
  const [people, setPeople] = useState(1)
  const [busy, setBusy] = useState(false)
  const [code, setCode] = useState<string | null>(null)
  const requestId = useRef(newRequestId('ev'))

  const load = useCallback(async () => {
    if (!eventId) {
      setError({ message: '活动不存在或链接有误', retry: false })
      return
    }
    try {
      const v = await eventsApi.get(eventId)
      setE(v)
      setError(null)
      if (v.actions.some((a) => a.key === 'checkInCode')) setCode((await eventsApi.myCode(eventId)).code)
      else setCode(null)
    } catch (err) {
      setError({ message: errorMessage(err), retry: err instanceof CloudError && ['NETWORK', 'INTERNAL'].includes(err.code) })
    }
  }, [eventId])
  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))
  useShareAppMessage(() => ({ title: e ? `${e.title} · ${dayTime(e.startAt)}` : '社区活动', path: eventPath(eventId ?? '') }))

  if (!e) return <StateView loading={!error} error={error?.message} onRetry={error?.retry ? () => void load() : undefined} />
  const can = (k: string) => e.actions.some((a) => a.key === k)

  const signUp = async () => {
    setBusy(true)
    try {
      const r = await eventsApi.signUp(e.eventId, people, requestId.current)
      requestId.current = newRequestId('ev')
      await Taro.showModal({
        title: r.status === 'confirmed' ? '报名成功' : '已加入候补',
        content: r.status === 'confirmed' ? '活动当天请出示签到码。开始前我们会提醒您。' : `名额已满，您在候补第 ${r.position ?? '-'} 位。有人取消时将按顺序自动递补并通知您。`,
        showCancel: false,
        confirmText: '知道了',
      })
      await load()
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }
  const cancel = async () => {
    const ok = await Taro.showModal({
      title: '取消报名',
      content: e.mine?.status === 'waitlisted' ? '确定退出候补吗？' : '确定取消报名吗？名额将让给候补的邻居。',
      confirmText: '取消报名',
      cancelText: '再想想',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await eventsApi.cancel(e.eventId)
      void Taro.showToast({ title: '已取消报名', icon: 'success' })
      await load()
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const org = e.organisation
  return (
    <View className='evd'>
      {e.coverUrl && <Image className='evd__cover' src={e.coverUrl} mode='aspectFill' />}
      <View className='evd__head'>
        <View className='evd__tags'>
          <Text className='evd__theme'>{e.themeLabel}</Text>
          <Pill tone={PHASE_TONE[e.phase] ?? 'neutral'}>{e.phaseLabel}</Pill>
        </View>
        <Text className='evd__title'>{e.title}</Text>
        <Row label='时间'>{timeRange(e.startAt, e.endAt)}</Row>
        <Row label='地点'>{e.place}</Row>
        <Row label='面向'>{e.ageGroupLabels.join('、')}</Row>
        <Row label='名额'>{e.phase === 'upcoming' ? seatsText(e) : `${e.capacity} 个`}</Row>
        <Row label='报名'>{`${dayTime(e.signUpOpensAt)} 至 ${dayTime(e.signUpClosesAt)}`}</Row>
        <Row label='每户'>{`最多 ${e.perHousehold} 人${e.membersCount ? '，每人占一个名额' : '，每户占一个名额'}`}</Row>
        {e.cost ? <Row label='费用'>{e.cost}</Row> : null}
      </View>

      {e.cancelled && (
        <View className='evd-alert evd-alert--danger' role='alert'>
          <Text>活动已取消：{e.cancelled.reason}</Text>
        </View>
      )}
      {e.changes.map((c, i) => (
        <View key={i} className='evd-alert'>
          <Text>
            活动变更（{dayTime(c.at)}）：{c.message}
          </Text>
        </View>
      ))}

      {e.mine && e.mine.status !== 'cancelled' && (
        <Section title='我的报名'>
          <Text className='evd-mine'>
            {e.mine.unitLabel} · {e.mine.people} 人 ·{' '}
            {e.mine.status === 'waitlisted' && e.mine.position ? `候补第 ${e.mine.position} 位，有名额时将自动递补并通知您` : e.mine.statusLabel}
          </Text>
          {code && (
            <View className='evd-code'>
              <Image className='evd-code__qr' src={qrDataUrl(code)} aria-label='签到二维码' />
              <Text className='evd-code__text'>签到码 {code}</Text>
              <Text className='evd-code__hint'>活动当天请向工作人员出示此码</Text>
            </View>
          )}
          {can('cancel') && <Text className='evd-hint'>{`${dayTime(e.cancelDeadline)} 前可取消报名`}</Text>}
        </Section>
      )}

      <Section title='活动内容'>
        <Text className='evd-text'>{e.agenda}</Text>
      </Section>
      <Section title='安全保障'>
        <Text className='evd-text'>{e.safety}</Text>
      </Section>
      <Section title='组织安排'>
        <Row label='负责人'>{org.lead}</Row>
        {org.staff.length > 0 && <Row label='工作人员'>{org.staff.join('、')}</Row>}
        {org.volunteers.length > 0 && <Row label='志愿者'>{org.volunteers.join('、')}</Row>}
        {org.roles ? <Row label='分工'>{org.roles}</Row> : null}
      </Section>

      {can('feedback') && <Feedback e={e} onDone={() => void load()} />}

      {(can('signUp') || can('cancel')) && (
        <View className='evd-bar'>
          {can('signUp') && (
            <>
              {e.perHousehold > 1 && (
                <View className='evd-stepper' aria-label='报名人数'>
                  <View className='evd-stepper__btn' role='button' aria-label='减少' onClick={() => setPeople(Math.max(1, people - 1))}>
                    <Text>－</Text>
                  </View>
                  <Text className='evd-stepper__n'>{people} 人</Text>
                  <View className='evd-stepper__btn' role='button' aria-label='增加' onClick={() => setPeople(Math.min(e.perHousehold, people + 1))}>
                    <Text>＋</Text>
                  </View>
                </View>
              )}
              <Button type='primary' className='evd-bar__main' loading={busy} onClick={() => void signUp()}>
                {e.seatsLeft > 0 ? '立即报名' : '加入候补'}
              </Button>
            </>
          )}
          {can('cancel') && (
            <Button fill='outline' type='primary' className='evd-bar__main' loading={busy} onClick={() => void cancel()}>
              {e.mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
