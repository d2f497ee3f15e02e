import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi, type Analysis } from './api'
import './Facilities.scss'

const pct = (x: number | null) => (x == null ? '—' : `${Math.round(x * 100)}%`)

/** Simple CSS bars (no chart library in the staff subpackage): readable on a phone. */
function Bars({ rows, unit = '' }: { rows: { label: string; value: number }[]; unit?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  if (!rows.length) return <Text className='fac__muted fac__pad'>暂无</Text>
  return (
    <View className='fac__card'>
      {rows.map((r) => (
        <View key={r.label} className='fac__bar-row'>
          <Text className='fac__bar-label'>{r.label}</Text>
          <View className='fac__bar-track'>
            <View className='fac__bar-fill' style={{ width: `${(r.value / max) * 100}%` }} />
          </View>
          <Text className='fac__bar-value'>
            {r.value}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 分析 (last 90 days): completion and punctuality, anomalies, repeat faults, MTBF, compliance, cost. */
export function AnalysisPage() {
  const [a, setA] = useState<Analysis | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    facilitiesApi
      .analysis(90)
      .then(setA)
      .catch((e) => setError(errorMessage(e)))
  }, [])
  if (!a) return <StateView loading={!error} error={error} />
  return (
    <View className='fac'>
      <View className='fac__card fac__kpis'>
        <View>
          <Text className='fac__kpi'>{pct(a.rounds.completionRate)}</Text>
          <Text className='fac__muted'>巡检完成率</Text>
        </View>
        <View>
          <Text className='fac__kpi'>{pct(a.rounds.punctuality)}</Text>
          <Text className='fac__muted'>准时率</Text>
        </View>
        <View>
          <Text className='fac__kpi'>¥{a.cost.total}</Text>
          <Text className='fac__muted'>配件成本</Text>
        </View>
      </View>
      <Text className='fac__section'>特种设备合规（逾期天数）</Text>
      <Bars rows={a.compliance.map((c) => ({ label: `${c.name}`, value: c.daysOverdue }))} unit=' 天' />
      <Text className='fac__section'>异常：按系统</Text>
      <Bars rows={a.anomaliesBySystem.map((x) => ({ label: x.label, value: x.count }))} />
      <Text className='fac__section'>异常：按设备（平均故障间隔）</Text>
      <Bars rows={a.anomaliesByAsset.map((x) => ({ label: `${x.name}${x.mtbfDays != null ? `（MTBF ${x.mtbfDays} 天）` : ''}`, value: x.count }))} />
      <Text className='fac__section'>重复故障</Text>
      <Bars rows={a.repeatFaults.map((x) => ({ label: x.name, value: x.count }))} unit=' 次' />
      <Text className='fac__section'>配件成本：按系统</Text>
      <Bars rows={a.cost.bySystem.map((x) => ({ label: x.label, value: x.amount }))} unit=' 元' />
    </View>
  )
}
