import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { normalizeSetupCode, SETUP_CODE_LENGTH } from '@/domain/onboarding'
import { Section } from '@/components/Section'
import { FormField } from '@/components/FormField'
import { onboardingApi } from './api'
import './onboarding.scss'
import { useSubmit } from '@/components/useSubmit'

/** 管理员初始化: the first person to enter the bootstrap's setup code becomes the company admin. */
export function SetupCode() {
  const initial = Taro.getCurrentInstance().router?.params?.code ?? ''
  const [code, setCode] = useState(decodeURIComponent(initial))
  const [name, setName] = useState('')
  const { busy, error, setError, submit } = useSubmit()

  useEffect(() => {
    // Already the company admin: straight to the communities.
    onboardingApi
      .me()
      .then((me) => {
        if (me.companyAdmin) void Taro.redirectTo({ url: '/staff/communities/index' })
      })
      .catch(() => undefined)
  }, [])

  async function redeem() {
    if (busy) return
    if (normalizeSetupCode(code).length !== SETUP_CODE_LENGTH) return setError(`请输入 ${SETUP_CODE_LENGTH} 位初始化码`)
    if (!name.trim()) return setError('请填写您的姓名')
    await submit(async () => {
      await onboardingApi.redeemSetupCode(code, name.trim())
      await Taro.showToast({ title: '您已成为公司管理员', icon: 'success' })
      await Taro.redirectTo({ url: '/staff/communities/index' })
    })
  }

  return (
    <Section title='管理员初始化'>
      <Text className='onb-hint'>部署人员运行 admin:bootstrap 后会得到一个一次性初始化码（24 小时内有效）。第一位输入它的人将成为公司管理员。</Text>
      <FormField label='初始化码' error={error ?? undefined}>
        <Input className='field__input' value={code} maxlength={20} placeholder='如 ABCD-EFGH-JKLM' aria-label='初始化码' onInput={(e) => setCode(e.detail.value)} />
      </FormField>
      <FormField label='您的姓名'>
        <Input className='field__input' value={name} maxlength={20} placeholder='公司管理员姓名' aria-label='您的姓名' onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <View className='onb-actions'>
        <Button block type='primary' loading={busy} onClick={() => void redeem()}>
          成为公司管理员
        </Button>
      </View>
    </Section>
  )
}
