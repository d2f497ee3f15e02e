import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CATEGORY_BY_CODE } from '@/domain/tickets/catalog'
import { DEADLINE_LABELS, type DeadlineKind } from '@/domain/tickets/sla'
import { DURATION_UNIT_LABELS, DURATION_UNITS, durationMinutes, type DurationUnit } from '@/domain/limits-staff'
import { Section } from '@/components/Section'
import { Pill } from '@/components/Pill'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { CategorySheet } from './CategorySheet'
import { friendlyMinutes, groupOf, GROUP_BY_KEY, GROUPS, KIND_HINTS, kindsOf, parseWhole, unitOf, type Override } from './model'
import { useSla, type Sla } from './useSla'
import { WorkingTimeSection } from './WorkingTime'
import { CompletionPhotoSection } from './CompletionPhoto'
import './SlaEditor.scss'

interface RowProps {
  label: string
  desc: string
  /** Accessible name of the input, e.g. 报修响应时限. */
  name: string
  unit: string
  value: string
  /** Absent: read-only. */
  onChange?: (value: string) => void
  /** The value in words, when it is valid. */
  readout?: string
  hint: string
  placeholder?: string
  error?: string
  /** Shown when the value is not the default. */
  onReset?: () => void
  /** Editable timers: the unit the value is typed in (分钟/小时/天), replacing the fixed `unit`. */
  unitPicker?: { value: DurationUnit; onChange: (unit: DurationUnit) => void }
}

/** 分钟 | 小时 | 天: the unit a timer is typed in (stored as minutes whatever is picked). */
export function UnitSwitch({ name, value, onChange }: { name: string; value: DurationUnit; onChange: (unit: DurationUnit) => void }) {
  return (
    <View className='sla-units' role='radiogroup' aria-label={`${name}单位`}>
      {DURATION_UNITS.map((u) => (
        <View
          key={u}
          className={`sla-units__item ${u === value ? 'sla-units__item--on' : ''}`}
          role='radio'
          aria-checked={u === value ? 'true' : 'false'}
          aria-label={`${name}单位：${DURATION_UNIT_LABELS[u]}`}
          onClick={() => u !== value && onChange(u)}
        >
          {DURATION_UNIT_LABELS[u]}
        </View>
      ))}
    </View>
  )
}

/** One timer: what it means, its value (an input, with the value in words when they say more), its default. */
function Row({ label, desc, name, unit, value, onChange, readout, hint, placeholder, error, onReset, unitPicker }: RowProps) {
  // "240 分钟" is better read as "4 小时"; "40 分钟" needs no second reading.
  const extra = readout && readout !== `${value.trim()} ${unit}` ? readout : undefined
  return (
    <View className={`sla-row ${error ? 'sla-row--invalid' : ''} ${onChange ? '' : 'sla-row--readonly'}`}>
      <View className='sla-row__main'>
        <View className='sla-row__text'>
          <Text className='sla-row__label'>{label}</Text>
          <Text className='sla-row__desc'>{desc}</Text>
        </View>
        {onChange ? (
          <View className='sla-row__field'>
            <Input
              className='sla-row__input'
              type='number'
              value={value}
              placeholder={placeholder}
              placeholderClass='sla-row__placeholder'
              maxlength={6}
              aria-label={name}
              onInput={(e) => onChange(e.detail.value)}
            />
            {unitPicker ? <UnitSwitch name={name} value={unitPicker.value} onChange={unitPicker.onChange} /> : <Text className='sla-row__unit'>{unit}</Text>}
          </View>
        ) : (
          <Text className='sla-row__value' aria-label={name}>
            {readout ?? '—'}
          </Text>
        )}
      </View>
      <View className='sla-row__foot'>
        {error ? (
          <View className='sla-row__error' role='alert'>
            {error}
          </View>
        ) : (
          <Text className='sla-row__hint'>
            {onChange && extra && <Text className='sla-row__readout'>= {extra}</Text>}
            {onChange && extra ? '，' : ''}
            {hint}
          </Text>
        )}
        {onReset && (
          <View className='sla-row__reset' role='button' aria-label={`恢复默认：${name}`} hoverClass='sla-row__reset--pressed' onClick={onReset}>
            恢复默认
          </View>
        )}
      </View>
    </View>
  )
}

