import Taro from '@tarojs/taro'
import { MAX_VIDEO_SECONDS, isVideoFile, useVideo, type ChosenVideo } from './useVideo'
import { photosError, usePhotos } from './usePhotos'

export const MEDIA_HINT = `最多 9 张图片或 1 段 ${MAX_VIDEO_SECONDS} 秒内的视频`
export const MIXED_CHOICE = '图片和视频不能同时上传，已保留图片'
export const VIDEO_CHOSEN = '已选择视频；如需改为上传图片，请先删除视频'

/**
 * A report's attachments: up to 9 photos OR one short video, never both. One picker offers both
 * while nothing is attached; once photos are in, it offers photos only; a video fills the slot.
 */
export function useMedia() {
  const photos = usePhotos()
  const video = useVideo()

  async function add() {
    if (video.item) {
      void Taro.showToast({ title: VIDEO_CHOSEN, icon: 'none' })
      return
    }
    const room = photos.max - photos.items.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多上传 ${photos.max} 张图片`, icon: 'none' })
      return
    }
    const withVideo = photos.items.length === 0
    let files: ChosenVideo[]
    try {
      const res = await Taro.chooseMedia({
        count: room,
        mediaType: withVideo ? ['image', 'video'] : ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
        maxDuration: MAX_VIDEO_SECONDS,
        camera: 'back',
      })
      files = (res.tempFiles ?? []).map((f) => (res.type === 'video' && !f.fileType ? { ...f, fileType: 'video' } : f))
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? '')
      if (!/cancel/i.test(msg)) void Taro.showToast({ title: '无法选择图片或视频，请重试', icon: 'none' })
      return
    }
    video.clearNotice()
    const videos = files.filter(isVideoFile)
    const images = files.filter((f) => !isVideoFile(f))
    if (images.length > 0 || !withVideo) {
      if (videos.length > 0) void Taro.showToast({ title: MIXED_CHOICE, icon: 'none' })
      photos.addFiles(images)
      return
    }
    if (videos.length === 0) return
    const problem = video.choose(videos[0])
    if (problem) void Taro.showToast({ title: problem, icon: 'none' })
  }

  return {
    photos,
    video,
    add,
    /** Anything attached (or on its way). */
    attached: photos.items.length > 0 || !!video.item,
    /** Uploaded attachments. */
    count: photos.fileIDs.length + (video.fileID ? 1 : 0),
  }
}

export type Media = ReturnType<typeof useMedia>

/** The inline error to show when a form is submitted with attachments not ready, if any. */
export function mediaError(media: Media): string | undefined {
  if (media.video.busy) return '视频正在上传，请稍候再提交'
  if (media.video.failed) return '视频上传失败，请点击重试或删除'
  return photosError(media.photos)
}
