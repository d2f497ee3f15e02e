import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { EmptyState, StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi, type PublicStatus } from './api'
import './Facilities.scss'

/** 设施维护 (residents): when your building's elevators were last maintained, by whom, next date; water tanks and water quality. */
export function PublicStatusPage() {
  const [s, setS] = useState<PublicStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    facilitiesApi
      .publicStatus()
      .then(setS)
      .catch((e) => setError(errorMessage(e)))
  }, [])
  if (!s) return <StateView loading={!error} error={error} />
  return (
    <View className='fac'>
      <Text className='fac__section'>您所在楼栋的电梯</Text>
      {s.elevators.length ? (
        s.elevators.map((e) => (
          <View key={e.name} className='fac__card'>
            <Text className='fac__title'>{e.name}</Text>
            <Text>上次维保：{e.lastDone ?? '暂无记录'}</Text>
            {e.by && <Text>维保单位：{e.by}</Text>}
            <Text>下次维保：{e.nextDue ?? '—'}</Text>
          </View>
        ))
      ) : (
        <EmptyState text='暂无您楼栋的电梯维保信息' />
      )}
      <Text className='fac__section'>二次供水水箱</Text>
      {s.waterTanks.map((w) => (
        <View key={w.name} className='fac__card'>
          <Text className='fac__title'>{w.name}</Text>
          <Text>上次清洗：{w.lastDone ?? '暂无记录'}</Text>
          <Text>下次清洗：{w.nextDue ?? '—'}</Text>
          {w.waterQuality ? (
            <Text className={w.waterQuality.qualified ? '' : 'fac__reading--bad'}>
              最新水质检测（{w.waterQuality.date}）：{w.waterQuality.result}
            </Text>
          ) : (
            <Text className='fac__muted'>暂无水质检测结果</Text>
          )}
        </View>
      ))}
      <Text className='fac__muted fac__pad'>按规定：电梯至少每 15 天维保一次，生活水箱每半年清洗消毒一次。</Text>
    </View>
  )
}
