import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatMinute } from '@/domain/time'
import type { StaffRole } from '@/domain/roles'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField } from '@/components/FormField'
import { accountApi } from '@/features/account'
import { ROLE_OPTIONS, toggleRole } from './roleOptions'
import { useSubmit } from '@/components/useSubmit'

/** Creates a one-time staff invite code for the chosen roles. */
export function InviteCreator() {
  const [roles, setRoles] = useState<StaffRole[]>([])
  const [note, setNote] = useState('')
  const { busy, error, setError, submit } = useSubmit()
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null)

  async function create() {
    if (busy) return
    if (roles.length === 0) {
      setError('请至少选择一个岗位')
      return
    }
    await submit(async () => setInvite(await accountApi.createInvite(roles, note.trim() || undefined)))
  }

  return (
    <Section title='邀请新员工'>
      {invite ? (
        <View className='invite-code' role='status'>
          <Text className='invite-code__label'>邀请码</Text>
          <Text className='invite-code__value' selectable>
            {invite.code}
          </Text>
          <Text className='invite-code__expires'>有效期至 {formatMinute(invite.expiresAt)}，仅可使用一次</Text>
          <View className='invite-code__actions'>
            <Button size='small' type='primary' onClick={() => void Taro.setClipboardData({ data: invite.code })}>
              复制邀请码
            </Button>
            <Button size='small' fill='none' onClick={() => (setInvite(null), setRoles([]), setNote(''))}>
              再邀请一位
            </Button>
          </View>
        </View>
      ) : (
        <>
          <FormField label='岗位（可多选）' error={error ?? undefined}>
            <ChipGroup groupLabel='岗位' options={ROLE_OPTIONS} value={roles} onChange={(r) => setRoles((list) => toggleRole(list, r))} />
          </FormField>
          <FormField label='备注（选填）'>
            <Input className='field__input' value={note} maxlength={40} placeholder='如：新入职工程师 王师傅' aria-label='备注' onInput={(e) => setNote(e.detail.value)} />
          </FormField>
          <Button block type='primary' className='invite-code__create' loading={busy} onClick={() => void create()}>
            生成邀请码
          </Button>
        </>
      )}
    </Section>
  )
}
