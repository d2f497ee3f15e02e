import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CallerMatch } from '@/domain/tickets/api'
import { isContactPhone } from '@/domain/limits-staff'
import { errorMessage } from '@/services/cloud'
import { staffTicketsApi } from '@/features/staff-tickets'

interface Props {
  phone: string
  unitId: string | null
  onPick: (m: CallerMatch) => void
}

/** Who is calling: members of a home (or earlier callers) with this number, or the members of the chosen flat; a tap fills name and unit. */
export function CallerLookup({ phone, unitId, onPick }: Props) {
  const [matches, setMatches] = useState<CallerMatch[] | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // The chosen flat's household, once per flat.
  useEffect(() => {
    if (!unitId) return
    let live = true
    staffTicketsApi.lookupCaller({ unitId }).then(
      (list) => live && setMatches(list),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [unitId])

  async function byPhone() {
    if (busy || !isContactPhone(phone.trim())) return
    setBusy(true)
    setNote(null)
    try {
      const list = await staffTicketsApi.lookupCaller({ phone: phone.trim() })
      setMatches(list)
      if (list.length === 0) setNote('未找到该号码的住户或来电记录，请手动填写')
    } catch (err) {
      setNote(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='caller-lookup'>
      <View
        className={`caller-lookup__find ${isContactPhone(phone.trim()) ? '' : 'caller-lookup__find--off'}`}
        role='button'
        aria-label='按电话查找来电人'
        onClick={() => void byPhone()}
      >
        {busy ? '查找中…' : '按电话查找来电人'}
      </View>
      {note && <Text className='caller-lookup__note'>{note}</Text>}
      {matches && matches.length > 0 && (
        <View className='caller-lookup__list' role='listbox' aria-label='来电人'>
          {matches.map((m, i) => (
            <View key={`${m.name}-${m.unitId ?? i}`} className='caller-lookup__item' role='option' onClick={() => onPick(m)}>
              <Text className='caller-lookup__name'>{m.name}</Text>
              <Text className='caller-lookup__meta'>{[m.unitLabel, m.source, m.phoneMasked].filter(Boolean).join(' · ')}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
