import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChipGroup } from '@/components/ChipGroup'
import { ChoiceField, SwitchField } from '@/components/ChoiceField'
import { FormField, TextField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { submitForm } from '@/components/submitForm'
import { SCHEDULE_LABELS, type RoundSchedule } from '@/domain/facilities'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { facilitiesApi, type AssetView } from './api'
import { ITEM_KINDS, PLAN_FIELDS, blankPlan, fieldOf, formOfPlan, newItem, toPlanInput, type Errors, type ItemDraft, type ItemKind, type PlanField, type PlanForm } from './forms'
import './Facilities.scss'

const KIND_OPTIONS = (Object.keys(SCHEDULE_LABELS) as RoundSchedule['kind'][]).map((k) => ({ value: k, label: SCHEDULE_LABELS[k] }))
const ROLE_OPTIONS = [
  { value: 'engineer' as const, label: '工程' },
  { value: 'security' as const, label: '秩序' },
]
const WEEKDAY_OPTIONS = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({ value: String(i + 1), label: `周${d}` }))

/** One checklist item of the template: its kind, its name, and the kind's own settings. */
function ItemEditor({ d, index, onChange, onRemove }: { d: ItemDraft; index: number; onChange: (p: Partial<ItemDraft>) => void; onRemove?: () => void }) {
  const input = (k: 'label' | 'unit' | 'min' | 'max' | 'options' | 'bad', placeholder: string, type: 'text' | 'digit' = 'text', extra = '') => (
    <Input
      className={`fac__input ${extra}`}
      type={type}
      value={d[k]}
      placeholder={placeholder}
      aria-label={`第${index + 1}项${placeholder}`}
      onInput={(e) => onChange({ [k]: e.detail.value })}
    />
  )
  return (
    <View className='fac__item'>
      <View className='fac__row'>
        <Text className='fac__label'>第 {index + 1} 项</Text>
        {onRemove && (
          <View className='fac__x' role='button' aria-label={`删除第${index + 1}项`} onClick={onRemove}>
            删除
          </View>
        )}
      </View>
      <ChipGroup groupLabel={`第${index + 1}项类型`} options={ITEM_KINDS} value={d.kind} onChange={(v: ItemKind) => onChange({ kind: v })} />
      {input('label', '检查项名称，如：机房温度')}
      {d.kind === 'number' && <Text className='fac__muted'>单位 · 正常下限 · 正常上限（超出范围即为异常，可留空）</Text>}
      {d.kind === 'number' && (
        <View className='fac__row fac__row--gap'>
          {input('unit', '单位', 'text', 'fac__input--s')}
          {input('min', '正常下限', 'digit', 'fac__input--s')}
          {input('max', '正常上限', 'digit', 'fac__input--s')}
        </View>
      )}
      {d.kind === 'choice' && (
        <View>
          {input('options', '选项，用顿号分隔：正常、异响、停运')}
          {input('bad', '表示故障的选项：异响、停运')}
        </View>
      )}
      {d.kind === 'yesno' && (
        <View className='fac__row fac__row--gap'>
          <Text className='fac__muted'>正常的回答</Text>
          <ChipGroup
            groupLabel={`第${index + 1}项正常回答`}
            options={[
              { value: 'yes', label: '是' },
              { value: 'no', label: '否' },
            ]}
            value={d.ok ? 'yes' : 'no'}
            onChange={(v) => onChange({ ok: v === 'yes' })}
          />
        </View>
      )}
      {d.kind === 'photo' && <Text className='fac__muted'>巡检时必须拍照（可离线拍，联网后上传）</Text>}
      {d.kind === 'note' && <Text className='fac__muted'>巡检时填写文字说明（选填）</Text>}
    </View>
  )
}

/**
 * 巡检计划: scope (stops: an asset or an area), frequency, the checklist template, the responsible
 * role. Saving a changed plan makes a new template version: rounds already generated keep theirs.
 */
