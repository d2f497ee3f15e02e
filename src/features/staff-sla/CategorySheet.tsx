import { View, Text } from '@tarojs/components'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { addableCategories, type Draft } from './model'

interface Props {
  open: boolean
  draft: Draft
  onClose: () => void
  onPick: (code: string) => void
}

/** Picks a category to give its own timers (the ones already set are not offered). */
export function CategorySheet({ open, draft, onClose, onPick }: Props) {
  if (!open) return null
  const groups = addableCategories(draft)
  return (
    <Sheet open title='添加类别' onClose={onClose}>
      {groups.length === 0 ? (
        <Text className='sla-sheet__none'>所有类别都已单独设置</Text>
      ) : (
        groups.map((g) => (
          <View key={g.group} className='sla-sheet__group'>
            <Text className='sla-sheet__title'>{g.title}</Text>
            <ChipGroup groupLabel={`${g.title}类别`} options={g.options} value={null} onChange={onPick} />
          </View>
        ))
      )}
    </Sheet>
  )
}
