import { View, Text, Image } from '@tarojs/components'
import './Tickets.scss'
import { AddTile, PhotoTile } from './PhotoPicker'
import type { Media } from './useMedia'
import { formatDuration, type Video } from './useVideo'

const VIDEO_STATE: Record<'compressing' | 'uploading', string> = { compressing: '压缩中', uploading: '上传中' }

/** The chosen video: its cover (or a dark tile), a play mark, its length, state and remove. */
function VideoTile({ video }: { video: Video }) {
  const it = video.item!
  const busy = it.status === 'compressing' || it.status === 'uploading' ? it.status : null
  return (
    <View className={`photo-picker__item photo-picker__item--video photo-picker__item--${it.status}`} aria-label={`视频 ${formatDuration(it.duration)}`}>
      {it.thumb ? <Image className='photo-picker__img' src={it.thumb} mode='aspectFill' /> : <View className='photo-picker__video-bg' />}
      {!busy && it.status !== 'failed' && (
        <View className='photo-picker__play' aria-hidden='true'>
          <View className='photo-picker__play-mark' />
        </View>
      )}
      {it.duration > 0 && <Text className='photo-picker__duration'>{formatDuration(it.duration)}</Text>}
      {busy && (
        <View className='photo-picker__mask' role='status'>
          <Text className='photo-picker__state'>{it.status === 'uploading' && it.progress > 0 ? `${it.progress}%` : VIDEO_STATE[busy]}</Text>
        </View>
      )}
      {it.status === 'failed' && (
        <View className='photo-picker__mask photo-picker__mask--failed' role='button' aria-label='重新上传视频' onClick={video.retry}>
          <Text className='photo-picker__state'>上传失败</Text>
          <Text className='photo-picker__retry'>点击重试</Text>
        </View>
      )}
      <View className='photo-picker__remove' role='button' aria-label='删除视频' onClick={video.remove}>
        <Text>×</Text>
      </View>
    </View>
  )
}

/** Photos or one video (never both), with one add tile that offers whichever still fits. */
export function MediaPicker({ media }: { media: Media }) {
  const { photos, video } = media
  const { items, max } = photos
  return (
    <View className='photo-picker'>
      {video.item ? (
        <VideoTile video={video} />
      ) : (
        <>
          {items.map((it, i) => (
            <PhotoTile key={it.key} item={it} index={i} photos={photos} />
          ))}
          {items.length < max &&
            (items.length === 0 ? (
              <AddTile label='添加图片或视频' caption='图片/视频' onClick={() => void media.add()} />
            ) : (
              <AddTile label='添加图片' caption={`${items.length}/${max}`} onClick={() => void media.add()} />
            ))}
        </>
      )}
    </View>
  )
}