const words = (v: string | undefined, unit: DurationUnit | 'autoConfirmDay' = 'minute') => {
  if (unit === 'autoConfirmDay') {
    const n = parseWhole(v)
    return n === null || n < 1 ? undefined : `${n} 天`
  }
  const n = durationMinutes(v, unit)
  return n === null || n < 1 ? undefined : friendlyMinutes(n)
}

/** The value typed differs from `minutes` (a default; undefined: empty). */
const differs = (value: string, unit: DurationUnit, minutes: number | undefined) => (minutes === undefined ? value.trim() !== '' : durationMinutes(value, unit) !== minutes)

function GroupSection({ sla, group, canEdit }: { sla: Sla; group: (typeof GROUPS)[number]; canEdit: boolean }) {
  const draft = sla.draft!
  const defaults = sla.settings!.defaults[group.key]
  const caption = group.key === 'emergency' ? '电梯困人、突发停水停电、严重漏水、燃气异味' : group.key === 'repair' ? '日常维修（紧急情况除外）' : undefined
  return (
    <Section title={group.title} extra={caption && <Text className='sla__caption'>{caption}</Text>}>
      {group.kinds.map((k) => {
        const value = draft.groups[group.key][k] ?? ''
        const def = defaults[k]
        const name = `${group.title}${DEADLINE_LABELS[k]}时限`
        const key = `${group.key}.${k}`
        const unit = unitOf(draft, key)
        return (
          <Row
            key={k}
            label={DEADLINE_LABELS[k]}
            desc={KIND_HINTS[k]}
            name={name}
            unit={DURATION_UNIT_LABELS[unit]}
            value={value}
            onChange={canEdit ? (v) => sla.setTimer(group.key, k, v) : undefined}
            unitPicker={canEdit ? { value: unit, onChange: (u) => sla.setUnit(key, u) } : undefined}
            readout={words(value, unit)}
            hint={def ? `默认 ${friendlyMinutes(def)}` : '默认不计时'}
            error={sla.errors[key]}
            onReset={canEdit && def && differs(value, unit, def) ? () => sla.resetTimer(key, def) : undefined}
          />
        )
      })}
    </Section>
  )
}

