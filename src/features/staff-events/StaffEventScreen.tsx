import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Input, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Pill } from '@/components/Pill'
import { Section } from '@/components/Section'
import { TextAreaField, TextField } from '@/components/FormField'
import { EmptyState, StateView } from '@/components/StateView'
import { TabStrip } from '@/components/TabStrip'
import { dayTime, PHASE_TONE, staffEventsApi, timeRange, type EventSummary, type Registrations, type StaffEvent } from '@/features/events'
import { errorMessage } from '@/services/cloud'
import './StaffEvents.scss'

type Tab = 'plan' | 'regs' | 'checkin' | 'summary'

function Row({ label, children }: { label: string; children: string }) {
  return (
    <View className='se-kv'>
      <Text className='se-kv__k'>{label}</Text>
      <Text className='se-kv__v'>{children}</Text>
    </View>
  )
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 })

async function ask(title: string, placeholder: string): Promise<string | null> {
  const r: any = await Taro.showModal({ title, editable: true, placeholderText: placeholder, confirmText: '确定', cancelText: '取消' } as any)
  if (!r.confirm) return null
  return String(r.content ?? '').trim()
}

function Plan({ e, reload }: { e: StaffEvent; reload: () => Promise<void> }) {
  const can = (k: string) => e.actions.some((a) => a.key === k)
  const run = async (label: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
      void Taro.showToast({ title: label, icon: 'success' })
      await reload()
    } catch (err) {
      toast(errorMessage(err))
    }
  }
  /** Asks why, then runs the action with the reason (dismissed: nothing; left empty: says `missing`). */
  const withReason = async (title: string, placeholder: string, missing: string, done: string, fn: (reason: string) => Promise<unknown>) => {
    const reason = await ask(title, placeholder)
    if (reason === null) return
    if (!reason) return toast(missing)
    await run(done, () => fn(reason))
  }
  const o = e.organisation
  return (
    <>
      <Section title='活动方案'>
        <Row label='时间'>{timeRange(e.startAt, e.endAt)}</Row>
        <Row label='地点'>{e.place}</Row>
        <Row label='类别'>{e.themeLabel}</Row>
        <Row label='面向'>{e.ageGroupLabels.join('、')}</Row>
        <Row label='名额'>{`${e.capacity} 人，每户最多 ${e.perHousehold} 人（${e.membersCount ? '每人占名额' : '每户占一个名额'}）`}</Row>
        <Row label='报名'>{`${dayTime(e.signUpOpensAt)} 至 ${dayTime(e.signUpClosesAt)}`}</Row>
        <Row label='取消截止'>{`开始前 ${e.cancelCutoffHours} 小时`}</Row>
        <Row label='负责人'>{o.lead}</Row>
        {o.staff.length > 0 && <Row label='工作人员'>{o.staff.join('、')}</Row>}
        {o.volunteers.length > 0 && <Row label='志愿者'>{o.volunteers.join('、')}</Row>}
        {o.roles ? <Row label='分工'>{o.roles}</Row> : null}
        <Row label='费用'>{`${e.cost || '免费'}；预算 ${e.budget} 元`}</Row>
      </Section>
      <Section title='活动内容'>
        <Text className='se-text'>{e.agenda}</Text>
      </Section>
      <Section title='安全保障措施'>
        <Text className='se-text'>{e.safety}</Text>
      </Section>
      {e.review && !e.review.approved && <Text className='se-warn'>主管退回：{e.review.reason}</Text>}
      {e.cancelled && <Text className='se-warn'>已取消：{e.cancelled.reason}</Text>}
      <View className='se-actions'>
        {can('edit') && (
          <Button fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: `/staff/event-edit/index?id=${encodeURIComponent(e.eventId)}` })}>
            编辑
          </Button>
        )}
        {can('submit') && (
          <Button type='primary' onClick={() => void run('已提交', () => staffEventsApi.submit(e.eventId))}>
            提交发布
          </Button>
        )}
        {can('approve') && (
          <Button type='primary' onClick={() => void run('已发布', () => staffEventsApi.review(e.eventId, true))}>
            审核通过并发布
          </Button>
        )}
        {can('reject') && (
          <Button
            fill='outline'
            type='primary'
            onClick={() => void withReason('退回原因', '请说明需要修改的地方', '请填写退回原因', '已退回', (reason) => staffEventsApi.review(e.eventId, false, reason))}
          >
            退回修改
          </Button>
        )}
        {can('change') && (
          <Button
            fill='outline'
            type='primary'
            onClick={async () => {
              const place = await ask('变更地点', `现地点：${e.place}`)
              if (!place) return
              await run('已变更并通知报名住户', () => staffEventsApi.change(e.eventId, { place, message: `活动地点改为${place}` }))
            }}
          >
            变更地点
          </Button>
        )}
        {can('export') && (
          <Button
            fill='outline'
            type='primary'
            onClick={async () => {
              try {
                const x = await staffEventsApi.export(e.eventId)
                if (process.env.TARO_ENV === 'h5' && x.url) window.open(x.url, '_blank')
                else if (x.url) {
                  const d = await Taro.downloadFile({ url: x.url })
                  await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'xlsx', showMenu: true })
                }
              } catch (err) {
                toast(errorMessage(err))
              }
            }}
          >
            导出 Excel
          </Button>
        )}
        {can('cancelEvent') && (
          <Button
            fill='outline'
            type='danger'
            onClick={() =>
              void withReason('取消活动', '取消原因（将通知所有报名住户）', '请填写取消原因', '已取消并通知', (reason) => staffEventsApi.cancelEvent(e.eventId, reason))
            }
          >
            取消活动
          </Button>
        )}
      </View>
    </>
  )
}

