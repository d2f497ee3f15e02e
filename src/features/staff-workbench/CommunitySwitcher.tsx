import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MeView } from '@/domain/identity'
import { ROLE_LABELS } from '@/domain/roles'
import { chooseStaffCommunity } from '@/services/cloud'
import { loadMe } from '@/features/account'
import './CommunitySwitcher.scss'

/**
 * The community a staff member of several communities works in: shown in the workbench header,
 * chosen from their own communities (kept on this device, sent with every call, checked by the
 * functions). Staff of one community see just its name.
 */
export function CommunitySwitcher({ me }: { me: MeView }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const current = me.staff!
  const choices = me.staffCommunities ?? []
  if (choices.length < 2) return <Text className='workbench__community'>{current.communityName}</Text>

  const pick = async (communityId: string) => {
    setOpen(false)
    if (communityId === current.communityId || busy) return
    setBusy(true)
    chooseStaffCommunity(communityId)
    try {
      await loadMe()
    } finally {
      setBusy(false)
    }
    // Every list and count on the staff pages belongs to one community: start them afresh.
    void Taro.reLaunch({ url: '/staff/workbench/index' })
  }

  return (
    <View className='cswitch'>
      <View
        className='cswitch__current'
        role='button'
        aria-label={`当前小区：${current.communityName}，切换小区`}
        aria-expanded={open}
        hoverClass='cswitch__current--pressed'
        onClick={() => setOpen(!open)}
      >
        <Text className='cswitch__name'>{current.communityName}</Text>
        <Text className='cswitch__action'>{busy ? '切换中…' : open ? '收起' : `切换小区（${choices.length}）`}</Text>
      </View>
      {open && (
        <View className='cswitch__list' role='listbox' aria-label='选择小区'>
          {choices.map((c) => {
            const selected = c.communityId === current.communityId
            return (
              <View
                key={c.communityId}
                className={`cswitch__item ${selected ? 'cswitch__item--current' : ''}`}
                role='option'
                aria-selected={selected}
                hoverClass='cswitch__item--pressed'
                onClick={() => void pick(c.communityId)}
              >
                <Text className='cswitch__item-name'>{c.communityName}</Text>
                <Text className='cswitch__item-roles'>
                  {selected ? '当前 · ' : ''}
                  {c.roles.map((r) => ROLE_LABELS[r]).join('、')}
                </Text>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