function OverrideCard({ sla, o, canEdit }: { sla: Sla; o: Override; canEdit: boolean }) {
  const cat = CATEGORY_BY_CODE.get(o.code)!
  const group = GROUP_BY_KEY.get(groupOf(cat))!
  const defaults = sla.settings!.defaults.categories[o.code] ?? {}
  const kinds = kindsOf(o.code).filter((k) => canEdit || (o.values[k] ?? '').trim())
  const error = sla.errors[`cat.${o.code}`]
  return (
    <View className={`sla-override ${error ? 'sla-override--invalid' : ''}`}>
      <View className='sla-override__head'>
        <Text className='sla-override__title'>{cat.label}</Text>
        <Pill tone={group.key === 'emergency' ? 'danger' : 'neutral'} className='sla-override__tag'>
          {group.title}
        </Pill>
        <View className='sla-override__spacer' />
        {canEdit && (
          <View className='sla-override__remove' role='button' aria-label={`删除 ${cat.label} 的单独时限`} onClick={() => sla.removeOverride(o.code)}>
            删除
          </View>
        )}
      </View>
      {kinds.map((k: DeadlineKind) => {
        const value = o.values[k] ?? ''
        const inherited = words(sla.draft!.groups[group.key][k], unitOf(sla.draft!, `${group.key}.${k}`))
        const def = defaults[k]
        const follow = `沿用${group.title}${inherited ? ` ${inherited}` : ''}`
        const key = `cat.${o.code}.${k}`
        const unit = unitOf(sla.draft!, key)
        return (
          <Row
            key={k}
            label={DEADLINE_LABELS[k]}
            desc={KIND_HINTS[k]}
            name={`${cat.label}${DEADLINE_LABELS[k]}时限`}
            unit={DURATION_UNIT_LABELS[unit]}
            value={value}
            placeholder='沿用'
            onChange={canEdit ? (v) => sla.setOverride(o.code, k, v) : undefined}
            unitPicker={canEdit ? { value: unit, onChange: (u) => sla.setUnit(key, u) } : undefined}
            readout={words(value, unit)}
            hint={value.trim() ? (def ? `默认 ${friendlyMinutes(def)}` : `默认${follow}`) : `留空：${follow}`}
            error={sla.errors[key]}
            onReset={canEdit && differs(value, unit, def) ? () => sla.resetTimer(key, def) : undefined}
          />
        )
      })}
      {error && (
        <View className='sla-override__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  )
}

/** 服务时限: how long each kind of ticket may take at each step. Admins edit; supervisors read. */
export function SlaEditor() {
  const me = useMe()
  const allowed = hasRole(me.me, 'admin', 'supervisor')
  const canEdit = hasRole(me.me, 'admin')
  const sla = useSla(allowed)
  const [adding, setAdding] = useState(false)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅管理员和主管可以查看服务时限' />
  if (!sla.draft || !sla.settings) return <StateView loading={!sla.error} error={sla.error} onRetry={() => void sla.reload()} />

  const draft = sla.draft
  const defaultDays = sla.settings.defaults.autoConfirmDays
  const days = draft.autoConfirmDays
  return (
    <View className='sla'>
      <View className='sla__intro'>
        <Text>工单的响应、到场、完成和答复时限，用于计算截止时间和超时提醒；暂停期间不计时。</Text>
        <Text className='sla__applies'>修改后对新提交和重新处理的工单生效，已在处理中的工单保持原时限。</Text>
        {!canEdit && <Text className='sla__readonly'>仅管理员可以修改服务时限。</Text>}
      </View>

      {GROUPS.map((g) => (
        <GroupSection key={g.key} sla={sla} group={g} canEdit={canEdit} />
      ))}

      <WorkingTimeSection sla={sla} canEdit={canEdit} />

      <CompletionPhotoSection canEdit={canEdit} />

      <Section title='按类别单独设置'>
        <Text className='sla__note'>个别类别可以更严或更宽，留空的项沿用所属类型的时限。</Text>
        {draft.categories.length === 0 ? (
          <Text className='sla__none'>暂无单独设置的类别</Text>
        ) : (
          draft.categories.map((o) => <OverrideCard key={o.code} sla={sla} o={o} canEdit={canEdit} />)
        )}
        {canEdit && (
          <Button block fill='dashed' className='sla__add' onClick={() => setAdding(true)}>
            + 添加类别
          </Button>
        )}
      </Section>

      <Section title='自动确认'>
        <Row
          label='自动确认天数'
          desc='完工后住户未确认，到期自动确认'
          name='自动确认天数'
          unit='天'
          value={days}
          onChange={canEdit ? sla.setAutoConfirmDays : undefined}
          readout={words(days, 'autoConfirmDay')}
          hint={`默认 ${defaultDays} 天`}
          error={sla.errors.autoConfirmDays}
          onReset={canEdit && days.trim() !== String(defaultDays) ? () => sla.setAutoConfirmDays(String(defaultDays)) : undefined}
        />
      </Section>

      {canEdit && (
        <>
          {sla.saveError && (
            <View className='sla__error' role='alert'>
              {sla.saveError}
            </View>
          )}
          <Button block type='primary' className='sla__save' disabled={!sla.dirty || sla.saving} loading={sla.saving} onClick={() => void sla.save()}>
            {sla.dirty ? '保存' : '已保存'}
          </Button>
        </>
      )}

      <CategorySheet
        open={adding}
        draft={draft}
        onClose={() => setAdding(false)}
        onPick={(code) => {
          sla.addOverride(code)
          setAdding(false)
        }}
      />
    </View>
  )
}
