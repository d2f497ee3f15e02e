import { useCallback, useEffect, useMemo, useState } from 'react'
import type { UnitView } from '@/domain/identity'
import { errorMessage } from '@/services/cloud'
import { accountApi, type Community } from '@/features/account'

interface Async<T> {
  data: T | null
  loading: boolean
  error: string | null
}
const idle = { data: null, loading: false, error: null }

function useAsync<T>(load: (() => Promise<T>) | null): Async<T> & { retry: () => void } {
  const [state, setState] = useState<Async<T>>(idle)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!load) {
      setState(idle)
      return
    }
    let live = true
    setState({ data: null, loading: true, error: null })
    load().then(
      (data) => live && setState({ data, loading: false, error: null }),
      (err) => live && setState({ data: null, loading: false, error: errorMessage(err) }),
    )
    return () => {
      live = false
    }
  }, [load, attempt])
  return { ...state, retry: () => setAttempt((n) => n + 1) }
}

/** "10栋" after "9栋", "1102" after "902". */
function naturalCompare(a: string, b: string): number {
  const na = parseInt(a, 10)
  const nb = parseInt(b, 10)
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}

const uniqueSorted = (values: string[]) => Array.from(new Set(values)).sort(naturalCompare)

/** Community → building → unit (单元) → room, from `account.listCommunities` / `listUnits`. */
export function useUnitPicker(defaultCommunityId?: string) {
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [building, setBuilding] = useState<string | null>(null)
  const [unitNo, setUnitNo] = useState<string | null>(null)
  const [unitId, setUnitId] = useState<string | null>(null)

  const communities = useAsync<Community[]>(useCallback(() => accountApi.listCommunities(), []))
  const communityUnits = useAsync<UnitView[]>(useMemo(() => (communityId ? () => accountApi.listUnits(communityId) : null), [communityId]))
  const buildingUnits = useAsync<UnitView[]>(useMemo(() => (communityId && building ? () => accountApi.listUnits(communityId, building) : null), [communityId, building]))

  // Preselect: the caller's community, or the only one there is.
  useEffect(() => {
    const list = communities.data
    if (communityId || !list || list.length === 0) return
    const preferred = list.find((c) => c._id === defaultCommunityId) ?? (list.length === 1 ? list[0] : undefined)
    if (preferred) setCommunityId(preferred._id)
  }, [communities.data, communityId, defaultCommunityId])

  const buildings = useMemo(() => uniqueSorted((communityUnits.data ?? []).map((u) => u.building)), [communityUnits.data])
  const unitNos = useMemo(() => uniqueSorted((buildingUnits.data ?? []).map((u) => u.unitNo)), [buildingUnits.data])
  const rooms = useMemo(
    () => (buildingUnits.data ?? []).filter((u) => u.unitNo === (unitNos.length === 1 ? unitNos[0] : unitNo)).sort((a, b) => naturalCompare(a.room, b.room)),
    [buildingUnits.data, unitNo, unitNos],
  )
  const selected = (buildingUnits.data ?? []).find((u) => u._id === unitId) ?? null

  return {
    communities,
    communityUnits,
    buildingUnits,
    communityId,
    building,
    unitNo: unitNos.length === 1 ? unitNos[0] : unitNo,
    unitId,
    buildings,
    unitNos,
    rooms,
    selected,
    chooseCommunity(id: string) {
      setCommunityId(id)
      setBuilding(null)
      setUnitNo(null)
      setUnitId(null)
    },
    chooseBuilding(b: string) {
      setBuilding(b)
      setUnitNo(null)
      setUnitId(null)
    },
    chooseUnitNo(u: string) {
      setUnitNo(u)
      setUnitId(null)
    },
    chooseRoom: (id: string | null) => setUnitId(id),
  }
}

export type UnitPicker = ReturnType<typeof useUnitPicker>
