import { useRef, useState } from 'react'
import type { HomeView } from '@/domain/identity'
import type { Relation } from '@/domain/roles'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { accountApi, loadMe } from '@/features/account'
import { revealFirstError } from '@/components/formErrors'
import { useLeaveGuard } from '@/components/useLeaveGuard'
import { BINDING_FIELD_ORDER, validateBinding, type BindingErrors } from './validate'

/**
 * The applicant's details and the submit. One client request id per form: a double tap or a
 * retry after a network failure cannot create two binding requests.
 */
export function useBindForm(unitId: string | null) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [relation, setRelation] = useState<Relation | null>(null)
  const [errors, setErrors] = useState<BindingErrors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [result, setResult] = useState<HomeView | null>(null)
  const requestId = useRef(newRequestId('bind'))
  const inFlight = useRef(false)

  // Asks before going back from a half-filled form (not after it was sent: the result is shown).
  useLeaveGuard(!result && (!!unitId || !!name.trim() || !!phone.trim() || !!relation))

  const clear = (key: keyof BindingErrors) => setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e))

  async function submit() {
    if (inFlight.current) return
    const found = validateBinding({ unitId, name, phone, relation })
    setErrors(found)
    setSubmitError(null)
    if (revealFirstError(found, BINDING_FIELD_ORDER)) return
    inFlight.current = true
    setSubmitting(true)
    try {
      const home = await accountApi.requestBinding({
        unitId: unitId!,
        name: name.trim(),
        phone: phone.trim(),
        relation: relation!,
        clientRequestId: requestId.current,
      })
      setResult(home)
      void loadMe()
    } catch (err) {
      setSubmitError(errorMessage(err))
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  /** Start over for another home (a new request id). */
  function reset() {
    requestId.current = newRequestId('bind')
    setResult(null)
    setErrors({})
    setSubmitError(null)
  }

  return {
    name,
    phone,
    relation,
    errors,
    submitError,
    submitting,
    result,
    setName(v: string) {
      setName(v)
      clear('name')
    },
    setPhone(v: string) {
      setPhone(v)
      clear('phone')
    },
    setRelation(v: Relation) {
      setRelation(v)
      clear('relation')
    },
    clearUnitError: () => clear('unitId'),
    submit,
    reset,
  }
}
