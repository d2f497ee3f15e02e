import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceField } from '@/components/ChoiceField'
import { FormField, TextField } from '@/components/FormField'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { submitForm } from '@/components/submitForm'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { facilitiesApi } from './api'
import { ASSET_FIELDS, REGULATED_OPTIONS, blankAsset, fieldOf, formOfAsset, toAssetInput, type AssetField, type AssetForm, type Errors } from './forms'
import './Facilities.scss'

const goBack = (fallback: string) => setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: fallback })), 600)

/** 登记/编辑设备: system, location, model, manufacturer, install date, contractor, regulated. New assets get a random label code. */
export function AssetEditor({ assetId }: { assetId?: string }) {
  const [form, setForm] = useState<AssetForm | null>(assetId ? null : blankAsset())
  const [systems, setSystems] = useState<{ value: string; label: string }[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors<AssetField>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId('fa'))

  useEffect(() => {
    facilitiesApi.systems().then(
      (r) => setSystems(r.items.map((x) => ({ value: x.code, label: x.label }))),
      (e) => setLoadError(errorMessage(e)),
    )
    if (assetId)
      facilitiesApi.asset(assetId).then(
        (a) => setForm(formOfAsset(a.asset)),
        (e) => setLoadError(errorMessage(e)),
      )
  }, [assetId])

  if (!form || !systems.length) return <StateView loading={!loadError} error={loadError} />
  const set = <K extends AssetField>(k: K, v: AssetForm[K]) => setForm({ ...form, [k]: v })
  const text = (k: Exclude<AssetField, 'system' | 'regulated'>, label: string, placeholder: string, hint?: string) => (
    <View id={`fa-${k}`}>
      <TextField label={label} name={k} value={form[k]} placeholder={placeholder} hint={hint} error={errors[k]} onInput={(v) => set(k, v)} />
    </View>
  )
  const save = async () => {
    setBusy(true)
    let code: string | undefined
    const ok = await submitForm({
      checked: toAssetInput(form),
      order: ASSET_FIELDS,
      idPrefix: 'fa-',
      setErrors,
      fieldOf: (p) => fieldOf(p, ASSET_FIELDS),
      send: async (input) => {
        const r = await facilitiesApi.saveAsset(assetId ? { ...input, assetId } : { ...input, clientRequestId: requestId.current })
        code = r.code
      },
    })
    setBusy(false)
    if (!ok) return
    void Taro.showToast({ title: code ? `已登记，标签码 ${code}` : '已保存', icon: 'none', duration: 2000 })
    goBack('/staff/facilities/index')
  }
  return (
    <View className='fac fac-edit'>
      <Section title='设备'>
        {text('name', '设备名称', '如：1 号楼 1 号电梯')}
        <ChoiceField id='fa-system' label='所属系统' error={errors.system} options={systems} value={form.system || null} onChange={(v) => set('system', v)} />
        <ChoiceField
          id='fa-regulated'
          label='特种设备 / 法定周期'
          groupLabel='特种设备'
          hint='电梯每 15 天、消防每月、水箱每半年'
          options={REGULATED_OPTIONS}
          value={form.regulated}
          onChange={(v) => set('regulated', v as AssetForm['regulated'])}
        />
      </Section>
      <Section title='位置'>
        {text('building', '楼栋（选填）', '如：1栋')}
        {text('floor', '楼层（选填）', '如：B1')}
        {text('area', '具体位置', '如：电梯机房')}
      </Section>
      <Section title='资料'>
        {text('model', '型号（选填）', '')}
        {text('manufacturer', '厂家（选填）', '')}
        {text('installDate', '安装日期（选填）', '2020-06-30', '北京时间，YYYY-MM-DD')}
        {text('contractor', '维保单位（选填）', '如：某某电梯工程有限公司')}
        {text('contractorPhone', '维保联系电话（选填）', '')}
      </Section>
      {!assetId && <Text className='fac__muted'>保存后自动生成 12 位标签码，可在「打印标签」中打印二维码。</Text>}
      <Button block type='primary' loading={busy} onClick={() => void save()}>
        {assetId ? '保存' : '登记设备'}
      </Button>
    </View>
  )
}
