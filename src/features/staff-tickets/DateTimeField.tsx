import { View, Text, Picker } from '@tarojs/components'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField } from '@/components/FormField'
import { shanghai, shanghaiIso } from '@/features/tickets'
import { formatShort } from '@/domain/time'

/** Quick choices relative to now (all in Asia/Shanghai), past ones left out. */
export function presets(now: Date = new Date()): { value: string; label: string }[] {
  const local = shanghai(now)
  const today = local.format('YYYY-MM-DD')
  const day = (n: number) => local.startOf('day').add(n, 'day').format('YYYY-MM-DD')
  // Two hours from now, on the next half hour.
  const soon = local.add(2, 'hour')
  const soonRounded = soon.minute() < 30 ? soon.minute(30) : soon.add(1, 'hour').minute(0)
  const list = [
    { value: shanghaiIso(soonRounded.format('YYYY-MM-DD'), soonRounded.format('HH:mm')), label: '2 小时后' },
    { value: shanghaiIso(today, '18:00'), label: '今天 18:00' },
    { value: shanghaiIso(day(1), '10:00'), label: '明天 10:00' },
    { value: shanghaiIso(day(1), '18:00'), label: '明天 18:00' },
    { value: shanghaiIso(day(3), '10:00'), label: '3 天后' },
  ]
  return list.filter((p) => new Date(p.value).getTime() > now.getTime() + 10 * 60_000)
}

interface Props {
  label: string
  /** An ISO instant, or null. */
  value: string | null
  onChange: (iso: string) => void
  error?: string
}

/** A future time: one tap on a preset, or any date and time from the pickers. */
export function DateTimeField({ label, value, onChange, error }: Props) {
  const now = new Date()
  const local = value ? shanghai(value) : shanghai(now).add(1, 'day').hour(10).minute(0)
  const date = local.format('YYYY-MM-DD')
  const time = local.format('HH:mm')
  return (
    <FormField label={label} error={error}>
      <ChipGroup groupLabel={label} options={presets(now)} value={value} onChange={onChange} />
      <View className='datetime'>
        <Text className='datetime__label'>其他时间</Text>
        <Picker mode='date' value={date} start={shanghai(now).format('YYYY-MM-DD')} onChange={(e) => onChange(shanghaiIso(String(e.detail.value), time))}>
          <View className='datetime__pick' role='button' aria-label={`${label}日期`}>
            {date}
          </View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onChange(shanghaiIso(date, String(e.detail.value)))}>
          <View className='datetime__pick' role='button' aria-label={`${label}时刻`}>
            {time}
          </View>
        </Picker>
      </View>
      {value && <Text className='datetime__chosen'>已选：{formatShort(value)}</Text>}
    </FormField>
  )
}
