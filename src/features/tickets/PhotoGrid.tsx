import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import './Tickets.scss'

/** Thumbnails that open WeChat's image viewer. */
export function PhotoGrid({ urls, small }: { urls: string[]; small?: boolean }) {
  if (urls.length === 0) return null
  const preview = (current: string) => void Taro.previewImage({ current, urls }).catch(() => undefined)
  return (
    <View className={`photo-grid ${small ? 'photo-grid--small' : ''}`}>
      {urls.map((url, i) => (
        <View key={url + i} className='photo-grid__item' role='button' aria-label={`查看图片 ${i + 1}`} onClick={() => preview(url)}>
          <Image className='photo-grid__img' src={url} mode='aspectFill' lazyLoad />
        </View>
      ))}
    </View>
  )
}