function Regs({ e, checkIn }: { e: StaffEvent; checkIn: boolean }) {
  const [data, setData] = useState<Registrations | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => staffEventsApi.registrations(e.eventId).then(setData, (err) => setError(errorMessage(err)))
  useEffect(() => void load(), [e.eventId])
  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  return (
    <>
      <Text className='se-muted se-muted--pad'>
        已占 {data.counts.seatsTaken}/{data.counts.capacity} 个名额 · 已签到 {data.counts.attended} 户 · 候补 {data.waitlist.length} 户
      </Text>
      <Section title='报名名单' flush>
        {data.confirmed.length === 0 && <EmptyState text='还没有人报名' />}
        {data.confirmed.map((r) => (
          <View key={r.registrationId} className='se-reg'>
            <View className='se-reg__main'>
              <Text className='se-reg__title'>
                {r.unitLabel} {r.name} · {r.people} 人
              </Text>
              <Text className='se-reg__meta'>
                {r.phone} · {dayTime(r.at)} 报名{r.attendedAt ? ` · ${dayTime(r.attendedAt)} 签到` : ''}
              </Text>
            </View>
            {r.status === 'attended' ? (
              <Pill tone='success'>已签到</Pill>
            ) : checkIn ? (
              <Button
                size='small'
                type='primary'
                onClick={async () => {
                  try {
                    await staffEventsApi.checkIn(e.eventId, { registrationId: r.registrationId })
                    void Taro.showToast({ title: '已签到', icon: 'success' })
                    void load()
                  } catch (err) {
                    toast(errorMessage(err))
                  }
                }}
              >
                签到
              </Button>
            ) : (
              <Pill tone='brand'>{r.statusLabel}</Pill>
            )}
          </View>
        ))}
      </Section>
      {data.waitlist.length > 0 && (
        <Section title='候补队列（按顺序递补）' flush>
          {data.waitlist.map((r) => (
            <View key={r.registrationId} className='se-reg'>
              <View className='se-reg__main'>
                <Text className='se-reg__title'>
                  第 {r.position} 位 · {r.unitLabel} {r.name} · {r.people} 人
                </Text>
                <Text className='se-reg__meta'>{dayTime(r.at)} 报名</Text>
              </View>
            </View>
          ))}
        </Section>
      )}
    </>
  )
}

