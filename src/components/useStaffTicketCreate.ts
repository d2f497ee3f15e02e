import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'

/**
 * The staff forms that open a ticket (代客登记, 发现问题上报): one request id per form so a retry or a
 * double tap cannot open two, then straight to the new ticket; a refusal lands in `submitError` and
 * the form can be sent again. Check `inFlight()` before validating; `open` runs the create call.
 */
export function useStaffTicketCreate(prefix: string) {
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const requestId = useRef(newRequestId(prefix))
  const inFlight = useRef(false)

  async function open(create: (clientRequestId: string) => Promise<{ ticketId: string }>, done?: string) {
    inFlight.current = true
    setSubmitting(true)
    try {
      const created = await create(requestId.current)
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      void Taro.redirectTo({ url: `/staff/ticket/index?id=${encodeURIComponent(created.ticketId)}` })
    } catch (err) {
      setSubmitError(errorMessage(err))
      inFlight.current = false
      setSubmitting(false)
    }
  }
  return { submitError, setSubmitError, submitting, inFlight: () => inFlight.current, open }
}
