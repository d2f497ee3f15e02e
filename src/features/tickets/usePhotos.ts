import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { compressPhoto, MAX_UPLOAD_BYTES, uploadFile } from '@/services/upload'

export interface PhotoItem {
  key: string
  /** Local temp path (shown as the thumbnail). */
  path: string
  status: 'uploading' | 'done' | 'failed'
  /** 0–100 while uploading (weapp reports progress; H5 does not). */
  progress: number
  fileID?: string
  error?: string
}

/** A file from chooseMedia: its temp path and size in bytes. */
export interface ChosenFile {
  tempFilePath: string
  size: number
}

export const MAX_PHOTOS = 9
export const PHOTO_TOO_LARGE = '单张图片不能超过 10 MB'

let seq = 0
const nextKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`

/**
 * Photos attached to a form: chosen with chooseMedia (compressed), uploaded at once, each with
 * its own uploading / failed state; `fileIDs` are the uploaded ones in the order chosen.
 */
export function usePhotos(max = MAX_PHOTOS) {
  const [items, setItems] = useState<PhotoItem[]>([])
  const itemsRef = useRef(items)
  itemsRef.current = items

  const patch = useCallback((key: string, change: Partial<PhotoItem>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)))
  }, [])

  const upload = useCallback(
    async (item: PhotoItem) => {
      try {
        const path = await compressPhoto(item.path)
        // Progress in steps of 10 keeps setData well under WeChat's 20 calls a second.
        let shown = 0
        const fileID = await uploadFile(path, (p) => {
          const step = Math.floor(p / 10) * 10
          if (step > shown && step < 100) {
            shown = step
            patch(item.key, { progress: step })
          }
        })
        patch(item.key, { status: 'done', progress: 100, fileID, error: undefined })
      } catch (err) {
        patch(item.key, { status: 'failed', error: errorMessage(err) })
      }
    },
    [patch],
  )

  async function add() {
    const room = max - itemsRef.current.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多上传 ${max} 张图片`, icon: 'none' })
      return
    }
    let files: ChosenFile[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      files = res.tempFiles ?? []
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? '')
      if (!/cancel/i.test(msg)) void Taro.showToast({ title: '无法选择图片，请重试', icon: 'none' })
      return
    }
    addFiles(files)
  }

  /** Adds photos already chosen (by `add`, or by a picker that also offers video). */
  function addFiles(chosen: ChosenFile[]) {
    const files = chosen.slice(0, Math.max(0, max - itemsRef.current.length))
    const fitting = files.filter((f) => !(f.size > MAX_UPLOAD_BYTES))
    if (fitting.length < files.length) void Taro.showToast({ title: PHOTO_TOO_LARGE, icon: 'none' })
    const added: PhotoItem[] = fitting.map((f) => ({ key: nextKey(), path: f.tempFilePath, status: 'uploading', progress: 0 }))
    if (added.length === 0) return
    // Keep the ref current so a second addFiles in the same tick sees these too.
    itemsRef.current = [...itemsRef.current, ...added]
    setItems((list) => [...list, ...added])
    added.forEach((it) => void upload(it))
  }

  function remove(key: string) {
    setItems((list) => list.filter((it) => it.key !== key))
  }

  function retry(key: string) {
    const item = itemsRef.current.find((it) => it.key === key)
    if (!item || item.status !== 'failed') return
    patch(key, { status: 'uploading', progress: 0, error: undefined })
    void upload(item)
  }

  return {
    items,
    max,
    add,
    addFiles,
    remove,
    retry,
    reset: () => setItems([]),
    fileIDs: items.filter((it) => it.status === 'done' && it.fileID).map((it) => it.fileID!),
    uploading: items.some((it) => it.status === 'uploading'),
    failed: items.some((it) => it.status === 'failed'),
  }
}

export type Photos = ReturnType<typeof usePhotos>

/** The inline error to show when a form is submitted with photos not ready, if any. */
export function photosError(photos: Photos): string | undefined {
  if (photos.uploading) return '图片正在上传，请稍候再提交'
  if (photos.failed) return '有图片上传失败，请点击重试或删除'
  return undefined
}
