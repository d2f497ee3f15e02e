import { View } from '@tarojs/components'
import { ChipGroup } from './ChipGroup'
import { TextField } from './FormField'
import { UnitPickerView } from './UnitPicker'
import type { UnitPicker } from './useUnitPicker'
import type { Place, PlaceState } from './usePlace'

const PLACES: { value: Place; label: string }[] = [
  { value: 'public', label: '公共区域' },
  { value: 'home', label: '住户房屋' },
]

/** 公共区域 (building, floor, area) or 住户房屋 (the unit picker), with their inline errors. */
export function PlaceFields({ place, picker, className }: { place: PlaceState; picker: UnitPicker; className?: string }) {
  return (
    <>
      <ChipGroup groupLabel='位置类型' options={PLACES} value={place.place} onChange={place.setPlace} />
      <View className={className}>
        {place.place === 'home' ? (
          <UnitPickerView picker={picker} onPicked={place.clearUnitError} error={place.errors.unit} />
        ) : (
          <>
            <TextField label='楼栋' value={place.building} onInput={place.setBuilding} placeholder='选填' maxlength={20} />
            <TextField label='楼层' value={place.floor} onInput={place.setFloor} placeholder='选填' maxlength={10} />
            <TextField label='具体位置' value={place.area} onInput={place.setArea} placeholder='如：3栋大堂' maxlength={40} error={place.errors.area} />
          </>
        )}
      </View>
    </>
  )
}
