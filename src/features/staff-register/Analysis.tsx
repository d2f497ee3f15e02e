import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState, StateView } from '@/components/StateView'
import { ChipGroup } from '@/components/ChipGroup'
import { errorMessage } from '@/services/cloud'
import { hasRole, useMe } from '@/features/account'
import { CHANNEL_LABELS, CONTACT_TYPE_LABELS, DEPARTMENT_NAMES, GRADE_TARGETS, categoryLabel, gradeOf, type AnalysisRow, type Channel, type ContactType } from '@/domain/register'
import { registerApi, openExport, type Analysis as Data } from './api'
import { Bars, RateGauge } from './charts'
import './StaffRegister.scss'

type Kind = 'month' | 'week'
type Scope = 'building' | 'department' | 'person'
const KINDS = [
  { value: 'month' as const, label: '本月' },
  { value: 'week' as const, label: '本周' },
]
const SCOPES = [
  { value: 'building' as const, label: '按楼栋' },
  { value: 'department' as const, label: '按部门' },
  { value: 'person' as const, label: '按人员' },
]
const TARGETS = [GRADE_TARGETS.grade3, GRADE_TARGETS.grade2, GRADE_TARGETS.grade1]
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`)
const GRADE_TEXT = ['未达标', '一级', '二级', '三级']

export function useAnalysis(kind: Kind, scope: Scope | 'community', key?: string) {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string>()
  const load = () => {
    setError(undefined)
    setData(null)
    registerApi
      .analysis({ period: { kind, ...(key ? { key } : {}) }, scope })
      .then(setData)
      .catch((e) => setError(errorMessage(e)))
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [kind, scope, key])
  return { data, error, reload: load }
}

export function Summary({ d }: { d: Data }) {
  const s = d.summary
  const grade = gradeOf(s.satisfaction)
  return (
    <>
      <View className='analysis__tiles'>
        <View className='analysis__tile'>
          <Text className='analysis__big'>{s.contacts}</Text>
          <Text className='analysis__small'>沟通次数（上期 {d.previousSummary.contacts}）</Text>
        </View>
        <View className='analysis__tile'>
          <Text className='analysis__big'>{s.tickets}</Text>
          <Text className='analysis__small'>新工单（上期 {d.previousSummary.tickets}）</Text>
        </View>
        <View className='analysis__tile'>
          <Text className='analysis__big'>{grade === null ? '—' : GRADE_TEXT[grade]}</Text>
          <Text className='analysis__small'>满意度等级</Text>
        </View>
        <View className='analysis__tile'>
          <Text className='analysis__big'>{s.repeat}</Text>
          <Text className='analysis__small'>重复问题（30天内同户同类）</Text>
        </View>
      </View>
      <View className='analysis__card'>
        <Text className='analysis__title'>服务质量（竖线为 70%/75%/80% 等级目标）</Text>
        <RateGauge label='回访满意度' rate={s.satisfaction} targets={TARGETS} />
        <RateGauge label='回访完成率' rate={s.callbackCompletion} targets={TARGETS} />
        <RateGauge label='响应及时率' rate={s.onTime.accept} />
        <RateGauge label='到场及时率' rate={s.onTime.arrive} />
        <RateGauge label='完成及时率' rate={s.onTime.resolve} />
        <RateGauge label='答复及时率' rate={s.onTime.reply} />
        <Text className='analysis__note'>
          返修率 {pct(s.reopenRate)} · 平均响应 {s.avgMinutes.accept ?? '—'} 分钟 · 平均完成{' '}
          {s.avgMinutes.resolve === null ? '—' : `${Math.round((s.avgMinutes.resolve / 60) * 10) / 10} 小时`}
        </Text>
      </View>
      <View className='analysis__card'>
        <Text className='analysis__title'>类别排行（细线为上期）</Text>
        <Bars items={d.topCategories.map((c) => ({ label: categoryLabel(c.key), n: c.n, previous: c.previous }))} />
      </View>
      <View className='analysis__card'>
        <Text className='analysis__title'>类型与渠道</Text>
        <Bars items={d.types.map((t) => ({ label: CONTACT_TYPE_LABELS[t.key as ContactType] ?? t.key, n: t.n }))} />
        <Bars items={d.channels.map((t) => ({ label: CHANNEL_LABELS[t.key as Channel] ?? t.key, n: t.n }))} />
      </View>
      <View className='analysis__card'>
        <Text className='analysis__title'>公告触达</Text>
        <Text className='analysis__note'>
          发布 {d.reach.notices ?? 0} 条 · 送达 {d.reach.sent ?? 0} 人次 · 阅读 {d.reach.reads ?? 0} 人次
        </Text>
      </View>
    </>
  )
}

export function RowsTable({ rows, scope }: { rows: AnalysisRow[]; scope: Scope }) {
  if (!rows.length) return <Text className='chart__empty'>本期暂无数据</Text>
  return (
    <View className='analysis__table' role='table'>
      <View className='analysis__tr analysis__tr--head' role='row'>
        <Text>{scope === 'building' ? '楼栋' : scope === 'department' ? '部门' : '人员'}</Text>
        <Text>沟通</Text>
        <Text>工单</Text>
        <Text>完成及时</Text>
        <Text>满意度</Text>
      </View>
      {rows.map((r) => (
        <View key={r.key} className='analysis__tr' role='row'>
          <Text>{scope === 'department' ? (DEPARTMENT_NAMES[r.label] ?? r.label) : r.label}</Text>
          <Text>{r.contacts}</Text>
          <Text>{r.tickets}</Text>
          <Text>{pct(r.onTime.resolve)}</Text>
          <Text>{pct(r.satisfaction)}</Text>
        </View>
      ))}
    </View>
  )
}

/** 服务分析: this month's or week's figures, read from the precomputed aggregates. */
export function Analysis() {
  const me = useMe()
  const [kind, setKind] = useState<Kind>('month')
  const [scope, setScope] = useState<Scope>('building')
  const [busy, setBusy] = useState(false)
  const allowed = hasRole(me.me, 'supervisor', 'admin')
  const { data, error, reload } = useAnalysis(kind, scope)
  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅主管或管理员可以查看服务分析' />

  async function exportIt() {
    if (busy || !data) return
    setBusy(true)
    try {
      await openExport(await registerApi.export({ kind: 'analysis', period: { kind, key: data.period } }))
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='analysis'>
      <View className='analysis__bar'>
        <ChipGroup groupLabel='周期' options={KINDS} value={kind} onChange={(v) => setKind(v as Kind)} />
      </View>
      <StateView loading={!data && !error} error={error} onRetry={reload}>
        {data && (
          <>
            <Text className='analysis__period'>{data.label}（北京时间）</Text>
            <Summary d={data} />
            <View className='analysis__card'>
              <ChipGroup groupLabel='分组' options={SCOPES} value={scope} onChange={(v) => setScope(v as Scope)} />
              <RowsTable rows={data.rows} scope={scope} />
            </View>
            <View className='analysis__actions'>
              <Button fill='outline' loading={busy} onClick={() => void exportIt()}>
                导出 Excel
              </Button>
              <Button fill='outline' onClick={() => void Taro.navigateTo({ url: '/staff/register/index' })}>
                沟通记录
              </Button>
              {kind === 'month' && (
                <Button type='primary' onClick={() => void Taro.navigateTo({ url: `/staff/report/index?period=${data.period}` })}>
                  月度报告
                </Button>
              )}
            </View>
          </>
        )}
      </StateView>
    </View>
  )
}
