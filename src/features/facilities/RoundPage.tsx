import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ChecklistItem, ReadingValue } from '@/domain/facilities'
import { formatShort } from '@/domain/time'
import { PhotoTiles } from '@/components/PhotoTiles'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi, type RoundData } from './api'
import { arrive, cacheRound, cachedRound, enqueue, flush, loadQueue, pendingCount, saveQueue, waitingPhotos, type RoundQueue } from './queue'
import './Facilities.scss'

/** Pictures per photo item (the sync action's limit). */
const PHOTOS_PER_ITEM = 9

/** A photo item: take (or pick) pictures; they stay on the phone until the next sync uploads them. */
function PhotoField({ item, paths, onChange }: { item: ChecklistItem; paths: string[]; onChange: (paths: string[]) => void }) {
  const take = async () => {
    try {
      const r = await Taro.chooseImage({ count: PHOTOS_PER_ITEM - paths.length, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      onChange([...paths, ...r.tempFilePaths].slice(0, PHOTOS_PER_ITEM))
    } catch {
      // cancelled
    }
  }
  return (
    <View className='fac__field'>
      <Text className='fac__label'>{item.label}（须拍照）</Text>
      <PhotoTiles
        photos={paths.map((p) => ({ key: p, src: p }))}
        max={PHOTOS_PER_ITEM}
        addLabel={`${item.label}拍照`}
        onAdd={() => void take()}
        onRemove={(p) => onChange(paths.filter((x) => x !== p))}
      />
    </View>
  )
}

/** Fill one checklist item (number with unit, choice, yes/no, note; photo items in PhotoField). */
function ItemField({ item, value, onChange }: { item: ChecklistItem; value: string; onChange: (v: string) => void }) {
  if (item.kind === 'number')
    return (
      <View className='fac__field'>
        <Text className='fac__label'>
          {item.label}（{item.unit}
          {item.min != null || item.max != null ? `，正常 ${item.min ?? '—'}–${item.max ?? '—'}` : ''}）
        </Text>
        <Input className='fac__input' type='digit' value={value} placeholder='读数' onInput={(e) => onChange(e.detail.value)} aria-label={item.label} />
      </View>
    )
  if (item.kind === 'choice' || item.kind === 'yesno') {
    const options = item.kind === 'choice' ? item.options : ['是', '否']
    return (
      <View className='fac__field'>
        <Text className='fac__label'>{item.label}</Text>
        <View className='fac__chips'>
          {options.map((o) => (
            <View key={o} className={`fac__chip ${value === o ? 'fac__chip--on' : ''}`} role='button' onClick={() => onChange(o)}>
              {o}
            </View>
          ))}
        </View>
      </View>
    )
  }
  if (item.kind === 'note')
    return (
      <View className='fac__field'>
        <Text className='fac__label'>{item.label}</Text>
        <Input className='fac__input' value={value} placeholder='选填' onInput={(e) => onChange(e.detail.value)} aria-label={item.label} />
      </View>
    )
  return null
}

function toValue(item: ChecklistItem, raw: string): ReadingValue | null {
  if (!raw.trim()) return null
  switch (item.kind) {
    case 'number':
      return Number.isFinite(Number(raw)) ? { kind: 'number', value: Number(raw), unit: item.unit } : null
    case 'choice':
      return { kind: 'choice', value: raw }
    case 'yesno':
      return { kind: 'yesno', value: raw === '是' }
    case 'note':
      return { kind: 'note', text: raw }
    default:
      return null
  }
}

/** 巡检: the round's stops; at each, scan/enter the asset code or confirm the location, then fill the checklist. Works offline. */
export function RoundPage({ roundId }: { roundId: string }) {
  const [data, setData] = useState<RoundData | null>(() => cachedRound(roundId))
  const [error, setError] = useState<string | null>(null)
  const [queue, setQueue] = useState<RoundQueue>(() => loadQueue(roundId))
  const [open, setOpen] = useState<number | null>(null)
  const [code, setCode] = useState('')
  const [form, setForm] = useState<Record<string, string>>({})
  const [shots, setShots] = useState<Record<string, string[]>>({})
  const [syncing, setSyncing] = useState(false)
  const [offline, setOffline] = useState(false)

  const load = useCallback(async () => {
    try {
      const d = await facilitiesApi.round(roundId)
      cacheRound(roundId, d)
      setData(d)
      setError(null)
      setOffline(false)
    } catch (err) {
      if (!cachedRound(roundId)) setError(errorMessage(err))
      setOffline(true)
    }
  }, [roundId])

  const sync = useCallback(async () => {
    if (syncing || !pendingCount(loadQueue(roundId))) return
    setSyncing(true)
    try {
      const { result, offline: off } = await flush(roundId)
      setOffline(off)
      setQueue(loadQueue(roundId))
      if (result) {
        if (result.tickets.length) void Taro.showToast({ title: `发现异常，已生成维修工单 ${result.tickets.map((t) => t.no).join('、')}`, icon: 'none' })
        else void Taro.showToast({ title: '已同步', icon: 'success' })
        await load()
      }
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setSyncing(false)
    }
  }, [load, roundId, syncing])

  useEffect(() => {
    void load().then(() => sync())
    const online = () => void sync()
    Taro.onNetworkStatusChange?.((res) => res.isConnected && online())
    if (typeof window !== 'undefined' && window.addEventListener) window.addEventListener('online', online)
    // Also retry now and then: a phone does not always report that the network came back.
    const timer = setInterval(online, 10_000)
    return () => {
      clearInterval(timer)
      if (typeof window !== 'undefined' && window.removeEventListener) window.removeEventListener('online', online)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundId])

  function update(q: RoundQueue) {
    saveQueue(roundId, q)
    setQueue(q)
  }

  function saveStop(index: number) {
    if (!data) return
    const stop = data.stops[index]
    const typed = code.trim().toUpperCase()
    if (stop.assetCode && typed && typed !== stop.assetCode) {
      void Taro.showToast({ title: '设备码不符，请核对标签', icon: 'none' })
      return
    }
    const missing = data.items.find((i) => i.kind === 'photo' && !shots[i.id]?.length)
    if (missing) {
      void Taro.showToast({ title: `请拍摄「${missing.label}」照片`, icon: 'none' })
      return
    }
    let q = arrive(queue, typed ? { stop: index, how: 'scan', code: typed } : { stop: index, how: 'confirm' })
    let n = 0
    for (const item of data.items) {
      if (item.kind === 'photo') {
        q = enqueue(q, { stop: index, itemId: item.id, value: { kind: 'photo', fileIds: [] }, localPaths: shots[item.id] })
        n++
        continue
      }
      const v = toValue(item, form[item.id] ?? '')
      if (v) {
        q = enqueue(q, { stop: index, itemId: item.id, value: v })
        n++
      }
    }
    if (!n) {
      void Taro.showToast({ title: '请至少填写一项', icon: 'none' })
      return
    }
    update(q)
    setOpen(null)
    setForm({})
    setShots({})
    setCode('')
    void sync()
  }

  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  const pending = pendingCount(queue)
  const closed = data.round.status === 'done'
  return (
    <View className='fac'>
      <View className='fac__card'>
        <Text className='fac__title'>{data.round.planName}</Text>
        <Text className='fac__muted'>巡检时段 {data.round.window}</Text>
        <Text className={`fac__status ${data.round.overdue ? 'fac__status--bad' : ''}`}>{data.round.statusLabel}</Text>
        <View className={`fac__sync ${pending ? 'fac__sync--pending' : ''}`} aria-live='polite'>
          {pending ? `待同步 ${pending} 条${waitingPhotos(queue) ? `（含照片 ${waitingPhotos(queue)} 张）` : ''}${offline ? '（无网络，恢复后自动同步）' : ''}` : '全部已同步'}
        </View>
      </View>
      {data.stops.map((s) => {
        const done = data.readings.filter((r) => r.stop === s.index)
        const queued = queue.readings.filter((r) => r.stop === s.index)
        return (
          <View key={s.index} className='fac__card'>
            <View className='fac__row'>
              <Text className='fac__title'>
                {s.index + 1}. {s.assetName ?? s.area}
              </Text>
              <Text className='fac__muted'>{done.length ? `已记录 ${done.length} 项` : queued.length ? `待同步 ${queued.length} 项` : '未巡'}</Text>
            </View>
            <Text className='fac__muted'>{s.area}</Text>
            {done.map((r) => (
              <Text key={r.clientId} className={`fac__reading ${r.anomaly ? 'fac__reading--bad' : ''}`}>
                {data.items.find((i) => i.id === r.itemId)?.label}：{r.text} · {formatShort(r.at)}
              </Text>
            ))}
            {!closed && open !== s.index && (
              <Button size='small' type='primary' onClick={() => setOpen(s.index)}>
                {done.length || queued.length ? '补充' : '开始巡检'}
              </Button>
            )}
            {open === s.index && (
              <View className='fac__form'>
                {s.assetCode ? (
                  <View className='fac__field'>
                    <Text className='fac__label'>扫描或输入设备标签码（或直接确认位置）</Text>
                    <Input className='fac__input' value={code} placeholder='12 位设备码' maxlength={12} onInput={(e) => setCode(e.detail.value)} aria-label='设备码' />
                    <Button
                      size='small'
                      onClick={() =>
                        void Taro.scanCode({ onlyFromCamera: true })
                          .then((r) => setCode((r.result.split('/').pop() ?? '').toUpperCase()))
                          .catch(() => undefined)
                      }
                    >
                      扫码
                    </Button>
                  </View>
                ) : null}
                {data.items.map((item) =>
                  item.kind === 'photo' ? (
                    <PhotoField key={item.id} item={item} paths={shots[item.id] ?? []} onChange={(paths) => setShots({ ...shots, [item.id]: paths })} />
                  ) : (
                    <ItemField key={item.id} item={item} value={form[item.id] ?? ''} onChange={(v) => setForm({ ...form, [item.id]: v })} />
                  ),
                )}
                <Button type='primary' block onClick={() => saveStop(s.index)}>
                  记录本点
                </Button>
              </View>
            )}
          </View>
        )
      })}
      <View className='fac__bar'>
        {pending > 0 && (
          <Button loading={syncing} onClick={() => void sync()}>
            立即同步
          </Button>
        )}
        {!closed && !queue.close && (
          <Button
            type='primary'
            onClick={() => {
              update({ ...queue, close: true })
              void sync()
            }}
          >
            完成巡检
          </Button>
        )}
      </View>
    </View>
  )
}
