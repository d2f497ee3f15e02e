import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChipGroup } from '@/components/ChipGroup'
import { ChoiceField, toggled } from '@/components/ChoiceField'
import { FormField, TextField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { submitForm } from '@/components/submitForm'
import { REGULATED, intervalText, type MaintenanceTask } from '@/domain/facilities'
import { beijing } from '@/domain/time'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { facilitiesApi, type AssetView } from './api'
import {
  MAINTENANCE_FIELDS,
  TASK_OPTIONS,
  blankMaintenance,
  fieldOf,
  formOfMaintenance,
  toMaintenanceInput,
  type Errors,
  type MaintenanceField,
  type MaintenanceForm,
} from './forms'
import './Facilities.scss'

const MODE_OPTIONS = [
  { value: 'fixed' as const, label: '固定周期' },
  { value: 'floating' as const, label: '完成后 N 天' },
]
const UNIT_OPTIONS = [
  { value: 'days' as const, label: '天' },
  { value: 'months' as const, label: '个月' },
]

/**
 * 预防性维护计划: fixed intervals (regulated equipment: never longer than the legal one) or
 * floating (N days after the last completion); the tasks from the manufacturer's advice.
 */
export function MaintenanceEditor({ planId, assetId }: { planId?: string; assetId?: string }) {
  const today = beijing(new Date()).format('YYYY-MM-DD')
  const [form, setForm] = useState<MaintenanceForm | null>(planId ? null : blankMaintenance(assetId ?? '', today))
  const [assets, setAssets] = useState<AssetView[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors<MaintenanceField>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId('fm'))

  useEffect(() => {
    facilitiesApi.assets().then(
      (r) => setAssets(r.items),
      (e) => setLoadError(errorMessage(e)),
    )
    if (planId)
      facilitiesApi.maintenancePlans().then(
        (r) => {
          const p = r.items.find((x) => x.id === planId)
          if (!p) return setLoadError('未找到该维护计划')
          setForm(formOfMaintenance(p))
        },
        (e) => setLoadError(errorMessage(e)),
      )
  }, [planId])

  if (!form || !assets) return <StateView loading={!loadError} error={loadError} />
  const set = <K extends keyof MaintenanceForm>(k: K, v: MaintenanceForm[K]) => setForm({ ...form, [k]: v })
  const asset = assets.find((a) => a.id === form.assetId) ?? null
  const regulated = asset?.regulated ?? null

  const save = async () => {
    setBusy(true)
    const ok = await submitForm({
      checked: toMaintenanceInput(form, regulated),
      order: MAINTENANCE_FIELDS,
      idPrefix: 'fm-',
      setErrors,
      fieldOf: (p) => fieldOf(p, MAINTENANCE_FIELDS),
      send: (input) => facilitiesApi.saveMaintenancePlan(planId ? { ...input, planId } : { ...input, clientRequestId: requestId.current }),
    })
    setBusy(false)
    if (!ok) return
    void Taro.showToast({ title: '维护计划已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/facilities/index' })), 600)
  }

  return (
    <View className='fac fac-edit'>
      <Section title='设备'>
        <View id='fm-assetId'>
          <FormField label='维护的设备' error={errors.assetId}>
            <Picker
              mode='selector'
              range={assets.map((a) => `${a.name}（${a.location}）`)}
              value={Math.max(
                0,
                assets.findIndex((a) => a.id === form.assetId),
              )}
              onChange={(e) => set('assetId', assets[Number(e.detail.value)]?.id ?? '')}
            >
              <View className='fac__input'>{asset ? `${asset.name}（${asset.location}）` : '请选择设备'}</View>
            </Picker>
          </FormField>
        </View>
        {regulated && (
          <Text className='fac__muted'>
            特种设备：{REGULATED[regulated].label}，法定周期{intervalText(REGULATED[regulated].every)}，须使用固定周期且不能更长。
          </Text>
        )}
        <View id='fm-name'>
          <TextField label='计划名称' name='name' value={form.name} placeholder='如：电梯半月保养' error={errors.name} onInput={(v) => set('name', v)} />
        </View>
      </Section>
      <Section title='周期'>
        <View id='fm-schedule'>
          <ChoiceField label='周期方式' error={errors.schedule} options={MODE_OPTIONS} value={form.mode} onChange={(v) => set('mode', v)} />
          {form.mode === 'fixed' ? (
            <View>
              <TextField label='每隔' name='every' type='number' value={form.every} placeholder='15' onInput={(v) => set('every', v)} />
              <ChipGroup groupLabel='周期单位' options={UNIT_OPTIONS} value={form.unit} onChange={(v) => set('unit', v)} />
              <TextField label='首次日期' name='anchor' value={form.anchor} placeholder='2026-12-01' hint='之后按周期排期（北京时间）' onInput={(v) => set('anchor', v)} />
            </View>
          ) : (
            <TextField label='上次完成后几天' name='afterDays' type='number' value={form.afterDays} placeholder='30' onInput={(v) => set('afterDays', v)} />
          )}
        </View>
        <View id='fm-start'>
          <TextField label='开始日期' name='start' value={form.start} placeholder='2026-12-01' error={errors.start} onInput={(v) => set('start', v)} />
        </View>
      </Section>
      <Section title='维护项目'>
        <ChoiceField
          id='fm-tasks'
          label='按厂家建议（可多选）'
          groupLabel='维护项目'
          error={errors.tasks}
          options={TASK_OPTIONS}
          value={form.tasks}
          onChange={(v: MaintenanceTask) => set('tasks', toggled(form.tasks, v))}
        />
      </Section>
      <Button block type='primary' loading={busy} onClick={() => void save()}>
        保存维护计划
      </Button>
    </View>
  )
}
