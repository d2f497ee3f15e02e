import { View, Text } from '@tarojs/components'
import { ChipGroup } from '@/components/ChipGroup'
import { ASAP, SLOTS, slotStarted, windowDays, type SlotKey } from './timeWindow'

interface Props {
  date: string
  slot: SlotKey | null
  onDate: (date: string) => void
  onSlot: (slot: SlotKey) => void
  error?: string
}

/** 尽快上门, or a day in the next week and a part of it. */
export function WindowPicker({ date, slot, onDate, onSlot, error }: Props) {
  const now = new Date()
  const days = [{ value: ASAP, label: '尽快上门' }, ...windowDays(now)]
  // A day whose every slot has begun (today, late evening) is not offered.
  const open = days.filter((d) => d.value === ASAP || SLOTS.some((s) => !slotStarted(d.value, s, now)))
  return (
    <View className='report-window'>
      <ChipGroup groupLabel='上门日期' options={open} value={date} onChange={onDate} />
      {date !== ASAP && (
        <View className='report-window__slots'>
          <ChipGroup groupLabel='上门时段' options={SLOTS.map((s) => ({ value: s.value, label: s.label, disabled: slotStarted(date, s, now) }))} value={slot} onChange={onSlot} />
        </View>
      )}
      {error ? (
        <View className='report__error' role='alert'>
          {error}
        </View>
      ) : (
        <Text className='report-window__hint'>{date === ASAP ? '维修人员会尽快与您联系上门时间' : '维修人员会在所选时段内上门'}</Text>
      )}
    </View>
  )
}
