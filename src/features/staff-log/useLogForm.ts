import { useState } from 'react'
import { CATEGORY_BY_CODE, type TicketType } from '@/domain/tickets/catalog'
import { useStaffTicketCreate } from '@/components/useStaffTicketCreate'
import { checkName } from '@/features/account'
import type { TicketLocation } from '@/features/tickets'
import { staffTicketsApi } from '@/features/staff-tickets'
import { AREA_REQUIRED } from '@/domain/limits'
import { checkContactPhone } from '@/domain/limits-staff'

export type LogPlace = 'home' | 'public'
export type LogErrors = Partial<Record<'category' | 'description' | 'unit' | 'area' | 'name' | 'phone', string>>

/** 代客登记: a call or visit logged by the desk, who becomes its first-contact owner. */
export function useLogForm(unitId: string | null) {
  const [type, setTypeState] = useState<TicketType>('repair')
  const [category, setCategory] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState<LogPlace>('home')
  const [building, setBuilding] = useState('')
  const [floor, setFloor] = useState('')
  const [area, setArea] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [channel, setChannel] = useState<'phone' | 'walk_in'>('phone')
  const [errors, setErrors] = useState<LogErrors>({})
  const { submitError, setSubmitError, submitting, inFlight, open } = useStaffTicketCreate('log')

  const clear = (k: keyof LogErrors) => setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e))

  async function submit() {
    if (inFlight()) return
    const found: LogErrors = {}
    if (!category) found.category = '请选择问题类别'
    if (!description.trim()) found.description = '请填写描述'
    if (place === 'home' && !unitId) found.unit = '请选择房屋'
    if (place === 'public' && !area.trim()) found.area = AREA_REQUIRED
    found.name = checkName(name)
    found.phone = checkContactPhone(phone)
    setErrors(found)
    setSubmitError(null)
    if (Object.values(found).some(Boolean)) return
    const location: TicketLocation =
      place === 'home'
        ? { kind: 'home', unitId: unitId! }
        : { kind: 'public', area: area.trim(), ...(building.trim() ? { building: building.trim() } : {}), ...(floor.trim() ? { floor: floor.trim() } : {}) }
    await open((clientRequestId) =>
      staffTicketsApi.createOnBehalf({
        type,
        category: category!,
        description: description.trim(),
        location,
        contactName: name.trim(),
        contactPhone: phone.trim(),
        channel,
        clientRequestId,
      }),
    )
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
    name,
    phone,
    channel,
    errors,
    submitError,
    submitting,
    setType(t: TicketType) {
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
    setPlace(p: LogPlace) {
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
    setName(v: string) {
      setName(v)
      clear('name')
    },
    setPhone(v: string) {
      setPhone(v)
      clear('phone')
    },
    setChannel,
    clearUnitError: () => clear('unit'),
    submit,
  }
}
