import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { EmptyState, ErrorState, LoadingState } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { moveinApi, type BatchView, type BookingView, type DashboardView } from './api'
import './Movein.scss'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** 入住交接 (staff): batches, preparation, the dashboard with export, and every booking. */
export function StaffMovein() {
  const [batches, setBatches] = useState<BatchView[] | null>(null)
  const [current, setCurrent] = useState<string | null>(null)
  const [dash, setDash] = useState<DashboardView | null>(null)
  const [bookings, setBookings] = useState<BookingView[]>([])
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      const b = (await moveinApi.batches()).items
      setBatches(b)
      const id = current ?? b[0]?.batchId ?? null
      setCurrent(id)
      if (id) {
        const [d, list] = await Promise.all([moveinApi.dashboard(id), moveinApi.bookings(id)])
        setDash(d)
        setBookings(list.items)
      }
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [current])
  useEffect(() => {
    void load()
  }, [load])
  Taro.useDidShow?.(() => void load())

  if (error) return <ErrorState message={error} onRetry={() => void load()} />
  if (!batches) return <LoadingState />
  const newBatch = (
    <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: '/staff/movein-batch/index' })}>
      新建入住批次
    </Button>
  )
  if (!batches.length)
    return (
      <View className='mv'>
        <EmptyState text='还没有入住批次' hint='收到开发商或业委会的入住通知后，由客服主管新建批次' />
        {newBatch}
      </View>
    )
  const publish = async (batchId: string) => {
    try {
      const r = await moveinApi.publish(batchId)
      void Taro.showToast({ title: r.announcement?.status === 'review' ? '已开放预约，入住通知待主管审核' : '已开放预约并发布入住通知', icon: 'none', duration: 2500 })
      await load()
    } catch (e) {
      toast(errorMessage(e))
    }
  }
  const batch = batches.find((b) => b.batchId === current)!
  const exportXlsx = async () => {
    try {
      const x = await moveinApi.exportBatch(batch.batchId)
      if (process.env.TARO_ENV === 'h5') window.open(x.url, '_blank')
      else {
        const f = await Taro.downloadFile({ url: x.url })
        await Taro.openDocument({ filePath: f.tempFilePath, fileType: 'xlsx', showMenu: true })
      }
    } catch (e) {
      toast(errorMessage(e))
    }
  }
  const n = (label: string, v: number) => (
    <View className='mv-stat'>
      <Text className='mv-stat__n'>{v}</Text>
      <Text className='mv-stat__l'>{label}</Text>
    </View>
  )
  return (
    <View className='mv'>
      <Section title='入住批次'>
        {batches.map((b) => (
          <View key={b.batchId} className={`mv-slot ${b.batchId === current ? 'mv-slot--on' : ''}`} role='button' onClick={() => setCurrent(b.batchId)}>
            <Text className='mv-slot__time'>{b.title}</Text>
            <Text className='mv-slot__left'>
              {b.startDate} 至 {b.endDate} · {b.status === 'open' ? '预约中' : '未开放'}
            </Text>
          </View>
        ))}
        <View className='mv-actions'>
          <Button size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: `/staff/movein-batch/index?id=${batch.batchId}` })}>
            编辑批次
          </Button>
          {batch.status === 'draft' && (
            <Button size='small' type='primary' onClick={() => void publish(batch.batchId)}>
              开放预约并发布入住通知
            </Button>
          )}
        </View>
        {newBatch}
      </Section>
      <Section title='准备事项'>
        {batch.preparation.map((p, i) => (
          <View
            key={p.task}
            className='mv-row'
            role='checkbox'
            aria-checked={p.done}
            onClick={() => void moveinApi.setPreparation(batch.batchId, i, !p.done).then(load, (e) => toast(errorMessage(e)))}
          >
            <Text className='mv-key'>{p.done ? '☑' : '☐'}</Text>
            <Text>
              {p.task}
              {p.who ? `（${p.who}）` : ''}
            </Text>
          </View>
        ))}
      </Section>
      {dash && (
        <Section title='批次看板' extra={<Text onClick={() => void exportXlsx()}>导出 Excel</Text>}>
          <View className='mv-stats'>
            {n('已预约', dash.booked)}
            {n('已到场', dash.arrived)}
            {n('资料待审', dash.documentsPending)}
            {n('资料未通过', dash.documentsRejected)}
            {n('已交钥匙', dash.keysHandedOver)}
            {n('已验房', dash.inspectionsDone)}
            {n('未完成问题', dash.openDefects)}
          </View>
          <Text className='mv-muted'>未完成问题：{dash.openDefectsByAge.map((a) => `${a.label} ${a.count}`).join('，')}</Text>
        </Section>
      )}
      <Section title='预约与办理'>
        {bookings.length === 0 && <Text className='mv-muted'>暂无预约</Text>}
        {bookings.map((b) => (
          <View key={b.bookingId} className='mv-doc' role='button' onClick={() => void Taro.navigateTo({ url: `/staff/movein-booking/index?id=${b.bookingId}` })}>
            <View className='mv-doc__head'>
              <Text className='mv-doc__name'>
                {b.unitLabel} · {b.name}
              </Text>
              <Text className='mv-status'>{b.statusLabel}</Text>
            </View>
            <Text className='mv-muted'>
              {b.slotText} · 资料 {b.documents.filter((d) => d.status === 'approved').length}/{b.documents.length} 通过
              {b.documents.some((d) => d.status === 'submitted') ? ' · 有待审核' : ''}
            </Text>
          </View>
        ))}
      </Section>
    </View>
  )
}
