import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceField, toggled } from '@/components/ChoiceField'
import { FormField, TextAreaField, TextField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { submitForm } from '@/components/submitForm'
import type { DocumentKind } from '@/domain/movein'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { moveinApi } from './api'
import { blankBatch, DOCUMENT_OPTIONS, FIELD_ORDER, fieldOfPath, formOfBatch, toBatchInput, type BatchErrors, type BatchForm } from './batch-form'
import './Movein.scss'

/**
 * 新建/编辑入住批次: delivery range, dates, daily slots with capacity, required documents, fees
 * notice, the desk's preparation checklist (who, done). An open batch keeps its range, dates, slots
 * and documents (bookings hang on them): those fields are shown read-only.
 */
export function BatchEditor({ batchId }: { batchId?: string }) {
  const [form, setForm] = useState<BatchForm | null>(batchId ? null : blankBatch())
  const [open, setOpen] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<BatchErrors>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId('mvb'))

  useEffect(() => {
    if (!batchId) return
    moveinApi.getBatch(batchId).then(
      (b) => {
        setForm(formOfBatch(b))
        setOpen(b.status === 'open')
      },
      (err) => setLoadError(errorMessage(err)),
    )
  }, [batchId])

  if (!form) return <StateView loading={!loadError} error={loadError} />
  const set = <K extends keyof BatchForm>(k: K, v: BatchForm[K]) => setForm({ ...form, [k]: v })
  /** Row `i` of a list field patched, or (patch null) removed. */
  const setRow = <K extends 'slots' | 'preparation'>(k: K, i: number, patch: Partial<BatchForm[K][number]> | null) =>
    set(k, (patch ? form[k].map((r, j) => (j === i ? { ...r, ...patch } : r)) : form[k].filter((_, j) => j !== i)) as BatchForm[K])
  const setSlot = (i: number, patch: Partial<BatchForm['slots'][number]>) => setRow('slots', i, patch)
  const setPrep = (i: number, patch: Partial<BatchForm['preparation'][number]>) => setRow('preparation', i, patch)

  const save = async () => {
    setBusy(true)
    const ok = await submitForm({
      checked: toBatchInput(form),
      order: FIELD_ORDER,
      idPrefix: 'mb-',
      setErrors,
      fieldOf: fieldOfPath,
      send: (input) => (batchId ? moveinApi.updateBatch({ ...input, batchId }) : moveinApi.createBatch({ ...input, clientRequestId: requestId.current })),
    })
    setBusy(false)
    if (!ok) return
    void Taro.showToast({ title: batchId ? '已保存' : '已新建批次（未开放）', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/movein/index' })), 600)
  }

  const locked = open
  const field = (
    k: 'title' | 'building' | 'unitNos' | 'rooms' | 'startDate' | 'endDate' | 'cutoffHours',
    label: string,
    placeholder: string,
    hint?: string,
    type: 'text' | 'number' = 'text',
  ) => (
    <View id={`mb-${k}`}>
      <TextField
        label={label}
        name={k}
        value={form[k]}
        type={type}
        placeholder={placeholder}
        hint={hint}
        error={errors[k]}
        disabled={locked && k !== 'title' && k !== 'cutoffHours'}
        onInput={(v) => set(k, v)}
      />
    </View>
  )
  return (
    <View className='mv mv-edit'>
      {locked && <Text className='mv-status'>批次已开放预约：交付范围、日期、时段和所需资料不能再修改。</Text>}
      <Section title='批次'>
        {field('title', '批次名称', '如：3 号楼交付')}
        {field('building', '楼栋', '如：3栋')}
        {field('unitNos', '单元（选填）', '如：1、2（不填为整栋）')}
        {field('rooms', '房号（选填）', '如：101、102（不填为全部）')}
        {field('startDate', '开始日期', '2026-12-10', '北京时间')}
        {field('endDate', '结束日期', '2026-12-20')}
      </Section>
      <Section title='每日办理时段'>
        <View id='mb-slots'>
          <FormField label='时段与可约户数' error={errors.slots}>
            {form.slots.map((s, i) => (
              <View key={i} className='mv-slotrow'>
                <Input
                  className='mv-input mv-input--t'
                  value={s.start}
                  disabled={locked}
                  placeholder='09:00'
                  aria-label={`时段${i + 1}开始`}
                  onInput={(e) => setSlot(i, { start: e.detail.value })}
                />
                <Text className='mv-muted'>至</Text>
                <Input
                  className='mv-input mv-input--t'
                  value={s.end}
                  disabled={locked}
                  placeholder='11:00'
                  aria-label={`时段${i + 1}结束`}
                  onInput={(e) => setSlot(i, { end: e.detail.value })}
                />
                <Input
                  className='mv-input mv-input--n'
                  type='number'
                  value={s.capacity}
                  disabled={locked}
                  placeholder='户数'
                  aria-label={`时段${i + 1}容量`}
                  onInput={(e) => setSlot(i, { capacity: e.detail.value })}
                />
                {!locked && form.slots.length > 1 && <RemoveRow label={`删除时段${i + 1}`} onClick={() => setRow('slots', i, null)} />}
              </View>
            ))}
          </FormField>
          {!locked && form.slots.length < 12 && (
            <Button size='small' fill='outline' onClick={() => set('slots', [...form.slots, { start: '', end: '', capacity: '10' }])}>
              添加时段
            </Button>
          )}
        </View>
        {field('cutoffHours', '改约/取消截止（办理前小时数）', '24', undefined, 'number')}
      </Section>
      <Section title='所需资料'>
        <ChoiceField
          id='mb-requiredDocuments'
          label='业主需上传的资料（可多选）'
          groupLabel='所需资料'
          error={errors.requiredDocuments}
          options={DOCUMENT_OPTIONS}
          value={form.requiredDocuments}
          onChange={(v: DocumentKind) => {
            if (!locked) set('requiredDocuments', toggled(form.requiredDocuments, v))
          }}
        />
      </Section>
      <Section title='收费告知'>
        <View id='mb-feesNotice'>
          <TextAreaField
            label='收费告知'
            value={form.feesNotice}
            maxlength={2000}
            placeholder='物业费、装修押金等收费标准与缴费方式'
            error={errors.feesNotice}
            onInput={(v) => set('feesNotice', v)}
          />
        </View>
      </Section>
      <Section title='准备事项（客服）'>
        <View id='mb-preparation'>
          <FormField label='事项、负责人、是否完成' error={errors.preparation}>
            {form.preparation.map((p, i) => (
              <View key={i} className='mv-slotrow'>
                <View className='mv-check' role='checkbox' aria-checked={p.done} aria-label={`${p.task || '事项'}已完成`} onClick={() => setPrep(i, { done: !p.done })}>
                  {p.done ? '☑' : '☐'}
                </View>
                <Input
                  className='mv-input mv-input--grow'
                  value={p.task}
                  placeholder='事项'
                  aria-label={`准备事项${i + 1}`}
                  onInput={(e) => setPrep(i, { task: e.detail.value })}
                />
                <Input
                  className='mv-input mv-input--who'
                  value={p.who}
                  placeholder='负责人'
                  aria-label={`准备事项${i + 1}负责人`}
                  onInput={(e) => setPrep(i, { who: e.detail.value })}
                />
                <RemoveRow label={`删除准备事项${i + 1}`} onClick={() => setRow('preparation', i, null)} />
              </View>
            ))}
          </FormField>
          {form.preparation.length < 20 && (
            <Button size='small' fill='outline' onClick={() => set('preparation', [...form.preparation, { task: '', who: '', done: false }])}>
              添加事项
            </Button>
          )}
        </View>
      </Section>
      <Button block type='primary' className='mv-primary' loading={busy} onClick={() => void save()}>
        {batchId ? '保存' : '新建批次'}
      </Button>
    </View>
  )
}

/** The × that removes a row of a list field. */
function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <View className='mv-x' role='button' aria-label={label} onClick={onClick}>
      ×
    </View>
  )
}
