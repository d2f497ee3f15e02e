import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { errorMessage } from '@/services/cloud'
import { useSubmit } from '@/components/useSubmit'
import { Section } from '@/components/Section'
import { FormField } from '@/components/FormField'
import { ChipGroup } from '@/components/ChipGroup'
import { onboardingApi, type UnitList, type UnitPatternInput, type UnitsPreview } from './api'
import './onboarding.scss'

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN)

/** Units of a community: generate from a pattern (with a preview), then adjust by hand. */
export function UnitGenerator() {
  const communityId = Taro.getCurrentInstance().router?.params?.communityId ?? ''
  const [p, setP] = useState({ buildings: '2', unitsPerBuilding: '2', floors: '18', roomsPerFloor: '4', skipFloors: '4,13,14', shopsPerBuilding: '0', firstBuilding: '1' })
  const [preview, setPreview] = useState<UnitsPreview | null>(null)
  const [list, setList] = useState<UnitList | null>(null)
  const { busy, error, setError, submit } = useSubmit()
  const [room, setRoom] = useState({ building: '', unitNo: '', room: '' })

  const pattern = (): UnitPatternInput | null => {
    const skip = p.skipFloors
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(num)
    const n = {
      buildings: num(p.buildings),
      unitsPerBuilding: num(p.unitsPerBuilding),
      floors: num(p.floors),
      roomsPerFloor: num(p.roomsPerFloor),
      shopsPerBuilding: num(p.shopsPerBuilding),
      firstBuilding: num(p.firstBuilding),
    }
    if (Object.values(n).some((v) => !Number.isFinite(v)) || skip.some((v) => !Number.isFinite(v))) {
      setError('请填写数字（跳过的楼层用逗号分隔）')
      return null
    }
    return { ...n, skipFloors: skip }
  }
  const load = useCallback(
    async (building?: string) => {
      try {
        setList(await onboardingApi.listUnits(communityId, building))
      } catch (e) {
        setError(errorMessage(e))
      }
    },
    [communityId],
  )
  useEffect(() => void load(), [load])

  const run = (fn: () => Promise<void>) => () => submit(fn)
  const doPreview = run(async () => {
    const pat = pattern()
    if (pat) setPreview(await onboardingApi.previewUnits(communityId, pat))
  })
  const doGenerate = run(async () => {
    const pat = pattern()
    if (!pat) return
    const r = await onboardingApi.generateUnits(communityId, pat)
    setPreview(null)
    await Taro.showToast({ title: `已生成 ${r.created} 套`, icon: 'success' })
    await load()
  })
  const doAdd = run(async () => {
    await onboardingApi.addUnit(communityId, room.building, room.unitNo, room.room)
    setRoom({ building: '', unitNo: '', room: '' })
    await load(list?.building ?? undefined)
  })
  const field = (k: keyof typeof p, label: string) => (
    <FormField label={label}>
      <Input className='field__input' value={p[k]} aria-label={label} onInput={(e) => (setP((v) => ({ ...v, [k]: e.detail.value })), setPreview(null))} />
    </FormField>
  )
  return (
    <View>
      <Section title='按规则生成房屋'>
        <View className='onb-grid'>
          {field('buildings', '楼栋数')}
          {field('firstBuilding', '起始楼号')}
          {field('unitsPerBuilding', '每栋单元数')}
          {field('floors', '楼层数')}
          {field('roomsPerFloor', '每层户数')}
          {field('shopsPerBuilding', '每栋底商数')}
        </View>
        {field('skipFloors', '跳过的楼层号（如 4,13,14）')}
        {error && <Text className='onb-error'>{error}</Text>}
        {preview && (
          <View className='onb-preview' role='status'>
            <Text>
              共 {preview.total} 套（新增 {preview.create}，已存在 {preview.existing}，商铺 {preview.shops}）
            </Text>
            <Text className='onb-hint'>楼层：{preview.floors.join('、')}</Text>
            <Text className='onb-hint'>
              示例：{preview.sample.slice(0, 6).join('、')} … {preview.last}
            </Text>
          </View>
        )}
        <View className='onb-row'>
          <Button size='small' fill='outline' loading={busy} onClick={() => void doPreview()}>
            预览
          </Button>
          <Button size='small' type='primary' disabled={!preview || preview.create === 0} loading={busy} onClick={() => void doGenerate()}>
            确认生成
          </Button>
        </View>
      </Section>
      <Section title={`房屋（共 ${list?.total ?? 0} 套）`}>
        {list && list.buildings.length > 0 && (
          <ChipGroup groupLabel='楼栋' options={list.buildings.map((b) => ({ value: b, label: b }))} value={list.building} onChange={(b) => void load(b)} />
        )}
        <View className='onb-units'>
          {list?.units.map((u) => (
            <UnitChip key={u.id} unit={u} onChanged={() => void load(list.building ?? undefined)} />
          ))}
        </View>
        <View className='onb-row'>
          <Input className='field__input' placeholder='楼栋' value={room.building} aria-label='新房屋楼栋' onInput={(e) => setRoom((r) => ({ ...r, building: e.detail.value }))} />
          <Input className='field__input' placeholder='单元' value={room.unitNo} aria-label='新房屋单元' onInput={(e) => setRoom((r) => ({ ...r, unitNo: e.detail.value }))} />
          <Input className='field__input' placeholder='房号' value={room.room} aria-label='新房屋房号' onInput={(e) => setRoom((r) => ({ ...r, room: e.detail.value }))} />
          <Button size='small' type='primary' onClick={() => void doAdd()}>
            添加
          </Button>
        </View>
      </Section>
    </View>
  )
}

function UnitChip({ unit, onChanged }: { unit: UnitList['units'][number]; onChanged: () => void }) {
  async function act() {
    const { tapIndex } = await Taro.showActionSheet({ itemList: ['修改房号', '删除'] }).catch(() => ({ tapIndex: -1 }))
    try {
      if (tapIndex === 0) {
        const res = (await Taro.showModal({ title: `修改 ${unit.label}`, editable: true, placeholderText: '新房号' } as Parameters<typeof Taro.showModal>[0])) as {
          confirm: boolean
          content?: string
        }
        if (res.confirm && res.content?.trim()) await onboardingApi.renameUnit(unit.id, res.content.trim())
      } else if (tapIndex === 1) {
        const { confirm } = await Taro.showModal({ title: '删除房屋', content: `删除 ${unit.label}？有住户绑定的房屋不能删除。` })
        if (confirm) await onboardingApi.removeUnit(unit.id)
      } else return
      onChanged()
    } catch (e) {
      await Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }
  return (
    <Text className={`onb-unit ${unit.hasOwner ? 'onb-unit--owner' : ''}`} onClick={() => void act()}>
      {unit.unitNo}
      {unit.room}
    </Text>
  )
}
