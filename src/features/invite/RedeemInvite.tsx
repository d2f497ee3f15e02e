import { useState, useRef } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffView } from '@/domain/identity'
import { errorMessage } from '@/services/cloud'
import { Section } from '@/components/Section'
import { TextField } from '@/components/FormField'
import { accountApi, checkName, checkPhone, loadMe, patchMe, roleLabels } from '@/features/account'
import './RedeemInvite.scss'

type Errors = Partial<Record<'code' | 'name' | 'phone', string>>

/** 员工邀请码: a staff member joins the property team with a code from an administrator. */
export function RedeemInvite() {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [joined, setJoined] = useState<StaffView | null>(null)
  const inFlight = useRef(false)

  async function submit() {
    if (inFlight.current) return
    const normalized = code.trim().toUpperCase()
    const found: Errors = {
      code: /^[A-Z0-9]{8}$/.test(normalized) ? undefined : '请输入 8 位邀请码',
      name: checkName(name),
      phone: checkPhone(phone),
    }
    setErrors(found)
    setSubmitError(null)
    if (Object.values(found).some(Boolean)) return
    inFlight.current = true
    setSubmitting(true)
    try {
      const staff = await accountApi.redeemInvite(normalized, name.trim(), phone.trim())
      patchMe((me) => ({ ...me, staff }))
      void loadMe()
      setJoined(staff)
    } catch (err) {
      setSubmitError(errorMessage(err))
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  if (joined) {
    return (
      <View className='invite-done' role='status'>
        <Text className='invite-done__title'>已加入 {joined.communityName}</Text>
        <Text className='invite-done__roles'>岗位：{roleLabels(joined.roles).join('、')}</Text>
        <Button block type='primary' className='invite-done__go' onClick={() => Taro.redirectTo({ url: '/staff/workbench/index' })}>
          进入员工工作台
        </Button>
      </View>
    )
  }

  return (
    <View className='invite'>
      <Section title='加入物业团队'>
        <Text className='invite__intro'>请输入管理员提供的 8 位邀请码。邀请码只能使用一次。</Text>
        <TextField label='邀请码' name='code' value={code} onInput={(v) => setCode(v.toUpperCase())} placeholder='8 位字母或数字' maxlength={8} error={errors.code} />
        <TextField label='姓名' name='name' value={name} onInput={setName} placeholder='请输入真实姓名' maxlength={20} error={errors.name} />
        <TextField label='手机号' name='phone' type='number' value={phone} onInput={setPhone} placeholder='11 位手机号' maxlength={11} error={errors.phone} />
      </Section>
      {submitError && (
        <View className='invite__error' role='alert'>
          {submitError}
        </View>
      )}
      <Button block type='primary' className='invite__submit' loading={submitting} disabled={submitting} onClick={() => void submit()}>
        {submitting ? '提交中…' : '加入'}
      </Button>
    </View>
  )
}
