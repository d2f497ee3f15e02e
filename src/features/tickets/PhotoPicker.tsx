import { View, Text, Image } from '@tarojs/components'
import './Tickets.scss'
import type { Photos } from './usePhotos'

/** Thumbnails of the chosen photos (remove, retry a failed upload) and the add tile. */
export function PhotoPicker({ photos }: { photos: Photos }) {
  const { items, max } = photos
  return (
    <View className='photo-picker'>
      {items.map((it, i) => (
        <View key={it.key} className={`photo-picker__item photo-picker__item--${it.status}`}>
          <Image className='photo-picker__img' src={it.path} mode='aspectFill' />
          {it.status === 'uploading' && (
            <View className='photo-picker__mask' role='status'>
              <Text className='photo-picker__state'>{it.progress > 0 ? `${it.progress}%` : '上传中'}</Text>
            </View>
          )}
          {it.status === 'failed' && (
            <View
              className='photo-picker__mask photo-picker__mask--failed'
              role='button'
              aria-label={`重新上传第 ${i + 1} 张图片`}
              onClick={() => photos.retry(it.key)}
            >
              <Text className='photo-picker__state'>上传失败</Text>
              <Text className='photo-picker__retry'>点击重试</Text>
            </View>
          )}
          <View className='photo-picker__remove' role='button' aria-label={`删除第 ${i + 1} 张图片`} onClick={() => photos.remove(it.key)}>
            <Text>×</Text>
          </View>
        </View>
      ))}
      {items.length < max && (
        <View className='photo-picker__add' role='button' aria-label='添加图片' hoverClass='photo-picker__add--pressed' onClick={() => void photos.add()}>
          <Text className='photo-picker__plus'>+</Text>
          <Text className='photo-picker__count'>
            {items.length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
