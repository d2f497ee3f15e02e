import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState, StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi, type AssetView, type PlanView, type RoundListItem } from './api'
import './Facilities.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 巡检维保: my rounds (overdue first), the asset register, a code to open an asset, and the records. */
export function FacilitiesHome() {
  const [rounds, setRounds] = useState<RoundListItem[] | null>(null)
  const [assets, setAssets] = useState<AssetView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [plans, setPlans] = useState<PlanView[]>([])

  async function load() {
    try {
      const [r, a, p] = await Promise.all([facilitiesApi.rounds('open'), facilitiesApi.assets(), facilitiesApi.plans()])
      setRounds([...r.items].sort((x, y) => Number(y.overdue) - Number(x.overdue)))
      setAssets(a.items)
      setPlans(p.items)
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  useEffect(() => void load(), [])
  Taro.useDidShow?.(() => void (assets && load()))

  function openCode() {
    const c = code.trim().toUpperCase()
    if (!/^[A-Z0-9]{12}$/.test(c)) {
      void Taro.showToast({ title: '设备码为 12 位字母数字', icon: 'none' })
      return
    }
    go(`/staff/asset/index?code=${c}`)
  }

  if (!rounds || !assets) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  return (
    <View className='fac'>
      <View className='fac__card'>
        <Text className='fac__title'>打开设备</Text>
        <View className='fac__row'>
          <Input className='fac__input' value={code} placeholder='输入标签上的 12 位设备码' maxlength={12} onInput={(e) => setCode(e.detail.value)} aria-label='设备码' />
          <Button size='small' type='primary' onClick={openCode}>
            打开
          </Button>
        </View>
        <Button
          size='small'
          onClick={() =>
            void Taro.scanCode({ onlyFromCamera: true })
              .then((r) => go(`/staff/asset/index?code=${(r.result.split('/').pop() ?? '').toUpperCase()}`))
              .catch(() => undefined)
          }
        >
          扫码
        </Button>
      </View>
      <View className='fac__links'>
        <View className='fac__link' role='button' onClick={() => go('/staff/facility-record/index')}>
          维护记录表
        </View>
        <View className='fac__link' role='button' onClick={() => go('/staff/facility-analysis/index')}>
          分析
        </View>
        <View className='fac__link' role='button' onClick={() => go('/staff/facility-labels/index')}>
          打印标签
        </View>
      </View>
      <Text className='fac__section'>待巡检（{rounds.length}）</Text>
      {rounds.length ? (
        rounds.map((r) => (
          <View key={r.id} className='fac__card' role='button' onClick={() => go(`/staff/round/index?id=${r.id}`)}>
            <View className='fac__row'>
              <Text className='fac__title'>{r.planName}</Text>
              <Text className={`fac__status ${r.overdue ? 'fac__status--bad' : ''}`}>{r.statusLabel}</Text>
            </View>
            <Text className='fac__muted'>{r.window}</Text>
          </View>
        ))
      ) : (
        <EmptyState text='暂无待巡检任务' hint='到时间后会自动生成' />
      )}
      <View className='fac__row'>
        <Text className='fac__section'>巡检计划（{plans.length}）</Text>
        <View className='fac__link' role='button' onClick={() => go('/staff/facility-plan-edit/index')}>
          新建计划
        </View>
      </View>
      {plans.map((p) => (
        <View key={p.id} className='fac__card' role='button' onClick={() => go(`/staff/facility-plan-edit/index?id=${p.id}`)}>
          <View className='fac__row'>
            <Text className='fac__title'>{p.name}</Text>
            <Text className='fac__muted'>
              第 {p.version} 版{p.active ? '' : ' · 已停用'}
            </Text>
          </View>
          <Text className='fac__muted'>
            {p.scheduleText} · {p.stops.length} 个点 · {p.items.length} 项检查
          </Text>
        </View>
      ))}
      <View className='fac__row'>
        <Text className='fac__section'>设备台账（{assets.length}）</Text>
        <View className='fac__link' role='button' onClick={() => go('/staff/facility-asset-edit/index')}>
          登记设备
        </View>
      </View>
      {assets.map((a) => (
        <View key={a.id} className='fac__card' role='button' onClick={() => go(`/staff/asset/index?id=${a.id}`)}>
          <View className='fac__row'>
            <Text className='fac__title'>{a.name}</Text>
            <Text className='fac__muted'>{a.systemLabel}</Text>
          </View>
          <Text className='fac__muted'>
            {a.location}
            {a.regulatedLabel ? ` · ${a.regulatedLabel}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
