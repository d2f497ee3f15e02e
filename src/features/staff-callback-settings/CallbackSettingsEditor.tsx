import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CALLBACK_ASSIGNEE_LABELS, CALLBACK_ASSIGNEES, CALLBACK_POLICIES, CALLBACK_POLICY_LABELS, type CallbackAssignee, type CallbackPolicy } from '@/domain/tickets/reminders'
import { TICKET_TYPE_LABELS } from '@/domain/tickets/catalog'
import { Section } from '@/components/Section'
import { FormField, TextField } from '@/components/FormField'
import { ChipGroup } from '@/components/ChipGroup'
import { Pill } from '@/components/Pill'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { NUMBER_FIELDS, POLICY_TYPES } from './model'
import { useCallbackSettings } from './useCallbackSettings'
import './CallbackSettingsEditor.scss'

const POLICY_OPTIONS = CALLBACK_POLICIES.map((p) => ({ value: p, label: CALLBACK_POLICY_LABELS[p] }))
const ASSIGNEE_OPTIONS = CALLBACK_ASSIGNEES.map((a) => ({ value: a, label: CALLBACK_ASSIGNEE_LABELS[a] }))
const ASSIGNEE_HINTS: Record<CallbackAssignee, string> = {
  desk: '回访任务进入客服的待回访队列，由客服统一回访（推荐：由未参与处理的人了解住户是否满意）',
  handler: '回访任务派给该工单的首问负责人或处理人本人',
}

/** 回访设置: which resolved tickets get a callback, and its clocks. Admins edit; supervisors and desk read. */
export function CallbackSettingsEditor() {
  const me = useMe()
  const allowed = hasRole(me.me, 'admin', 'supervisor', 'desk')
  const canEdit = hasRole(me.me, 'admin')
  const cs = useCallbackSettings(allowed)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅管理员、主管和客服可以查看回访设置' />
  if (!cs.draft || !cs.view) return <StateView loading={!cs.error} error={cs.error} onRetry={() => void cs.reload()} />

  const { draft, view } = cs
  const defaults = view.defaults
  return (
    <View className='cbs'>
      <View className='cbs__intro'>
        <Text>回访须在问题解决后 24 小时内完成（服务手册 1.2），修改后对新的回访任务生效</Text>
        {!canEdit && (
          <View className='cbs__readonly'>
            <Pill tone='warning'>只读</Pill>
            <Text className='cbs__readonly-text'>仅管理员可以修改回访设置。</Text>
          </View>
        )}
      </View>

      <Section title='回访策略'>
        {POLICY_TYPES.map((t) => {
          const label = TICKET_TYPE_LABELS[t]
          const name = `${label}回访策略`
          const hint = `默认：${CALLBACK_POLICY_LABELS[defaults.policy[t]]}`
          return (
            <FormField key={t} label={label} hint={hint}>
              {canEdit ? (
                <ChipGroup<CallbackPolicy> groupLabel={name} options={POLICY_OPTIONS} value={draft.policy[t]} onChange={(p) => cs.setPolicy(t, p)} />
              ) : (
                <Text className='cbs__value' aria-label={name}>
                  {CALLBACK_POLICY_LABELS[draft.policy[t]]}
                </Text>
              )}
            </FormField>
          )
        })}
      </Section>

      <Section title='回访人'>
        <FormField label='谁来回访' hint={`${ASSIGNEE_HINTS[draft.assignTo ?? 'desk']}；默认：${CALLBACK_ASSIGNEE_LABELS[defaults.assignTo ?? 'desk']}`}>
          {canEdit ? (
            <ChipGroup<CallbackAssignee> groupLabel='回访人' options={ASSIGNEE_OPTIONS} value={draft.assignTo ?? 'desk'} onChange={cs.setAssignTo} />
          ) : (
            <Text className='cbs__value' aria-label='回访人'>
              {CALLBACK_ASSIGNEE_LABELS[draft.assignTo ?? 'desk']}
            </Text>
          )}
        </FormField>
      </Section>

      <Section title='时限'>
        {NUMBER_FIELDS.map((f) => {
          const hint = `默认 ${defaults[f.key]} ${f.unit}，范围 ${f.min}–${f.max}`
          return canEdit ? (
            <TextField key={f.key} label={f.label} type='number' maxlength={3} value={draft[f.key]} onInput={(v) => cs.setNumber(f.key, v)} hint={hint} error={cs.errors[f.key]} />
          ) : (
            <FormField key={f.key} label={f.label} hint={`默认 ${defaults[f.key]} ${f.unit}`}>
              <Text className='cbs__value' aria-label={f.label}>
                {`${draft[f.key]} ${f.unit}`}
              </Text>
            </FormField>
          )
        })}
      </Section>

      {canEdit && (
        <>
          {cs.saveError && (
            <View className='cbs__error' role='alert'>
              {cs.saveError}
            </View>
          )}
          <Button block type='primary' className='cbs__save' disabled={!cs.dirty || cs.saving} loading={cs.saving} onClick={() => void cs.save()}>
            {cs.dirty ? '保存' : '已保存'}
          </Button>
        </>
      )}
    </View>
  )
}
