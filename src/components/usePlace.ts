import { useState } from 'react'
import { AREA_REQUIRED } from '@/domain/limits'

/** Where a ticket a staff member files is: a resident's unit, or a public area. */
export type Place = 'home' | 'public'
export type PlaceLocation = { kind: 'home'; unitId: string } | { kind: 'public'; area: string; building?: string; floor?: string }
export type PlaceErrors = Partial<Record<'unit' | 'area', string>>

/**
 * The place part of a staff form (unit from the unit picker, or building/floor/area): its fields,
 * their inline errors and the `location` the tickets function takes. Staff forms that file a
 * ticket for a place (发现问题上报; 代客登记 can fold into it) share it.
 */
export function usePlace(unitId: string | null, initial: Place = 'public') {
  const [place, setPlaceState] = useState<Place>(initial)
  const [building, setBuilding] = useState('')
  const [floor, setFloor] = useState('')
  const [area, setAreaState] = useState('')
  const [errors, setErrors] = useState<PlaceErrors>({})

  /** The place's errors now (also shown inline). */
  function check(): PlaceErrors {
    const found: PlaceErrors = {
      ...(place === 'home' && !unitId ? { unit: '请选择房屋' } : {}),
      ...(place === 'public' && !area.trim() ? { area: AREA_REQUIRED } : {}),
    }
    setErrors(found)
    return found
  }

  const location = (): PlaceLocation =>
    place === 'home'
      ? { kind: 'home', unitId: unitId! }
      : { kind: 'public', area: area.trim(), ...(building.trim() ? { building: building.trim() } : {}), ...(floor.trim() ? { floor: floor.trim() } : {}) }

  return {
    place,
    building,
    floor,
    area,
    errors,
    check,
    location,
    setPlace(p: Place) {
      setPlaceState(p)
      setErrors({})
    },
    setBuilding,
    setFloor,
    setArea(v: string) {
      setAreaState(v)
      setErrors((e) => (e.area ? { ...e, area: undefined } : e))
    },
    clearUnitError: () => setErrors((e) => (e.unit ? { ...e, unit: undefined } : e)),
  }
}

export type PlaceState = ReturnType<typeof usePlace>
