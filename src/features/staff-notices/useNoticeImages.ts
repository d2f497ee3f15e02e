import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { compressPhoto, MAX_UPLOAD_BYTES, uploadFile } from '@/services/upload'

export const MAX_IMAGES = 9

export interface NoticeImage {
  key: string
  /** Shown as the thumbnail: a local temp path, or the URL of an image already on the notice. */
  path: string
  status: 'uploading' | 'done' | 'failed' | 'existing'
  fileID?: string
}

let seq = 0
const nextKey = () => `img${Date.now().toString(36)}${(seq++).toString(36)}`

/**
 * A notice's images: chosen, compressed and uploaded at once (the shared upload service).
 *
 * Images already on a loaded notice are shown by their display URL and kept by their stored
 * fileID (the staff view carries both), so saving an edit keeps them unless removed.
 */
export function useNoticeImages(max = MAX_IMAGES) {
  const [items, setItems] = useState<NoticeImage[]>([])
  const itemsRef = useRef(items)
  itemsRef.current = items

  const patch = useCallback((key: string, change: Partial<NoticeImage>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)))
  }, [])

  const upload = useCallback(
    async (item: NoticeImage) => {
      try {
        const fileID = await uploadFile(await compressPhoto(item.path), undefined, 'notice')
        patch(item.key, { status: 'done', fileID })
      } catch (err) {
        patch(item.key, { status: 'failed' })
        void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      }
    },
    [patch],
  )

  async function add() {
    const room = max - itemsRef.current.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多 ${max} 张图片`, icon: 'none' })
      return
    }
    let files: { tempFilePath: string; size: number }[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      files = (res.tempFiles ?? []).slice(0, room)
    } catch (err) {
      if (!/cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? ''))) void Taro.showToast({ title: '无法选择图片，请重试', icon: 'none' })
      return
    }
    const fitting = files.filter((f) => !(f.size > MAX_UPLOAD_BYTES))
    if (fitting.length < files.length) void Taro.showToast({ title: '单张图片不能超过 10 MB', icon: 'none' })
    const added: NoticeImage[] = fitting.map((f) => ({ key: nextKey(), path: f.tempFilePath, status: 'uploading' }))
    if (!added.length) return
    setItems((list) => [...list, ...added])
    added.forEach((it) => void upload(it))
  }

  function retry(key: string) {
    const item = itemsRef.current.find((it) => it.key === key)
    if (!item || item.status !== 'failed') return
    patch(key, { status: 'uploading' })
    void upload(item)
  }

  return {
    items,
    max,
    add,
    retry,
    remove: (key: string) => setItems((list) => list.filter((it) => it.key !== key)),
    /** Images already on a loaded notice: display URLs and their stored fileIDs, in order. */
    setExisting: (urls: string[], fileIDs: string[]) => setItems(urls.map((path, i) => ({ key: nextKey(), path, status: 'existing', fileID: fileIDs[i] }))),
    fileIDs: items.filter((it) => (it.status === 'done' || it.status === 'existing') && it.fileID).map((it) => it.fileID!),
    /** For the preview: what residents would see. */
    urls: items.filter((it) => it.status !== 'failed').map((it) => it.path),
    existing: items.filter((it) => it.status === 'existing').length,
    uploading: items.some((it) => it.status === 'uploading'),
    failed: items.some((it) => it.status === 'failed'),
  }
}

export type NoticeImages = ReturnType<typeof useNoticeImages>
