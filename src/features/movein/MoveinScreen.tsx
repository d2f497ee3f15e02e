import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { ErrorState, LoadingState } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { compressPhoto, uploadFile } from '@/services/upload'
import { naturalTime } from '@/domain/time'
import { runAction, toast } from './run'
import { DocHead } from './DocHead'
import { moveinApi, type BookingView, type SlotsView } from './api'
import { SignaturePad } from './SignaturePad'
import { requestConsents, subscriptionsApi } from '@/features/subscriptions'
import './Movein.scss'

/** Picks a photo or a PDF and uploads it for the move-in function; answers the file id. */
async function pickAndUpload(): Promise<string | null> {
  // H5 (browser): the file picker itself takes photos and PDFs; weapp: photos, or a PDF from a chat.
  const { tapIndex } = process.env.TARO_ENV === 'h5' ? { tapIndex: 0 } : await Taro.showActionSheet({ itemList: ['拍照或选择照片', '选择 PDF 文件'] })
  let path: string
  if (tapIndex === 0) {
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
    path = await compressPhoto(r.tempFilePaths[0])
  } else {
    const r = await (Taro as any).chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
    path = r.tempFiles[0].path
  }
  return uploadFile(path, undefined, 'movein')
}

function SlotPicker({ slots, selected, onSelect }: { slots: SlotsView['items']; selected: string | null; onSelect: (id: string) => void }) {
  const now = Date.now()
  return (
    <View className='mv-slots'>
      {slots.map((s) => {
        const left = s.capacity - s.booked
        const disabled = left <= 0
        return (
          <View
            key={s.slotId}
            role='button'
            aria-disabled={disabled}
            className={`mv-slot ${selected === s.slotId ? 'mv-slot--on' : ''} ${disabled ? 'mv-slot--full' : ''}`}
            onClick={() => !disabled && onSelect(s.slotId)}
          >
            <Text className='mv-slot__time'>
              {naturalTime(s.startAt, now)}–{naturalTime(s.endAt, now).slice(-5)}
            </Text>
            <Text className='mv-slot__left'>{disabled ? '已约满' : `剩余 ${left} 个名额`}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** 入住预约: my unit's batch, documents needed, booking, uploads, review results, key receipt, inspection. */
export function MoveinScreen() {
  const [slots, setSlots] = useState<SlotsView | null>(null)
  const [booking, setBooking] = useState<BookingView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const [unitIdx, setUnitIdx] = useState(-1)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [refuse, setRefuse] = useState<Record<string, string>>({})

  const load = useCallback(async () => {
    setError(null)
    try {
      const [s, mine] = await Promise.all([moveinApi.slots(), moveinApi.mine()])
      setSlots(s)
      setBooking(mine.items.find((b) => b.status !== 'cancelled') ?? null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  Taro.useDidShow?.(() => void load())

  const run = (fn: () => Promise<unknown>, ok: string) => runAction({ busy, setBusy, load }, fn, ok)

  if (error) return <ErrorState message={error} onRetry={() => void load()} />
  if (!slots) return <LoadingState />
  const batch = slots.batch
  if (!batch && !booking)
    return (
      <View className='mv'>
        <Section title='入住预约'>
          <Text className='mv-muted'>您的房屋目前没有开放预约的入住批次。收到交房通知后，可在这里预约办理时间；如有疑问请联系物业客服。</Text>
        </Section>
      </View>
    )

  /** The day-before reminder by WeChat message too: the consent popup must open inside the tap (before any await). */
  const askReminder = () => {
    const consent = requestConsents([LINLI_TPL_MOVEIN])
    return () =>
      consent.then(({ accepted }) =>
        accepted.length
          ? subscriptionsApi.subscribe(accepted).then(
              () => undefined,
              () => undefined,
            )
          : undefined,
      )
  }
  const book = () => {
    if (!picked) return toast('请选择办理时段')
    const unbound = !slots.bound && !booking
    if (unbound) {
      const unit = slots.units?.[unitIdx]
      if (!unit) return toast('请选择您的房屋')
      if (!name.trim()) return toast('请填写业主姓名')
      if (!/^1\d{10}$/.test(phone.trim())) return toast('请填写 11 位手机号')
      const keepConsent = askReminder()
      return run(async () => {
        await moveinApi.book({ slotId: picked, unitId: unit.unitId, name: name.trim(), phone: phone.trim() })
        await keepConsent()
      }, '预约成功')
    }
    const keepConsent = askReminder()
    return run(
      async () => {
        await moveinApi.book({ slotId: picked })
        await keepConsent()
        setMoving(false)
      },
      booking ? '已改约' : '预约成功',
    )
  }

  const b = booking
  return (
    <View className='mv'>
      {batch && (
        <Section title={batch.title}>
          <Text className='mv-line'>
            办理日期：{batch.startDate.slice(5).replace('-', '月')}日 至 {batch.endDate.slice(5).replace('-', '月')}日
          </Text>
          <Text className='mv-line'>所需资料：{batch.requiredDocuments.map((d) => d.label).join('、')}（原件到场核验）</Text>
          <Text className='mv-muted'>办理前 {batch.cutoffHours} 小时内不能改约或取消。</Text>
          {!!batch.feesNotice && <Text className='mv-notice'>收费告知：{batch.feesNotice}</Text>}
        </Section>
      )}

      {b && (
        <Section title='我的预约'>
          <View className='mv-row'>
            <Text className='mv-key'>房屋</Text>
            <Text>{b.unitLabel}</Text>
          </View>
          <View className='mv-row'>
            <Text className='mv-key'>时段</Text>
            <Text>{b.slotText}</Text>
          </View>
          <View className='mv-row'>
            <Text className='mv-key'>状态</Text>
            <Text className='mv-status'>{b.statusLabel}</Text>
          </View>
          {b.movable && (
            <View className='mv-actions'>
              <Button size='small' fill='outline' onClick={() => setMoving((m) => !m)}>
                {moving ? '不改了' : '改约'}
              </Button>
              <Button
                size='small'
                fill='none'
                onClick={() =>
                  void Taro.showModal({ title: '取消预约', content: '确定取消本次入住预约吗？', confirmText: '取消预约', cancelText: '再想想' }).then((r) => {
                    if (r.confirm) void run(() => moveinApi.cancel(b.bookingId), '已取消')
                  })
                }
              >
                取消预约
              </Button>
            </View>
          )}
        </Section>
      )}

      {(!b || moving) && batch && (
        <Section title={b ? '选择新的时段' : '选择办理时段'}>
          <SlotPicker slots={slots.items} selected={picked} onSelect={setPicked} />
          {!b && !slots.bound && (
            <View className='mv-claim'>
              <Text className='mv-muted'>您还未绑定房屋：请填写与开发商业主登记一致的信息。</Text>
              <Picker mode='selector' range={(slots.units ?? []).map((u) => u.label)} onChange={(e) => setUnitIdx(Number(e.detail.value))}>
                <View className='mv-input'>{slots.units?.[unitIdx]?.label ?? '选择房屋'}</View>
              </Picker>
              <Input className='mv-input' placeholder='业主姓名' value={name} onInput={(e) => setName(e.detail.value)} />
              <Input className='mv-input' type='number' maxlength={11} placeholder='业主登记的手机号' value={phone} onInput={(e) => setPhone(e.detail.value)} />
            </View>
          )}
          <Button block type='primary' className='mv-primary' loading={busy} onClick={() => void book()}>
            {b ? '确认改约' : '确认预约'}
          </Button>
        </Section>
      )}

      {b && (
        <Section title='入住资料'>
          {b.documents.map((d) => (
            <View key={d.kind} className='mv-doc'>
              <DocHead doc={d} />
              {d.status === 'rejected' && <Text className='mv-reason'>未通过原因：{d.reason}，请重新上传。</Text>}
              {d.status !== 'approved' && b.status !== 'cancelled' && (
                <Button
                  size='small'
                  fill='outline'
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const f = await pickAndUpload()
                      if (f) await moveinApi.submitDocument({ bookingId: b.bookingId, kind: d.kind as any, fileIds: [f] })
                    }, '已提交，等待审核')
                  }
                >
                  {d.status === 'missing' ? '上传' : '重新上传'}
                </Button>
              )}
            </View>
          ))}
          <Text className='mv-muted'>支持 JPG、PNG 照片或 PDF，单个不超过 5 MB。</Text>
        </Section>
      )}

      {b && b.readyToSign && (
        <Section title='签收钥匙交接单'>
          <Text className='mv-muted'>工作人员已完成交接，请核对钥匙与抄表读数后签名。</Text>
          {b.keys.map((k) => (
            <Text key={k.type} className='mv-line'>
              {k.label} × {k.count}
            </Text>
          ))}
          {b.meters.map((m) => (
            <Text key={m.meter} className='mv-line'>
              {m.label}读数：{m.reading}
            </Text>
          ))}
          <SignaturePad busy={busy} onDone={(p) => void run(async () => moveinApi.signReceipt(b.bookingId, await uploadFile(p, undefined, 'movein')), '已签收')} />
        </Section>
      )}

      {b && b.signedAt && (
        <Section title='钥匙交接单'>
          <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: `/pages/movein-receipt/index?id=${b.bookingId}` })}>
            查看钥匙交接单
          </Button>
        </Section>
      )}

      {b && b.inspected && (
        <Section title='验房问题'>
          {b.defects.length === 0 && <Text className='mv-muted'>验房未发现问题。</Text>}
          {b.defects.map((d) => (
            <View key={d.defectId} className='mv-defect' onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${d.ticketId}` })}>
              <View className='mv-doc__head'>
                <Text className='mv-doc__name'>
                  {d.roomLabel}·{d.itemLabel}
                  {d.location ? `（${d.location}）` : ''}
                </Text>
                <Text className={`mv-doc__st mv-doc__st--${d.status}`}>{d.statusLabel}</Text>
              </View>
              <Text className='mv-muted'>
                {d.note}
                {d.warranty ? ` · 开发商保修（${d.warranty.contractor}）` : ''} · 工单 {d.ticketNo}
              </Text>
              {b.canReinspect && d.status === 'fixed' && (
                <Input
                  className='mv-input'
                  placeholder='如不认可整改结果，请写明原因'
                  value={refuse[d.defectId] ?? ''}
                  onClick={(e) => e.stopPropagation()}
                  onInput={(e) => setRefuse((r) => ({ ...r, [d.defectId]: e.detail.value }))}
                />
              )}
            </View>
          ))}
          {b.canReinspect && (
            <SignaturePad
              label='全部问题已整改，请复验后签名确认'
              busy={busy}
              onDone={(p) =>
                void run(async () => {
                  const fileId = await uploadFile(p, undefined, 'movein')
                  const list = Object.entries(refuse)
                    .filter(([, v]) => v.trim())
                    .map(([defectId, note]) => ({ defectId, note: note.trim() }))
                  await moveinApi.reinspect({ bookingId: b.bookingId, signature: { fileId }, refuse: list })
                  setRefuse({})
                }, '复验已签收')
              }
            />
          )}
          {b.status === 'closed' && <Text className='mv-status'>复验已全部通过，入住交接完成。</Text>}
        </Section>
      )}
    </View>
  )
}
