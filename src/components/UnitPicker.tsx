import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { ChipGroup } from '@/components/ChipGroup'
import { ErrorState, LoadingState, EmptyState } from '@/components/StateView'
import type { UnitPicker } from './useUnitPicker'
import './UnitPicker.scss'

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='bind-step'>
      <Text className='bind-step__title'>{title}</Text>
      {children}
    </View>
  )
}

/**
 * The cascading choice of a home (with `useUnitPicker`); each level shows its own
 * loading/empty/error state, then the chosen home and the form's error for it, if any.
 */
export function UnitPickerView({ picker, onPicked, error }: { picker: UnitPicker; onPicked: () => void; error?: string }) {
  return (
    <>
      <UnitSteps picker={picker} onPicked={onPicked} />
      {picker.selected && <Text className='unit-picker__picked'>已选择：{picker.selected.label}</Text>}
      {error && (
        <View className='unit-picker__error' role='alert'>
          {error}
        </View>
      )}
    </>
  )
}

function UnitSteps({ picker, onPicked }: { picker: UnitPicker; onPicked: () => void }) {
  const { communities, communityUnits, buildingUnits } = picker
  if (communities.error) return <ErrorState message={communities.error} onRetry={communities.retry} />
  if (communities.loading || !communities.data) return <LoadingState />
  if (communities.data.length === 0) return <EmptyState text='暂无可绑定的小区' hint='请联系物业服务中心' />

  return (
    <View className='unit-picker'>
      {communities.data.length > 1 && (
        <Step title='小区'>
          <ChipGroup groupLabel='小区' options={communities.data.map((c) => ({ value: c._id, label: c.name }))} value={picker.communityId} onChange={picker.chooseCommunity} />
        </Step>
      )}
      {communities.data.length === 1 && (
        <Step title='小区'>
          <Text className='bind-step__value'>{communities.data[0].name}</Text>
        </Step>
      )}
      {picker.communityId &&
        (communityUnits.error ? (
          <ErrorState message={communityUnits.error} onRetry={communityUnits.retry} />
        ) : communityUnits.loading ? (
          <LoadingState />
        ) : picker.buildings.length === 0 ? (
          <EmptyState text='该小区暂未录入房屋' hint='请联系物业服务中心' />
        ) : (
          <Step title='楼栋'>
            <ChipGroup groupLabel='楼栋' options={picker.buildings.map((b) => ({ value: b, label: b }))} value={picker.building} onChange={picker.chooseBuilding} />
          </Step>
        ))}
      {picker.building &&
        (buildingUnits.error ? (
          <ErrorState message={buildingUnits.error} onRetry={buildingUnits.retry} />
        ) : buildingUnits.loading ? (
          <LoadingState />
        ) : (
          <>
            {picker.unitNos.length > 1 && (
              <Step title='单元'>
                <ChipGroup groupLabel='单元' options={picker.unitNos.map((u) => ({ value: u, label: u }))} value={picker.unitNo} onChange={picker.chooseUnitNo} />
              </Step>
            )}
            {picker.unitNo && (
              <Step title='房号'>
                <ChipGroup
                  groupLabel='房号'
                  options={picker.rooms.map((u) => ({ value: u._id, label: u.room }))}
                  value={picker.unitId}
                  onChange={(id) => {
                    picker.chooseRoom(id)
                    onPicked()
                  }}
                />
              </Step>
            )}
          </>
        ))}
    </View>
  )
}
