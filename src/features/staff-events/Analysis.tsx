import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { staffEventsApi, type AnalysisRow } from '@/features/events'
import { errorMessage } from '@/services/cloud'

function Table({ title, rows }: { title: string; rows: AnalysisRow[] }) {
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <Text className='se-muted'>暂无数据</Text>
      ) : (
        rows.map((r) => (
          <View key={r.key} className='se-an'>
            <Text className='se-an__label'>{r.label}</Text>
            <Text className='se-an__value'>
              {r.events} 场 · 到场 {r.attended} 人{r.byAge.length ? `（${r.byAge.map((a) => `${a.label} ${a.people}`).join('，')}）` : ''}
            </Text>
          </View>
        ))
      )}
    </Section>
  )
}

/** Across ended events: which themes, weekdays and times of day drew which age groups. */
export function Analysis() {
  const [data, setData] = useState<Awaited<ReturnType<typeof staffEventsApi.analysis>> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => {
    setError(null)
    staffEventsApi.analysis().then(setData, (err) => setError(errorMessage(err)))
  }
  useEffect(load, [])
  return (
    <StateView
      loading={!data && !error}
      error={error}
      onRetry={load}
      empty={data?.events === 0}
      emptyText='还没有已结束的活动'
      emptyHint='活动结束并签到后，这里会按主题、星期和时段统计到场人数'
    >
      {data && (
        <>
          <Text className='se-muted se-muted--pad'>共 {data.events} 场已结束的活动，按到场家庭成员年龄段统计（北京时间）</Text>
          <Table title='按主题' rows={data.themes} />
          <Table title='按星期' rows={data.weekdays} />
          <Table title='按时段' rows={data.times} />
        </>
      )}
    </StateView>
  )
}