function CheckIn({ e }: { e: StaffEvent }) {
  const [code, setCode] = useState('')
  const [last, setLast] = useState<string | null>(null)
  const submit = async (value: string) => {
    const c = value.trim().toUpperCase()
    if (!c) return toast('请输入签到码')
    try {
      const r = await staffEventsApi.checkIn(e.eventId, { code: c })
      setLast(`${r.already ? '已签到过' : '签到成功'}：${r.unitLabel} ${r.name} · ${r.people} 人`)
      setCode('')
    } catch (err) {
      setLast(null)
      toast(errorMessage(err))
    }
  }
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(r.result)
    } catch {
      /* closed the scanner */
    }
  }
  return (
    <Section title='签到'>
      {process.env.TARO_ENV === 'weapp' && (
        <Button block type='primary' onClick={() => void scan()}>
          扫描住户签到码
        </Button>
      )}
      <Text className='se-muted'>或输入住户出示的签到码：</Text>
      <View className='se-code'>
        <Input
          className='se-code__input'
          aria-label='签到码'
          value={code}
          maxlength={20}
          placeholder='16 位签到码'
          onInput={(ev) => setCode(ev.detail.value)}
          onConfirm={() => void submit(code)}
        />
        <Button type='primary' onClick={() => void submit(code)}>
          签到
        </Button>
      </View>
      {last && (
        <View className='se-ok' role='status'>
          <Text>{last}</Text>
        </View>
      )}
    </Section>
  )
}

