import { View, Text, Image } from '@tarojs/components'
import './Tickets.scss'
import type { PhotoItem, Photos } from './usePhotos'

/** One chosen photo: thumbnail, upload state, remove (and retry when its upload failed). */
export function PhotoTile({ item: it, index: i, photos }: { item: PhotoItem; index: number; photos: Photos }) {
  return (
    <View className={`photo-picker__item photo-picker__item--${it.status}`}>
      <Image className='photo-picker__img' src={it.path} mode='aspectFill' />
      {it.status === 'uploading' && (
        <View className='photo-picker__mask' role='status'>
          <Text className='photo-picker__state'>{it.progress > 0 ? `${it.progress}%` : '上传中'}</Text>
        </View>
      )}
      {it.status === 'failed' && (
        <View className='photo-picker__mask photo-picker__mask--failed' role='button' aria-label={`重新上传第 ${i + 1} 张图片`} onClick={() => photos.retry(it.key)}>
          <Text className='photo-picker__state'>上传失败</Text>
          <Text className='photo-picker__retry'>点击重试</Text>
        </View>
      )}
      <View className='photo-picker__remove' role='button' aria-label={`删除第 ${i + 1} 张图片`} onClick={() => photos.remove(it.key)}>
        <Text>×</Text>
      </View>
    </View>
  )
}

/** The dashed "+" tile. */
export function AddTile({ label, caption, onClick }: { label: string; caption: string; onClick: () => void }) {
  return (
    <View className='photo-picker__add' role='button' aria-label={label} hoverClass='photo-picker__add--pressed' onClick={onClick}>
      <Text className='photo-picker__plus'>+</Text>
      <Text className='photo-picker__count'>{caption}</Text>
    </View>
  )
}

/** Thumbnails of the chosen photos (remove, retry a failed upload) and the add tile. */
export function PhotoPicker({ photos }: { photos: Photos }) {
  const { items, max } = photos
  return (
    <View className='photo-picker'>
      {items.map((it, i) => (
        <PhotoTile key={it.key} item={it} index={i} photos={photos} />
      ))}
      {items.length < max && <AddTile label='添加图片' caption={`${items.length}/${max}`} onClick={() => void photos.add()} />}
    </View>
  )
}
