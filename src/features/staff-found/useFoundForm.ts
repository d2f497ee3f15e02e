import { useState } from 'react'
import Taro from '@tarojs/taro'
import { CATEGORY_BY_CODE } from '@/domain/tickets/catalog'
import type { STAFF_REPORT_TYPES } from '@/domain/tickets/api'
import { usePlace } from '@/components/usePlace'
import { useStaffTicketCreate } from '@/components/useStaffTicketCreate'
import { photosError, usePhotos } from '@/features/tickets'
import { staffFoundApi } from './api'

export type FoundType = (typeof STAFF_REPORT_TYPES)[number]
export type FoundErrors = Partial<Record<'category' | 'description' | 'photos', string>>

/** 发现问题上报: what an engineer or guard found; they become its first-contact owner. */
export function useFoundForm(unitId: string | null) {
  const [type, setTypeState] = useState<FoundType>('repair')
  const [category, setCategoryState] = useState<string | null>(null)
  const [description, setDescriptionState] = useState('')
  const [errors, setErrors] = useState<FoundErrors>({})
  const { submitError, setSubmitError, submitting, inFlight, open } = useStaffTicketCreate('found')
  const place = usePlace(unitId)
  const photos = usePhotos()

  const clear = (k: keyof FoundErrors) => setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e))

  async function submit() {
    if (inFlight()) return
    const photoError = photosError(photos)
    const found: FoundErrors = {
      ...(!category ? { category: '请选择问题类别' } : {}),
      ...(!description.trim() ? { description: '请填写发现的问题' } : {}),
      ...(photoError ? { photos: photoError } : {}),
    }
    const first = [found.category, found.description, ...Object.values(place.check()), found.photos].find(Boolean)
    setErrors(found)
    setSubmitError(null)
    if (first) {
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    await open(
      (clientRequestId) =>
        staffFoundApi.report({ type, category: category!, description: description.trim(), photos: photos.fileIDs, location: place.location(), clientRequestId }),
      '已上报',
    )
  }

  return {
    type,
    category,
    emergency: !!(category && CATEGORY_BY_CODE.get(category)?.emergency),
    description,
    place,
    photos,
    errors,
    submitError,
    submitting,
    setType(t: FoundType) {
      setTypeState(t)
      setCategoryState(null)
    },
    setCategory(c: string) {
      setCategoryState(c)
      clear('category')
    },
    setDescription(v: string) {
      setDescriptionState(v)
      clear('description')
    },
    submit,
  }
}
