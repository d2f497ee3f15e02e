import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { CATEGORY_BY_CODE, type TicketType } from '@/domain/tickets/catalog'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { loadReserve, requestTicketSubscriptions, templatesToAsk } from '@/services/subscribe'
import { revealFirstError } from '@/components/formErrors'
import { useLeaveGuard } from '@/components/useLeaveGuard'
import type { MeView } from '@/domain/identity'
import { approvedHomes, PHONE_RE } from '@/features/account'
import { mediaError, ticketsApi, useMedia, type TicketLocation } from '@/features/tickets'
import { ASAP, toWindow, type SlotKey } from './timeWindow'
import { NEED_DESCRIPTION, REPORT_FIELD_ORDER, validateReport, type ReportErrors } from './validate'

export const PUBLIC = 'public'

/**
 * The report form: fields, inline errors, and a submit that creates exactly one ticket. Mounted
 * once `me` is known, so the defaults (first approved home, the caller's own phone) are there
 * from the first render.
 */
export function useReportForm(type: TicketType, me: MeView) {
  const homes = approvedHomes(me)
  const [category, setCategory] = useState<string | null>(null)
  const [place, setPlace] = useState<string | null>(homes[0]?.unitId ?? null)
  const [building, setBuilding] = useState('')
  const [floor, setFloor] = useState('')
  const [area, setArea] = useState('')
  // `me` shows the caller's own phone unmasked (other people's are masked).
  const [phone, setPhone] = useState(() => homes.find((h) => PHONE_RE.test(h.phoneMasked))?.phoneMasked ?? '')
  const [date, setDate] = useState(ASAP)
  const [slot, setSlot] = useState<SlotKey | null>(null)
  const [description, setDescription] = useState('')
  const media = useMedia()
  const [errors, setErrors] = useState<ReportErrors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  // One id per form: a double tap or a retry after a lost answer creates the ticket only once.
  const requestId = useRef(newRequestId('tk'))
  const inFlight = useRef(false)

  // Consents left per template: asked again only when a template's reserve is used up.
  const reserve = useRef<Record<string, number> | null>(null)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    void loadReserve().then((r) => (reserve.current = r))
  }, [])

  const cat = category ? CATEGORY_BY_CODE.get(category) : undefined
  const emergency = !!cat?.emergency
  const atHome = !!place && place !== PUBLIC
  /** The visit window applies to non-emergency work inside a home. */
  const wantsWindow = !!cat?.inHome && !emergency && atHome

  const dirty = !!category || !!description.trim() || media.attached || !!area.trim()
  const guard = useLeaveGuard(dirty)

  const clear = (...keys: (keyof ReportErrors)[]) => setErrors((e) => (keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) } : e))

  function submit() {
    if (inFlight.current) return
    const found = validateReport({
      category,
      emergency,
      place,
      area,
      phone,
      description,
      photoCount: media.photos.fileIDs.length,
      hasVideo: !!media.video.fileID,
      date: wantsWindow ? date : ASAP,
      slot,
      photosProblem: mediaError(media),
    })
    setErrors(found)
    setSubmitError(null)
    // The first error comes into view and is named in a toast: 提交 never seems to do nothing.
    if (revealFirstError(found, REPORT_FIELD_ORDER)) return
    inFlight.current = true
    setSubmitting(true)
    // Must run inside the tap, before the first await, or WeChat will not show the consent popup.
    const subscribed = requestTicketSubscriptions(templatesToAsk(reserve.current))
    void send(subscribed)
  }

  async function send(subscribedAnswer: Promise<string[]>) {
    const location: TicketLocation =
      place === PUBLIC
        ? { kind: 'public', area: area.trim(), ...(building.trim() ? { building: building.trim() } : {}), ...(floor.trim() ? { floor: floor.trim() } : {}) }
        : { kind: 'home', unitId: place! }
    try {
      const subscribed = await subscribedAnswer.catch(() => [] as string[])
      const created = await ticketsApi.create({
        type,
        category: category!,
        description: description.trim(),
        photos: media.photos.fileIDs,
        ...(media.video.fileID ? { video: media.video.fileID } : {}),
        location,
        contactPhone: phone.trim(),
        ...(wantsWindow && date && slot ? { window: toWindow(date, slot) } : {}),
        subscribed,
        clientRequestId: requestId.current,
      })
      // Stays "in flight": the page is being replaced by the ticket.
      guard.release()
      void Taro.redirectTo({ url: `/pages/ticket/index?id=${encodeURIComponent(created.ticketId)}` })
    } catch (err) {
      setSubmitError(errorMessage(err))
      void Promise.resolve(Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })).catch(() => undefined)
      inFlight.current = false
      setSubmitting(false)
    }
  }

  // Errors about photos or the video go away as soon as they are fixed.
  const shown: ReportErrors = {
    ...errors,
    photos: errors.photos && mediaError(media),
    description: errors.description === NEED_DESCRIPTION && media.attached ? undefined : errors.description,
  }

  return {
    homes,
    category,
    cat,
    emergency,
    place,
    building,
    floor,
    area,
    phone,
    date,
    slot,
    description,
    media,
    wantsWindow,
    errors: shown,
    submitError,
    submitting,
    setCategory(v: string) {
      setCategory(v)
      clear('category', 'description')
    },
    setPlace(v: string) {
      setPlace(v)
      clear('place', 'area')
    },
    setBuilding,
    setFloor,
    setArea(v: string) {
      setArea(v)
      clear('area')
    },
    setPhone(v: string) {
      setPhone(v)
      clear('phone')
    },
    setDate(v: string) {
      setDate(v)
      setSlot(null)
      clear('window')
    },
    setSlot(v: SlotKey) {
      setSlot(v)
      clear('window')
    },
    setDescription(v: string) {
      setDescription(v)
      clear('description')
    },
    submit,
  }
}

export type ReportForm = ReturnType<typeof useReportForm>
