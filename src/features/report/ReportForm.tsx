import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { categoriesOf, TICKET_TYPE_LABELS, type TicketType } from '@/domain/tickets/catalog'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField, TextField } from '@/components/FormField'
import { StateView } from '@/components/StateView'
import type { MeView } from '@/domain/identity'
import { approvedHomes, useMe } from '@/features/account'
import { BindPrompt } from '@/components/BindPrompt'
import { MediaPicker, MEDIA_HINT } from '@/features/tickets'
import { ActionBar } from '@/components/ActionBar'
import { fieldAnchor } from '@/components/formErrors'
import { EmergencyReport } from './EmergencyReport'
import { PUBLIC, useReportForm, type ReportForm as Form } from './useReportForm'
import { UrgentBanner } from './UrgentBanner'
import { WindowPicker } from './WindowPicker'
import './ReportForm.scss'

export const REPORT_TITLES: Record<TicketType, string> = { repair: '在线报修', complaint: '我要投诉', consultation: '在线咨询' }

const PLACEHOLDERS: Record<TicketType, string> = {
  repair: '请描述故障的位置和现象，如：厨房水龙头关不紧，一直滴水',
  complaint: '请描述您遇到的问题，如时间、地点、经过',
  consultation: '请写下您想咨询的问题',
}

function Categories({ type, form }: { type: TicketType; form: Form }) {
  const all = categoriesOf(type)
  const urgent = all.filter((c) => c.emergency)
  const normal = all.filter((c) => !c.emergency)
  const options = (list: typeof all) => list.map((c) => ({ value: c.code, label: c.label }))
  return (
    <Section title='问题类别'>
      <View id={fieldAnchor('category')} />
      {urgent.length > 0 && (
        <View className='report__group'>
          <Text className='report__group-title report__group-title--urgent'>紧急情况</Text>
          <ChipGroup groupLabel='紧急情况' className='report__chips--urgent' options={options(urgent)} value={form.category} onChange={form.setCategory} />
        </View>
      )}
      <View className='report__group'>
        {urgent.length > 0 && <Text className='report__group-title'>日常维修</Text>}
        <ChipGroup groupLabel='问题类别' options={options(normal)} value={form.category} onChange={form.setCategory} />
      </View>
      {form.errors.category && (
        <View className='report__error' role='alert'>
          {form.errors.category}
        </View>
      )}
    </Section>
  )
}

function Place({ form }: { form: Form }) {
  const options = [...form.homes.map((h) => ({ value: h.unitId, label: h.label })), { value: PUBLIC, label: '公共区域' }]
  return (
    <Section title='位置'>
      <View id={fieldAnchor('place')} />
      <ChipGroup groupLabel='位置' options={options} value={form.place} onChange={form.setPlace} />
      {form.errors.place && (
        <View className='report__error' role='alert'>
          {form.errors.place}
        </View>
      )}
      {form.place === PUBLIC && (
        <View className='report__public'>
          <View className='report__row'>
            <View className='report__col'>
              <TextField label='楼栋' value={form.building} onInput={form.setBuilding} placeholder='选填，如 3栋' maxlength={20} />
            </View>
            <View className='report__col'>
              <TextField label='楼层' value={form.floor} onInput={form.setFloor} placeholder='选填，如 B1' maxlength={10} />
            </View>
          </View>
          <View id={fieldAnchor('area')} />
          <TextField label='具体位置' value={form.area} onInput={form.setArea} placeholder='如：地下车库入口、2号电梯厅' maxlength={40} error={form.errors.area} />
        </View>
      )}
    </Section>
  )
}

/**
 * 报修 / 投诉 / 咨询: one form, one ticket. `emergency` (from 首页's 紧急报修 tile): the emergency
 * categories only, each sending at once — also for someone whose home is not (yet) bound.
 */
export function ReportForm({ type, emergency = false }: { type: TicketType; emergency?: boolean }) {
  const { me, error, reload } = useMe()
  const hotline = me?.community?.hotline || null

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: emergency ? '紧急报修' : REPORT_TITLES[type] }).catch(() => undefined)
  }, [type, emergency])

  if (!me) return <StateView loading={!error} error={error} onRetry={reload} />
  if (emergency) return <EmergencyReport me={me} />
  if (approvedHomes(me).length === 0) {
    return (
      <View className='report report--unbound'>
        <BindPrompt pending={me.homes.some((h) => h.status === 'pending')} />
        <View
          className='report__unbound-urgent'
          role='button'
          hoverClass='report__unbound-urgent--pressed'
          onClick={() => void Taro.redirectTo({ url: '/pages/report/index?type=repair&mode=emergency' })}
        >
          <Text className='report__unbound-urgent-title'>遇到紧急情况？</Text>
          <Text className='report__unbound-urgent-desc'>电梯困人、燃气异味、突发停水停电、严重漏水等公共区域紧急情况，未绑定也可以立即上报</Text>
        </View>
        {hotline && <Text className='report__note'>急事请直接拨打物业电话 {hotline}</Text>}
      </View>
    )
  }
  return <FormBody type={type} me={me} hotline={hotline} />
}

function FormBody({ type, me, hotline }: { type: TicketType; me: MeView; hotline: string | null }) {
  const form = useReportForm(type, me)
  const optional = form.emergency ? '（选填）' : ''
  return (
    <View className={`report report--${type}`}>
      <Categories type={type} form={form} />
      {form.cat?.emergency && <UrgentBanner category={form.cat.code} hotline={hotline} />}

      <Section title={`问题描述${optional}`}>
        <View id={fieldAnchor('description')} />
        <TextAreaField
          label='问题描述'
          title=''
          value={form.description}
          onInput={form.setDescription}
          maxlength={500}
          placeholder={PLACEHOLDERS[type]}
          error={form.errors.description}
        />
        <View id={fieldAnchor('photos')} />
        <FormField
          label={`图片或视频${optional}`}
          error={form.errors.photos ?? form.media.video.notice}
          hint={form.emergency ? MEDIA_HINT : `描述和图片、视频至少填写一项；${MEDIA_HINT}`}
        >
          <MediaPicker media={form.media} />
        </FormField>
      </Section>

      <Place form={form} />

      {form.wantsWindow && (
        <Section title='期望上门时间'>
          <View id={fieldAnchor('window')} />
          <WindowPicker date={form.date} slot={form.slot} onDate={form.setDate} onSlot={form.setSlot} error={form.errors.window} />
        </Section>
      )}

      <Section title='联系方式'>
        <View id={fieldAnchor('phone')} />
        <TextField
          label='联系电话'
          type='number'
          value={form.phone}
          onInput={form.setPhone}
          placeholder='11 位手机号'
          maxlength={11}
          error={form.errors.phone}
          hint='处理人员会通过此号码联系您'
        />
      </Section>

      {form.submitError && (
        <View className='report__submit-error' role='alert'>
          {form.submitError}
        </View>
      )}
      <Text className='report__note'>提交后可在「服务」中查看处理进度，处理人员接单、上门、完成时会通知您。</Text>
      <ActionBar label='提交' className='action-bar--block'>
        <Button
          block
          type={form.emergency ? 'danger' : 'primary'}
          className='report__submit'
          loading={form.submitting}
          disabled={form.submitting}
          aria-disabled={form.submitting ? 'true' : 'false'}
          onClick={form.submit}
        >
          {form.submitting ? '提交中…' : `提交${TICKET_TYPE_LABELS[type]}`}
        </Button>
      </ActionBar>
    </View>
  )
}
