import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DEPARTMENT_LABELS } from '@/domain/tickets/catalog'
import { ROUTING_MODE_LABELS, type RoutingRule } from '@/domain/tickets/routing'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { blankRule, matchLabel } from './rules'
import { RuleSheet } from './RuleSheet'
import { useRouting } from './useRouting'
import './RoutingEditor.scss'

/** 派单规则: which department takes each kind of request, and how. Admins edit; supervisors read. */
export function RoutingEditor() {
  const me = useMe()
  const allowed = hasRole(me.me, 'admin', 'supervisor')
  const canEdit = hasRole(me.me, 'admin')
  const routing = useRouting(allowed)
  const [editing, setEditing] = useState<{ index: number | null; rule: RoutingRule } | null>(null)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅管理员和主管可以查看派单规则' />
  if (!routing.rules) return <StateView loading={!routing.error} error={routing.error} onRetry={() => void routing.reload()} />

  const rules = routing.rules
  const staffName = (id?: string) => routing.staff.find((s) => s.staffId === id)?.name ?? '（已停用的员工）'
  return (
    <View className='routing'>
      <View className='routing__intro'>
        <Text>新工单按「具体类别 → 整类 → 全部工单」的顺序匹配第一条规则。紧急报修总是立即派给在岗工程人员并通知主管。</Text>
        {!canEdit && <Text className='routing__readonly'>仅管理员可以修改规则。</Text>}
      </View>

      {rules.length === 0 ? (
        <EmptyState text='还没有规则' hint='未匹配的工单按类别的默认部门自动派单' />
      ) : (
        rules.map((r, i) => (
          <View key={`${r.match}-${i}`} className='routing-rule'>
            <View className='routing-rule__main'>
              <Text className='routing-rule__match'>{matchLabel(r.match)}</Text>
              <Text className='routing-rule__to'>
                {DEPARTMENT_LABELS[r.department]} · {ROUTING_MODE_LABELS[r.mode]}
                {r.mode === 'grab' ? ` · ${r.grabFallbackMinutes} 分钟无人抢单自动派单` : ''}
                {r.mode === 'fixed' ? ` · ${staffName(r.fixedStaffId)}` : ''}
              </Text>
            </View>
            {canEdit && (
              <View className='routing-rule__ops'>
                <View className='routing-rule__op' role='button' aria-label={`编辑规则 ${matchLabel(r.match)}`} onClick={() => setEditing({ index: i, rule: r })}>
                  编辑
                </View>
                <View className='routing-rule__op routing-rule__op--danger' role='button' aria-label={`删除规则 ${matchLabel(r.match)}`} onClick={() => routing.remove(i)}>
                  删除
                </View>
              </View>
            )}
          </View>
        ))
      )}

      {canEdit && (
        <>
          <Button block fill='dashed' className='routing__add' onClick={() => setEditing({ index: null, rule: blankRule() })}>
            + 添加规则
          </Button>
          {routing.saveError && (
            <View className='routing__error' role='alert'>
              {routing.saveError}
            </View>
          )}
          <Button block type='primary' className='routing__save' disabled={!routing.dirty || routing.saving} loading={routing.saving} onClick={() => void routing.save()}>
            {routing.dirty ? '保存规则' : '规则已保存'}
          </Button>
        </>
      )}

      <RuleSheet
        title={editing?.index === null ? '添加规则' : '编辑规则'}
        rule={editing?.rule ?? null}
        others={rules.filter((_, i) => i !== editing?.index)}
        staff={routing.staff}
        onClose={() => setEditing(null)}
        onDone={(rule) => {
          routing.put(editing!.index, rule)
          setEditing(null)
        }}
      />
    </View>
  )
}
