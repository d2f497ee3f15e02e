import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { UnitView } from '@/domain/identity'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField } from '@/components/FormField'
import { errorMessage } from '@/services/cloud'
import { accountApi } from '@/features/account'
import type { DraftForm, ScopeKind } from './validate'
import './StaffNotices.scss'

const KINDS: { value: ScopeKind; label: string }[] = [
  { value: 'community', label: '全小区' },
  { value: 'buildings', label: '楼栋' },
  { value: 'units', label: '房屋' },
  { value: 'facilities', label: '设施' },
]

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true })

/** The community's units (for 楼栋 and 房屋), loaded once. */
export function useUnits(communityId: string | null) {
  const [units, setUnits] = useState<UnitView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!communityId) return
    let live = true
    setError(null)
    accountApi.listUnits(communityId).then(
      (list) => live && setUnits([...list].sort((a, b) => natural(a.label, b.label))),
      (err) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [communityId, attempt])
  return { units, error, retry: () => setAttempt((n) => n + 1) }
}

interface Props {
  units: ReturnType<typeof useUnits>
  draft: DraftForm
  set: (patch: Partial<DraftForm>) => void
  error?: string
}

const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

/** 影响范围: the whole community, some buildings, some homes, or named facilities. */
export function ScopePicker({ units: loaded, draft, set, error }: Props) {
  const { units, error: loadError, retry } = loaded
  const buildings = useMemo(() => Array.from(new Set((units ?? []).map((u) => u.building))).sort(natural), [units])
  const [building, setBuilding] = useState<string | null>(null)
  const shownBuilding = building ?? buildings[0] ?? null
  const labels = useMemo(() => new Map((units ?? []).map((u) => [u._id, u.label])), [units])
  const needsUnits = draft.scopeKind === 'buildings' || draft.scopeKind === 'units'

  return (
    <FormField label='影响范围' error={error}>
      <ChipGroup groupLabel='影响范围' options={KINDS} value={draft.scopeKind} onChange={(v) => set({ scopeKind: v })} />
      {needsUnits && !units && (
        <View className='scope__load'>
          {loadError ? (
            <View className='scope__load-error' role='button' onClick={retry}>
              {loadError}，点击重试
            </View>
          ) : (
            <Text>正在加载楼栋…</Text>
          )}
        </View>
      )}

      {draft.scopeKind === 'buildings' && units && (
        <View className='scope__pick'>
          <Text className='scope__sub'>选择楼栋（可多选）</Text>
          <ChipGroup
            groupLabel='楼栋'
            options={buildings.map((b) => ({ value: b, label: b }))}
            value={draft.buildings}
            onChange={(b) => set({ buildings: toggle(draft.buildings, b) })}
          />
        </View>
      )}

      {draft.scopeKind === 'units' && units && (
        <View className='scope__pick'>
          <Text className='scope__sub'>选择楼栋，再勾选房屋</Text>
          <ChipGroup groupLabel='房屋所在楼栋' options={buildings.map((b) => ({ value: b, label: b }))} value={shownBuilding} onChange={setBuilding} />
          <View className='scope__units'>
            <ChipGroup
              groupLabel='房屋'
              className='scope__unit-chips'
              options={units.filter((u) => u.building === shownBuilding).map((u) => ({ value: u._id, label: `${u.unitNo}${u.room}` }))}
              value={draft.unitIds}
              onChange={(id) => set({ unitIds: toggle(draft.unitIds, id) })}
            />
          </View>
          {draft.unitIds.length > 0 && (
            <Text className='scope__chosen'>
              已选 {draft.unitIds.length} 户：{draft.unitIds.map((id) => labels.get(id) ?? id).join('、')}
            </Text>
          )}
        </View>
      )}

      {draft.scopeKind === 'facilities' && (
        <View className='scope__pick'>
          <Input
            className='field__input'
            value={draft.facilities}
            placeholder='如：3号电梯、地下车库'
            placeholderClass='field__placeholder'
            aria-label='设施名称'
            onInput={(e) => set({ facilities: e.detail.value })}
          />
          <Text className='scope__sub'>多个设施用顿号或逗号分隔；设施类通知推送给全小区住户</Text>
        </View>
      )}
    </FormField>
  )
}
