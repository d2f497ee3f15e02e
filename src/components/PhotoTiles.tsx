import { Image, Text, View } from '@tarojs/components'
import './PhotoTiles.scss'

interface Props {
  /** What to show: a key (file id or path) and the image source. */
  photos: { key: string; src: string }[]
  max: number
  /** The add tile's accessible name, e.g. 问题照片. */
  addLabel: string
  onAdd: () => void
  onRemove: (key: string) => void
}

/** Photos being attached to something (a defect, a checklist item): thumbnails, tap to remove, a tile to add. */
export function PhotoTiles({ photos, max, addLabel, onAdd, onRemove }: Props) {
  return (
    <View className='photo-tiles'>
      {photos.map((p) => (
        <View key={p.key} className='photo-tile' role='button' aria-label='删除照片' onClick={() => onRemove(p.key)}>
          <Image className='photo-tile__img' src={p.src} mode='aspectFill' />
          <Text className='photo-tile__x'>×</Text>
        </View>
      ))}
      {photos.length < max && (
        <View className='photo-tile photo-tile--add' role='button' aria-label={addLabel} onClick={onAdd}>
          <Text>＋ 拍照</Text>
        </View>
      )}
    </View>
  )
}
