import { View, Text, Image } from '@tarojs/components'
import { FormField } from '@/components/FormField'
import type { NoticeImages } from './useNoticeImages'
import './StaffNotices.scss'

/** Thumbnails (uploading / failed → retry / remove) and the add tile. */
export function ImagesField({ images }: { images: NoticeImages }) {
  const { items, max } = images
  return (
    <FormField label='图片（选填）' hint='如停水范围示意图、施工公示，最多 9 张'>
      <View className='ne-images'>
        {items.map((it, i) => (
          <View key={it.key} className={`ne-images__item ne-images__item--${it.status}`}>
            <Image className='ne-images__img' src={it.path} mode='aspectFill' />
            {it.status === 'uploading' && (
              <View className='ne-images__mask' role='status'>
                <Text>上传中</Text>
              </View>
            )}
            {it.status === 'failed' && (
              <View className='ne-images__mask ne-images__mask--failed' role='button' aria-label={`重新上传第 ${i + 1} 张图片`} onClick={() => images.retry(it.key)}>
                <Text>上传失败{'\n'}点击重试</Text>
              </View>
            )}
            <View className='ne-images__remove' role='button' aria-label={`删除第 ${i + 1} 张图片`} onClick={() => images.remove(it.key)}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {items.length < max && (
          <View className='ne-images__add' role='button' aria-label='添加图片' hoverClass='ne-images__add--pressed' onClick={() => void images.add()}>
            <Text className='ne-images__plus'>+</Text>
            <Text className='ne-images__count'>
              {items.length}/{max}
            </Text>
          </View>
        )}
      </View>
    </FormField>
  )
}