function Summary({ e, reload }: { e: StaffEvent; reload: () => Promise<void> }) {
  const [s, setS] = useState<EventSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [cost, setCost] = useState('')
  const [keep, setKeep] = useState('')
  const [change, setChange] = useState('')
  const can = (k: string) => e.actions.some((a) => a.key === k)
  const load = () => (can('summary') ? staffEventsApi.summary(e.eventId).then(setS, (err) => setError(errorMessage(err))) : Promise.resolve())
  useEffect(() => void load(), [e.eventId, e.phase])
  return (
    <>
      {can('note') && (
        <Section title='现场记录'>
          {e.notes.map((n, i) => (
            <View key={i} className='se-note'>
              <Text className='se-reg__meta'>
                {dayTime(n.at)} · {n.byName}
              </Text>
              <Text className='se-text'>{n.text}</Text>
              {n.photos.map((p) => (
                <Image key={p} className='se-note__photo' src={p} mode='aspectFill' />
              ))}
            </View>
          ))}
          <TextAreaField label='新记录' value={note} maxlength={500} placeholder='到场情况、突发情况、物料消耗…' onInput={setNote} />
          <Button
            size='small'
            type='primary'
            onClick={async () => {
              try {
                await staffEventsApi.note(e.eventId, note, [])
                setNote('')
                await reload()
              } catch (err) {
                toast(errorMessage(err))
              }
            }}
          >
            保存记录
          </Button>
        </Section>
      )}
      {can('summary') && (
        <StateView loading={!s && !error} error={error} onRetry={() => void load()}>
          {s && (
            <Section title='活动总结'>
              <View className='se-stats'>
                <View className='se-stat'>
                  <Text className='se-stat__n'>{s.registrations.households}</Text>
                  <Text className='se-stat__l'>报名户数</Text>
                </View>
                <View className='se-stat'>
                  <Text className='se-stat__n'>{s.attendanceRate === null ? '—' : `${s.attendanceRate}%`}</Text>
                  <Text className='se-stat__l'>到场率</Text>
                </View>
                <View className='se-stat'>
                  <Text className='se-stat__n'>{s.satisfaction.rating ?? '—'}</Text>
                  <Text className='se-stat__l'>满意度（5 分制）</Text>
                </View>
              </View>
              <Row label='报名'>{`${s.registrations.households} 户 ${s.registrations.people} 人`}</Row>
              <Row label='到场'>{`${s.attended.households} 户 ${s.attended.people} 人`}</Row>
              <Row label='未到'>{s.noShows.length ? s.noShows.map((n) => `${n.unitLabel} ${n.name}`).join('、') : '无'}</Row>
              <Row label='评价'>{`${s.satisfaction.responses} 份`}</Row>
              {s.satisfaction.questions.map((q) => (
                <Row key={q.key} label={q.label}>
                  {q.average === null ? '—' : `${q.average} 分`}
                </Row>
              ))}
              <Row label='费用'>{`预算 ${s.costs.budget} 元${s.costs.actual !== null ? `，实际 ${s.costs.actual} 元` : ''}${s.costs.perAttendee !== null ? `，人均 ${s.costs.perAttendee} 元` : ''}`}</Row>
              {s.comments.map((c, i) => (
                <Text key={i} className='se-comment'>
                  「{c.comment}」 {c.rating} 分
                </Text>
              ))}
              {s.closing && (
                <>
                  <Row label='保留'>{s.closing.keep || '—'}</Row>
                  <Row label='改进'>{s.closing.change || '—'}</Row>
                </>
              )}
            </Section>
          )}
        </StateView>
      )}
      {can('close') && (
        <Section title='写总结'>
          <TextField label='实际花费（元）' type='number' value={cost} onInput={setCost} />
          <TextAreaField label='值得保留的做法' value={keep} maxlength={500} onInput={setKeep} />
          <TextAreaField label='需要改进的地方' value={change} maxlength={500} onInput={setChange} />
          <Button
            block
            type='primary'
            onClick={async () => {
              const n = Number(cost || 'x')
              if (!(n >= 0)) return toast('请填写实际花费')
              try {
                setS(await staffEventsApi.close(e.eventId, n, keep, change))
                await reload()
              } catch (err) {
                toast(errorMessage(err))
              }
            }}
          >
            保存总结
          </Button>
        </Section>
      )}
      {!can('note') && !can('summary') && <EmptyState text='活动开始后可记录现场情况，结束后查看总结' />}
    </>
  )
}

/** 活动详情（员工）: plan and review, registrations, check-in, notes and summary. */
export function StaffEventScreen({ eventId }: { eventId?: string }) {
  const [e, setE] = useState<StaffEvent | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('plan')
  const load = useCallback(async () => {
    if (!eventId) return setError('活动不存在或链接有误')
    try {
      setE(await staffEventsApi.get(eventId))
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [eventId])
  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))
  if (!e) return <StateView loading={!error} error={error} />
  const can = (k: string) => e.actions.some((a) => a.key === k)
  const tabs: { value: Tab; label: string }[] = [
    { value: 'plan', label: '方案' },
    ...(can('registrations') ? [{ value: 'regs' as Tab, label: '报名' }] : []),
    ...(can('checkIn') ? [{ value: 'checkin' as Tab, label: '签到' }] : []),
    ...(can('note') || can('summary') ? [{ value: 'summary' as Tab, label: '现场与总结' }] : []),
  ]
  return (
    <View className='se'>
      <View className='se__head'>
        <Text className='se__title'>{e.title}</Text>
        <Pill tone={PHASE_TONE[e.phase] ?? 'neutral'}>{e.phaseLabel}</Pill>
      </View>
      {tabs.length > 1 && <TabStrip block='se' label='活动管理' options={tabs} value={tab} onChange={setTab} />}
      {tab === 'plan' && <Plan e={e} reload={load} />}
      {tab === 'regs' && <Regs e={e} checkIn={can('checkIn')} />}
      {tab === 'checkin' && <CheckIn e={e} />}
      {tab === 'summary' && <Summary e={e} reload={load} />}
    </View>
  )
}
