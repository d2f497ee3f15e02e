import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { WORKING_TYPES } from './model'
import type { Sla } from './useSla'
import './WorkingTime.scss'

const LABELS: Record<(typeof WORKING_TYPES)[number], string> = { repair: '报修', complaint: '投诉', consultation: '咨询' }

/** 按工作日计时: per ticket type, whether ordinary deadlines run on service hours and China's working days (emergencies never do). */
export function WorkingTimeSection({ sla, canEdit }: { sla: Sla; canEdit: boolean }) {
  const hours = sla.settings?.serviceHours
  const on = sla.draft!.workingTime
  return (
    <Section title='按工作日计时'>
      <Text className='sla-work__note'>
        开启后，该类工单的时限只在服务时间{hours ? ` ${hours.open}–${hours.close}` : ''}内、按国家法定工作日（含调休上班日）计算；整天数按工作日计，如“3 天”即 3
        个工作日。紧急报修始终 24 小时计时。
      </Text>
      {WORKING_TYPES.map((t) => (
        <View key={t} className='sla-work__row'>
          <View className='sla-work__text'>
            <Text className='sla-work__title'>{LABELS[t]}按工作日计时</Text>
            <Text className='sla-work__desc'>{on[t] ? '工作日服务时间内计时' : '全天 24 小时计时'}</Text>
          </View>
          <Switch checked={on[t]} disabled={!canEdit} ariaLabel={`${LABELS[t]}按工作日计时`} onChange={(v) => sla.setWorkingTime(t, v)} />
        </View>
      ))}
    </Section>
  )
}
