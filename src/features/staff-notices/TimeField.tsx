import { View, Text, Picker } from '@tarojs/components'
import { FormField } from '@/components/FormField'
import { formatDay, shanghai } from '@/features/notices'

/** An ISO instant from a Shanghai wall-clock date ("2026-11-29") and time ("09:00"). */
export const shanghaiIso = (date: string, time: string) => `${date}T${time}:00+08:00`

interface Props {
  label: string
  /** ISO instant or null (not chosen). */
  value: string | null
  onChange: (iso: string) => void
  error?: string
  hint?: string
  /** Where the pickers start when nothing is chosen yet (ISO); default tomorrow 09:00. */
  suggest?: string
}

/** A date and a time (Asia/Shanghai), each from the system picker. */
export function TimeField({ label, value, onChange, error, hint, suggest }: Props) {
  const base = value ? shanghai(value) : suggest ? shanghai(suggest) : shanghai().add(1, 'day').hour(9).minute(0)
  const date = base.format('YYYY-MM-DD')
  const time = base.format('HH:mm')
  return (
    <FormField label={label} error={error} hint={hint}>
      <View className='time-field'>
        <Picker mode='date' value={date} start={shanghai().format('YYYY-MM-DD')} onChange={(e) => onChange(shanghaiIso(String(e.detail.value), time))}>
          <View className={`time-field__pick ${value ? '' : 'time-field__pick--empty'}`} role='button' aria-label={`${label}日期`}>
            <Text>{value ? date : '选择日期'}</Text>
          </View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onChange(shanghaiIso(date, String(e.detail.value)))}>
          <View className={`time-field__pick ${value ? '' : 'time-field__pick--empty'}`} role='button' aria-label={`${label}时刻`}>
            <Text>{value ? time : '选择时间'}</Text>
          </View>
        </Picker>
      </View>
      {value && <Text className='time-field__chosen'>{formatDay(value)}</Text>}
    </FormField>
  )
}
