import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatShort } from '@/domain/time'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { facilitiesApi, type AssetPageData, type MaintenancePlanView } from './api'
import { intervalText } from '@/domain/facilities'
import { RecordTable } from './RecordPage'
import './Facilities.scss'

/** An asset (opened from its label or the register): details, what is due, history, 报修. */
export function AssetPage({ id, code }: { id?: string; code?: string }) {
  const [data, setData] = useState<AssetPageData | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reporting, setReporting] = useState(false)
  const [text, setText] = useState('')
  const [requestId] = useState(() => newRequestId('fr'))
  const [busy, setBusy] = useState(false)
  const [plans, setPlans] = useState<MaintenancePlanView[]>([])

  async function load() {
    try {
      const d = code ? await facilitiesApi.assetByCode(code) : await facilitiesApi.asset(id ?? '')
      setData(d)
      setError(null)
      setPlans((await facilitiesApi.maintenancePlans(d.asset.id).catch(() => ({ items: [] }))).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  useEffect(() => void load(), [id, code])
  Taro.useDidShow?.(() => void (data && load()))

  async function report() {
    if (!data || busy) return
    if (text.trim().length < 2) {
      void Taro.showToast({ title: '请描述故障', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const t = await facilitiesApi.report(data.asset.id, text.trim(), requestId)
      void Taro.showToast({ title: `已报修：${t.no}`, icon: 'none' })
      setReporting(false)
      await load()
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!data) return <StateView loading={!error} error={error} />
  const a = data.asset
  return (
    <View className='fac'>
      <View className='fac__card'>
        <Text className='fac__title'>{a.name}</Text>
        <Text className='fac__muted'>
          {a.systemLabel} · {a.location}
        </Text>
        <Text className='fac__muted'>
          型号 {a.model || '—'} · 厂家 {a.manufacturer || '—'} · 安装 {a.installDate ?? '—'}
        </Text>
        <Text className='fac__muted'>
          维保单位 {a.contractor || '—'} {a.contractorPhone}
        </Text>
        {a.regulatedLabel && <Text className='fac__status'>特种设备：{a.regulatedLabel}</Text>}
        <Text className='fac__muted'>设备码 {a.code}</Text>
        <View className='fac__links'>
          <View className='fac__link' role='button' onClick={() => void Taro.navigateTo({ url: `/staff/facility-asset-edit/index?id=${a.id}` })}>
            编辑设备
          </View>
          <View className='fac__link' role='button' onClick={() => void Taro.navigateTo({ url: `/staff/facility-mplan-edit/index?assetId=${a.id}` })}>
            新建维护计划
          </View>
        </View>
      </View>
      {plans.length > 0 && <Text className='fac__section'>维护计划</Text>}
      {plans.map((p) => (
        <View key={p.id} className='fac__card' role='button' onClick={() => void Taro.navigateTo({ url: `/staff/facility-mplan-edit/index?id=${p.id}` })}>
          <Text className='fac__title'>{p.name}</Text>
          <Text className='fac__muted'>
            {p.schedule.mode === 'fixed' ? `固定周期 ${intervalText(p.schedule.every)}` : `完成后 ${p.schedule.afterDays} 天`} · 下次 {p.nextDue ?? '—'} · 编辑
          </Text>
        </View>
      ))}
      <Text className='fac__section'>待办维护</Text>
      {data.due.length ? (
        data.due.map((t) => (
          <View key={t.id} className='fac__card'>
            <Text className='fac__title'>
              {t.dueDate} {t.planName}
            </Text>
            <Text className='fac__muted'>{[...t.tasks, ...t.sets].join('、')}</Text>
          </View>
        ))
      ) : (
        <Text className='fac__muted fac__pad'>暂无到期维护</Text>
      )}
      <Text className='fac__section'>巡检读数（{data.rounds} 次巡检）</Text>
      {data.readings.slice(0, 10).map((r) => (
        <Text key={r.id} className={`fac__reading fac__pad ${r.anomaly ? 'fac__reading--bad' : ''}`}>
          {formatShort(r.at)} {r.label}：{r.text}（{r.by}）
        </Text>
      ))}
      <Text className='fac__section'>维修工单</Text>
      {data.tickets.length ? (
        data.tickets.map((t) => (
          <View key={t.ticketId ?? t.at} className='fac__card' role='button' onClick={() => t.ticketId && void Taro.navigateTo({ url: `/staff/ticket/index?id=${t.ticketId}` })}>
            <Text className='fac__title'>
              {t.label} {t.no}
            </Text>
            <Text className='fac__muted'>{formatShort(t.at)}</Text>
          </View>
        ))
      ) : (
        <Text className='fac__muted fac__pad'>暂无</Text>
      )}
      <Text className='fac__section'>维护记录</Text>
      <RecordTable rows={data.maintenance} />
      {reporting && (
        <View className='fac__card'>
          <Textarea className='fac__textarea' value={text} placeholder='故障描述' onInput={(e) => setText(e.detail.value)} aria-label='故障描述' />
        </View>
      )}
      <View className='fac__bar'>
        {reporting ? (
          <Button type='primary' loading={busy} onClick={() => void report()}>
            提交报修
          </Button>
        ) : (
          <Button type='primary' onClick={() => setReporting(true)}>
            报修
          </Button>
        )}
      </View>
    </View>
  )
}