export function PlanEditor({ planId }: { planId?: string }) {
  const [form, setForm] = useState<PlanForm | null>(planId ? null : blankPlan())
  const [version, setVersion] = useState<number | null>(null)
  const [assets, setAssets] = useState<AssetView[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors<PlanField>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId('fp'))

  useEffect(() => {
    facilitiesApi.assets().then(
      (r) => setAssets(r.items),
      (e) => setLoadError(errorMessage(e)),
    )
    if (planId)
      facilitiesApi.plans().then(
        (r) => {
          const p = r.items.find((x) => x.id === planId)
          if (!p) return setLoadError('未找到该巡检计划')
          setForm(formOfPlan(p))
          setVersion(p.version)
        },
        (e) => setLoadError(errorMessage(e)),
      )
  }, [planId])

  if (!form || !assets) return <StateView loading={!loadError} error={loadError} />
  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => setForm({ ...form, [k]: v })
  const setItem = (i: number, p: Partial<ItemDraft>) =>
    set(
      'items',
      form.items.map((x, j) => (j === i ? { ...x, ...p } : x)),
    )
  const setStop = (i: number, p: Partial<PlanForm['stops'][number]>) =>
    set(
      'stops',
      form.stops.map((x, j) => (j === i ? { ...x, ...p } : x)),
    )
  const assetNames = ['（不关联设备）', ...assets.map((a) => `${a.name}（${a.location}）`)]
  const num = (k: 'everyHours' | 'from' | 'to' | 'at' | 'windowHours' | 'day', label: string, placeholder: string) => (
    <TextField label={label} name={k} value={form[k]} placeholder={placeholder} onInput={(v) => set(k, v)} />
  )

  const save = async () => {
    setBusy(true)
    let saved = 0
    const ok = await submitForm({
      checked: toPlanInput(form),
      order: PLAN_FIELDS,
      idPrefix: 'fp-',
      setErrors,
      fieldOf: (p) => fieldOf(p, PLAN_FIELDS),
      send: async (input) => {
        saved = (await facilitiesApi.savePlan(planId ? { ...input, planId } : { ...input, clientRequestId: requestId.current })).version
      },
    })
    setBusy(false)
    if (!ok) return
    void Taro.showToast({ title: planId ? `已保存为第 ${saved} 版，之后的巡检使用新检查表` : '巡检计划已建立', icon: 'none', duration: 2500 })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/facilities/index' })), 800)
  }

  return (
    <View className='fac fac-edit'>
      <Section title='计划'>
        <View id='fp-name'>
          <TextField label='计划名称' name='name' value={form.name} placeholder='如：电梯机房日巡' error={errors.name} onInput={(v) => set('name', v)} />
        </View>
        <ChoiceField label='负责岗位' options={ROLE_OPTIONS} value={form.role} onChange={(v) => set('role', v)} />
        <SwitchField label='状态' on='启用' off='停用' value={form.active} onChange={(v) => set('active', v)} />
      </Section>
      <Section title='频次'>
        <View id='fp-schedule'>
          <ChoiceField label='巡检频次' error={errors.schedule} options={KIND_OPTIONS} value={form.kind} onChange={(v) => set('kind', v)} />
          {form.kind === 'hourly' ? (
            <View>
              {num('everyHours', '每隔（小时）', '2')}
              {num('from', '每天从', '08:00')}
              {num('to', '到', '22:00')}
            </View>
          ) : (
            <View>
              {form.kind === 'weekly' && <ChoiceField label='星期' options={WEEKDAY_OPTIONS} value={form.weekday} onChange={(v) => set('weekday', v)} />}
              {form.kind === 'monthly' && num('day', '每月几日（1–28）', '1')}
              {num('at', '开始时间', '09:00')}
              {num('windowHours', '完成时限（小时）', '4')}
            </View>
          )}
        </View>
      </Section>
      <Section title='巡检点'>
        <View id='fp-stops'>
          <FormField label='依次巡检的设备或区域' error={errors.stops}>
            {form.stops.map((s, i) => (
              <View key={i} className='fac__item'>
                <Picker
                  mode='selector'
                  range={assetNames}
                  value={s.assetId ? assets.findIndex((a) => a.id === s.assetId) + 1 : 0}
                  onChange={(e) => {
                    const a = assets[Number(e.detail.value) - 1]
                    setStop(i, a ? { assetId: a.id, area: s.area || a.location } : { assetId: null })
                  }}
                >
                  <View className='fac__input'>设备：{s.assetId ? (assets.find((a) => a.id === s.assetId)?.name ?? '—') : '不关联设备'}</View>
                </Picker>
                <View className='fac__row'>
                  <Input
                    className='fac__input'
                    value={s.area}
                    placeholder='位置，如：1栋 B1 水泵房'
                    aria-label={`巡检点${i + 1}位置`}
                    onInput={(e) => setStop(i, { area: e.detail.value })}
                  />
                  {form.stops.length > 1 && (
                    <View
                      className='fac__x'
                      role='button'
                      aria-label={`删除巡检点${i + 1}`}
                      onClick={() =>
                        set(
                          'stops',
                          form.stops.filter((_, j) => j !== i),
                        )
                      }
                    >
                      删除
                    </View>
                  )}
                </View>
              </View>
            ))}
          </FormField>
          <Button size='small' fill='outline' onClick={() => set('stops', [...form.stops, { assetId: null, area: '' }])}>
            添加巡检点
          </Button>
        </View>
      </Section>
      <Section title={version ? `检查表（当前第 ${version} 版）` : '检查表'}>
        <View id='fp-items'>
          {version && <Text className='fac__muted'>修改后保存为第 {version + 1} 版，只用于以后生成的巡检；已生成和已完成的巡检保留原版本。</Text>}
          {errors.items && (
            <View className='field__error' role='alert'>
              {errors.items}
            </View>
          )}
          {form.items.map((d, i) => (
            <ItemEditor
              key={d.id}
              d={d}
              index={i}
              onChange={(p) => setItem(i, p)}
              onRemove={
                form.items.length > 1
                  ? () =>
                      set(
                        'items',
                        form.items.filter((_, j) => j !== i),
                      )
                  : undefined
              }
            />
          ))}
          <Button
            size='small'
            fill='outline'
            onClick={() =>
              set('items', [
                ...form.items,
                newItem(
                  'number',
                  form.items.map((x) => x.id),
                ),
              ])
            }
          >
            添加检查项
          </Button>
        </View>
      </Section>
      <Button block type='primary' loading={busy} onClick={() => void save()}>
        {planId ? '保存（生成新版本）' : '建立巡检计划'}
      </Button>
    </View>
  )
}
