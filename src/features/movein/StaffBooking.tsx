import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Picker, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PhotoTiles } from '@/components/PhotoTiles'
import { Section } from '@/components/Section'
import { ErrorState, LoadingState } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { compressPhoto, uploadFile } from '@/services/upload'
import { INSPECTION_ITEMS, KEY_TYPES, METERS, ROOMS, type InspectionItem, type KeyType, type Meter, type Room } from '@/domain/movein'
import { categoriesOf } from '@/domain/tickets/catalog'
import { runAction, toast } from './run'
import { DocHead } from './DocHead'
import { moveinApi, type BookingView } from './api'
import './Movein.scss'

const REPAIR = categoriesOf('repair').filter((c) => !c.emergency)
const KEY_ORDER: KeyType[] = ['door', 'mailbox', 'access_card']
const METER_ORDER: Meter[] = ['water', 'electricity', 'gas']

interface DefectDraft {
  note: string
  location: string
  category: number
  contractor: string
  /** Uploaded photos: the cloud file id and the local path shown as a thumbnail. */
  photos: { fileId: string; src: string }[]
}

/** Photos per defect (the inspect action's limit). */
export const DEFECT_PHOTOS_MAX = 6

/** One booking at the desk: document review, the day's guided handover, and the house inspection. */
export function StaffBooking({ bookingId }: { bookingId?: string }) {
  const [b, setB] = useState<BookingView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [keys, setKeys] = useState<Record<KeyType, string>>({ door: '3', mailbox: '2', access_card: '2', meter_box: '', other: '' })
  const [readings, setReadings] = useState<Record<Meter, string>>({ water: '', electricity: '', gas: '' })
  const [photos, setPhotos] = useState<Partial<Record<Meter, string>>>({})
  const [defects, setDefects] = useState<Record<string, DefectDraft>>({})
  const [inspectKey] = useState(() => newRequestId('insp'))

  const load = useCallback(async () => {
    if (!bookingId) return setError('缺少预约编号')
    try {
      setB(await moveinApi.get(bookingId))
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [bookingId])
  useEffect(() => {
    void load()
  }, [load])

  const run = (fn: () => Promise<unknown>, ok: string) => runAction({ busy, setBusy, load }, fn, ok)

  if (error) return <ErrorState message={error} onRetry={() => void load()} />
  if (!b) return <LoadingState />
  const step = (s: string) => b.handover.find((h) => h.step === s)
  const nextStep = b.handover.find((h) => !h.done)?.step
  const inHandover = b.status === 'approved' || b.status === 'arrived'

  const view = async (kind: string) => {
    try {
      const { items } = await moveinApi.documentUrls(b.bookingId, kind)
      if (process.env.TARO_ENV === 'h5') items.forEach((i) => window.open(i.url, '_blank'))
      else await Taro.previewImage({ urls: items.map((i) => i.url) })
    } catch (e) {
      toast(errorMessage(e))
    }
  }
  const meterPhoto = async (m: Meter) => {
    try {
      const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
      const id = await uploadFile(await compressPhoto(r.tempFilePaths[0]), undefined, 'movein')
      setPhotos((p) => ({ ...p, [m]: id }))
    } catch (e) {
      if (!(e as any)?.errMsg?.includes('cancel')) toast(errorMessage(e))
    }
  }
  const recordStep = () => {
    if (!nextStep) return
    if (nextStep === 'keys') {
      const list = KEY_ORDER.map((t) => ({ type: t, count: Number(keys[t]) })).filter((k) => k.count > 0)
      if (!list.length) return toast('请登记钥匙数量')
      return run(() => moveinApi.handover({ bookingId: b.bookingId, step: 'keys', keys: list }), '已登记钥匙')
    }
    if (nextStep === 'meters') {
      for (const m of METER_ORDER) {
        if (readings[m] === '' || Number.isNaN(Number(readings[m]))) return toast(`请填写${METERS[m]}读数`)
        if (!photos[m]) return toast(`请拍摄${METERS[m]}照片`)
      }
      const meters = Object.fromEntries(METER_ORDER.map((m) => [m, { reading: Number(readings[m]), photo: photos[m]! }])) as any
      return run(() => moveinApi.handover({ bookingId: b.bookingId, step: 'meters', meters }), '已登记读数')
    }
    return run(() => moveinApi.handover({ bookingId: b.bookingId, step: nextStep as 'arrival' }), '已记录')
  }
  const inspect = () => {
    const items = (Object.keys(ROOMS) as Room[]).flatMap((room) =>
      (Object.keys(INSPECTION_ITEMS) as InspectionItem[]).map((item) => {
        const d = defects[`${room}:${item}`]
        if (!d) return { room, item, ok: true }
        return {
          room,
          item,
          ok: false,
          note: d.note.trim(),
          location: d.location.trim() || undefined,
          category: REPAIR[d.category].code,
          ...(d.photos.length ? { photos: d.photos.map((p) => p.fileId) } : {}),
          ...(d.contractor.trim() ? { warranty: { contractor: d.contractor.trim() } } : {}),
        }
      }),
    )
    const bad = items.find((i) => !i.ok && !(i as any).note)
    if (bad) return toast(`请填写${ROOMS[bad.room]}·${INSPECTION_ITEMS[bad.item]}的问题说明`)
    return run(() => moveinApi.inspect({ bookingId: b.bookingId, items, clientRequestId: inspectKey }), '验房已记录')
  }
  const toggleDefect = (k: string) =>
    setDefects((d) => (d[k] ? Object.fromEntries(Object.entries(d).filter(([x]) => x !== k)) : { ...d, [k]: { note: '', location: '', category: 0, contractor: '', photos: [] } }))
  const patch = (k: string, p: Partial<DefectDraft>) => setDefects((d) => ({ ...d, [k]: { ...d[k], ...p } }))
  /** Take or pick photos of a defect; each is uploaded at once through a move-in upload slot. */
  const defectPhoto = async (k: string) => {
    const left = DEFECT_PHOTOS_MAX - (defects[k]?.photos.length ?? 0)
    if (left <= 0) return toast(`每个问题最多 ${DEFECT_PHOTOS_MAX} 张照片`)
    try {
      const r = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      setBusy(true)
      for (const path of r.tempFilePaths.slice(0, left)) {
        const fileId = await uploadFile(await compressPhoto(path), undefined, 'movein')
        setDefects((d) => (d[k] ? { ...d, [k]: { ...d[k], photos: [...d[k].photos, { fileId, src: path }] } } : d))
      }
    } catch (e) {
      if (!(e as any)?.errMsg?.includes('cancel')) toast(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const dropPhoto = (k: string, fileId: string) => patch(k, { photos: (defects[k]?.photos ?? []).filter((p) => p.fileId !== fileId) })

  return (
    <View className='mv'>
      <Section title={`${b.unitLabel} · ${b.name}`}>
        <Text className='mv-line'>
          {b.slotText} · {b.statusLabel}
        </Text>
        <Text className='mv-muted'>联系电话 {b.phone}</Text>
      </Section>

      <Section title='资料审核'>
        {b.documents.map((d) => (
          <View key={d.kind} className='mv-doc'>
            <DocHead doc={d} />
            {d.reason && d.status === 'rejected' && <Text className='mv-reason'>原因：{d.reason}</Text>}
            {d.files > 0 && (
              <Button size='small' fill='none' onClick={() => void view(d.kind)}>
                查看资料
              </Button>
            )}
            {d.status === 'submitted' && (
              <View>
                <Input
                  className='mv-input'
                  placeholder='不通过时填写原因（住户可见）'
                  value={reasons[d.kind] ?? ''}
                  onInput={(e) => setReasons((r) => ({ ...r, [d.kind]: e.detail.value }))}
                />
                <View className='mv-actions'>
                  <Button
                    size='small'
                    fill='outline'
                    disabled={busy}
                    onClick={() => {
                      const reason = (reasons[d.kind] ?? '').trim()
                      if (!reason) return toast('请填写不通过的原因')
                      void run(() => moveinApi.review({ bookingId: b.bookingId, kind: d.kind as any, approve: false, reason }), '已退回')
                    }}
                  >
                    不通过
                  </Button>
                  <Button
                    size='small'
                    type='primary'
                    disabled={busy}
                    onClick={() => void run(() => moveinApi.review({ bookingId: b.bookingId, kind: d.kind as any, approve: true }), '已通过')}
                  >
                    通过
                  </Button>
                </View>
              </View>
            )}
          </View>
        ))}
      </Section>

      <Section title='交房交接'>
        {b.handover.map((h) => (
          <View key={h.step} className='mv-row'>
            <Text className='mv-key'>{h.done ? '✔' : h.step === nextStep && inHandover ? '▶' : '○'}</Text>
            <Text>
              {h.label}
              {h.done ? `（${h.byName}）` : ''}
            </Text>
          </View>
        ))}
        {inHandover && nextStep === 'keys' && (
          <View>
            {KEY_ORDER.map((t) => (
              <View key={t} className='mv-row'>
                <Text className='mv-key mv-key--wide'>{KEY_TYPES[t]}</Text>
                <Input className='mv-input mv-input--n' type='number' value={keys[t]} onInput={(e) => setKeys((k) => ({ ...k, [t]: e.detail.value }))} />
              </View>
            ))}
          </View>
        )}
        {inHandover && nextStep === 'meters' && (
          <View>
            {METER_ORDER.map((m) => (
              <View key={m} className='mv-row'>
                <Text className='mv-key mv-key--wide'>{METERS[m]}</Text>
                <Input className='mv-input mv-input--n' type='digit' placeholder='读数' value={readings[m]} onInput={(e) => setReadings((r) => ({ ...r, [m]: e.detail.value }))} />
                <Button size='small' fill='outline' onClick={() => void meterPhoto(m)}>
                  {photos[m] ? '已拍照' : '拍照'}
                </Button>
              </View>
            ))}
          </View>
        )}
        {inHandover && nextStep && (
          <Button block type='primary' className='mv-primary' loading={busy} disabled={b.status === 'booked'} onClick={() => void recordStep()}>
            完成：{step(nextStep)?.label}
          </Button>
        )}
        {b.readyToSign && <Text className='mv-status'>交接完成，请业主在手机上签收钥匙交接单。</Text>}
        {b.signedAt && (
          <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: `/pages/movein-receipt/index?id=${b.bookingId}` })}>
            查看/打印钥匙交接单
          </Button>
        )}
      </Section>

      {b.status === 'keys_signed' && (
        <Section title='验房（点选有问题的项）'>
          {(Object.keys(ROOMS) as Room[]).map((room) => (
            <View key={room} className='mv-room'>
              <Text className='mv-doc__name'>{ROOMS[room]}</Text>
              <View className='mv-chips'>
                {(Object.keys(INSPECTION_ITEMS) as InspectionItem[]).map((item) => {
                  const k = `${room}:${item}`
                  return (
                    <View key={k} role='checkbox' aria-checked={!!defects[k]} className={`mv-chip ${defects[k] ? 'mv-chip--bad' : ''}`} onClick={() => toggleDefect(k)}>
                      {INSPECTION_ITEMS[item]}
                    </View>
                  )
                })}
              </View>
              {Object.entries(defects)
                .filter(([k]) => k.startsWith(`${room}:`))
                .map(([k, d]) => (
                  <View key={k} className='mv-defect'>
                    <Text className='mv-reason'>{INSPECTION_ITEMS[k.split(':')[1] as InspectionItem]}：问题</Text>
                    <Input className='mv-input' placeholder='问题说明' value={d.note} onInput={(e) => patch(k, { note: e.detail.value })} />
                    <Input className='mv-input' placeholder='具体位置（如 水槽下方）' value={d.location} onInput={(e) => patch(k, { location: e.detail.value })} />
                    <Picker mode='selector' range={REPAIR.map((c) => c.label)} value={d.category} onChange={(e) => patch(k, { category: Number(e.detail.value) })}>
                      <View className='mv-input'>报修类别：{REPAIR[d.category].label}</View>
                    </Picker>
                    <Input
                      className='mv-input'
                      placeholder='开发商保修时填写施工单位（否则由我方工程处理）'
                      value={d.contractor}
                      onInput={(e) => patch(k, { contractor: e.detail.value })}
                    />
                    <PhotoTiles
                      photos={d.photos.map((p) => ({ key: p.fileId, src: p.src }))}
                      max={DEFECT_PHOTOS_MAX}
                      addLabel='问题照片'
                      onAdd={() => void defectPhoto(k)}
                      onRemove={(fileId) => dropPhoto(k, fileId)}
                    />
                  </View>
                ))}
            </View>
          ))}
          <Button block type='primary' className='mv-primary' loading={busy} onClick={() => void inspect()}>
            提交验房结果（{Object.keys(defects).length} 个问题）
          </Button>
        </Section>
      )}

      {b.inspected && (
        <Section title='验房问题'>
          {b.defects.length === 0 && <Text className='mv-muted'>无问题</Text>}
          {b.defects.map((d) => (
            <View key={d.defectId} className='mv-defect' onClick={() => void Taro.navigateTo({ url: `/staff/ticket/index?id=${d.ticketId}` })}>
              <View className='mv-doc__head'>
                <Text className='mv-doc__name'>
                  {d.roomLabel}·{d.itemLabel}
                </Text>
                <Text className={`mv-doc__st mv-doc__st--${d.status}`}>{d.statusLabel}</Text>
              </View>
              <Text className='mv-muted'>
                {d.note} · 工单 {d.ticketNo}
                {d.warranty ? ` · 开发商保修（${d.warranty.contractor}）` : ''}
              </Text>
              {d.photoUrls.length > 0 && (
                <View className='photo-tiles'>
                  {d.photoUrls.map((u) => (
                    <Image
                      key={u}
                      className='photo-tile photo-tile__img'
                      src={u}
                      mode='aspectFill'
                      onClick={(e) => {
                        e.stopPropagation()
                        void Taro.previewImage({ urls: d.photoUrls, current: u })
                      }}
                    />
                  ))}
                </View>
              )}
            </View>
          ))}
        </Section>
      )}
    </View>
  )
}
