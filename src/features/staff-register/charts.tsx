import { View, Text } from '@tarojs/components'

/** Horizontal bars (CSS): a label, a bar in proportion to the largest value, the number; optional previous value as a thin mark. */
export function Bars({ items, unit = '' }: { items: { label: string; n: number; previous?: number }[]; unit?: string }) {
  const max = Math.max(1, ...items.map((i) => Math.max(i.n, i.previous ?? 0)))
  if (!items.length) return <Text className='chart__empty'>本期暂无数据</Text>
  return (
    <View className='chart-bars' role='list'>
      {items.map((i) => (
        <View key={i.label} className='chart-bars__row' role='listitem' aria-label={`${i.label} ${i.n}${unit}`}>
          <Text className='chart-bars__label'>{i.label}</Text>
          <View className='chart-bars__track'>
            <View className='chart-bars__bar' style={{ width: `${(i.n / max) * 100}%` }} />
            {i.previous !== undefined && <View className='chart-bars__prev' style={{ left: `${(i.previous / max) * 100}%` }} />}
          </View>
          <Text className='chart-bars__n'>
            {i.n}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** A rate against its target lines (70/75/80 %): the gauge a supervisor reads at a glance. */
export function RateGauge({ label, rate, targets }: { label: string; rate: number | null; targets?: number[] }) {
  const pct = rate === null ? null : Math.round(rate * 1000) / 10
  const good = rate !== null && (!targets || rate >= Math.min(...targets))
  return (
    <View className='gauge' aria-label={`${label} ${pct === null ? '暂无' : `${pct}%`}`}>
      <View className='gauge__head'>
        <Text className='gauge__label'>{label}</Text>
        <Text className={`gauge__value ${pct === null ? '' : good ? 'gauge__value--good' : 'gauge__value--bad'}`}>{pct === null ? '暂无' : `${pct}%`}</Text>
      </View>
      <View className='gauge__track'>
        <View className={`gauge__bar ${good ? '' : 'gauge__bar--bad'}`} style={{ width: `${pct ?? 0}%` }} />
        {(targets ?? []).map((t) => (
          <View key={t} className='gauge__target' style={{ left: `${t * 100}%` }} />
        ))}
      </View>
    </View>
  )
}
