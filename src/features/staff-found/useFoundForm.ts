import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { CATEGORY_BY_CODE } from '@/domain/tickets/catalog'
import type { STAFF_REPORT_TYPES } from '@/domain/tickets/api'
import { AREA_REQUIRED } from '@/domain/limits'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { photosError, usePhotos, type TicketLocation } from '@/features/tickets'
import { staffFoundApi } from './api'

export type FoundType = (typeof STAFF_REPORT_TYPES)[number]
export type FoundPlace = 'public' | 'home'
export type FoundErrors = Partial<Record<'category' | 'description' | 'unit' | 'area' | 'photos', string>>

/** 发现问题上报: what an engineer or guard found; they become its first-contact owner. */
export function useFoundForm(unitId: string | null) {
  const [type, setTypeState] = useState<FoundType>('repair')
  const [category, setCategory] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState<FoundPlace>('public')
  const [building, setBuilding] = useState('')
  const [floor, setFloor] = useState('')
  const [area, setArea] = useState('')
  const [errors, setErrors] = useState<FoundErrors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const photos = usePhotos()
  const requestId = useRef(newRequestId('found'))
  const inFlight = useRef(false)

  const clear = (k: keyof FoundErrors) => setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e))

  async function submit() {
    if (inFlight.current) return
    const found: FoundErrors = {
      ...(!category ? { category: '请选择问题类别' } : {}),
      ...(!description.trim() ? { description: '请填写发现的问题' } : {}),
      ...(place === 'home' && !unitId ? { unit: '请选择房屋' } : {}),
      ...(place === 'public' && !area.trim() ? { area: AREA_REQUIRED } : {}),
      ...(photosError(photos) ? { photos: photosError(photos) } : {}),
    }
    setErrors(found)
    setSubmitError(null)
    if (Object.values(found).some(Boolean)) {
      void Taro.showToast({ title: Object.values(found).find(Boolean)!, icon: 'none' })
      return
    }
    const location: TicketLocation =
      place === 'home'
        ? { kind: 'home', unitId: unitId! }
        : { kind: 'public', area: area.trim(), ...(building.trim() ? { building: building.trim() } : {}), ...(floor.trim() ? { floor: floor.trim() } : {}) }
    inFlight.current = true
    setSubmitting(true)
    try {
      const created = await staffFoundApi.report({
        type,
        category: category!,
        description: description.trim(),
        photos: photos.fileIDs,
        location,
        clientRequestId: requestId.current,
      })
      void Taro.showToast({ title: '已上报', icon: 'success' })
      void Taro.redirectTo({ url: `/staff/ticket/index?id=${encodeURIComponent(created.ticketId)}` })
    } catch (err) {
      setSubmitError(errorMessage(err))
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return {
    type,
    category,
    emergency: !!(category && CATEGORY_BY_CODE.get(category)?.emergency),
    description,
    place,
    building,
    floor,
    area,
    photos,
    errors,
    submitError,
    submitting,
    setType(t: FoundType) {
      setTypeState(t)
      setCategory(null)
    },
    setCategory(c: string) {
      setCategory(c)
      clear('category')
    },
    setDescription(v: string) {
      setDescription(v)
      clear('description')
    },
    setPlace(p: FoundPlace) {
      setPlace(p)
      clear('unit')
      clear('area')
    },
    setBuilding,
    setFloor,
    setArea(v: string) {
      setArea(v)
      clear('area')
    },
    clearUnitError: () => clear('unit'),
    submit,
  }
}
