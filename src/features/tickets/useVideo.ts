import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '@/services/cloud'
import { compressVideo, MAX_UPLOAD_BYTES, uploadFile } from '@/services/upload'

/** One short video attached to a report. */
export interface VideoItem {
  key: string
  /** Local temp path of the chosen (later: compressed) video. */
  path: string
  /** Cover frame from chooseMedia ('' when the platform gave none). */
  thumb: string
  /** Length in seconds (0 when unknown). */
  duration: number
  status: 'compressing' | 'uploading' | 'done' | 'failed'
  /** 0–100 while uploading (weapp reports progress; H5 does not). */
  progress: number
  fileID?: string
  error?: string
}

/** A video file from chooseMedia (weapp: fileType 'video'; H5: the MIME type, e.g. 'video/mp4'). */
export interface ChosenVideo {
  tempFilePath: string
  size: number
  duration?: number
  thumbTempFilePath?: string
  fileType?: string
}

export const MAX_VIDEO_SECONDS = 30
export const VIDEO_TOO_LONG = `视频不能超过 ${MAX_VIDEO_SECONDS} 秒，请剪短后重新选择`
export const VIDEO_TOO_LARGE = '视频不能超过 10 MB，请拍短一些后重新选择'
export const VIDEO_MP4_ONLY = '只支持 MP4 格式的视频'

/** chooseMedia rounds nothing: allow a recording that stops a fraction after the limit. */
const DURATION_SLACK = 0.5

let seq = 0
const nextKey = () => `v${Date.now().toString(36)}${(seq++).toString(36)}`

/** "0:08", "1:05" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Whether a chooseMedia file is a video, on either platform. */
export const isVideoFile = (f: { fileType?: string }) => f.fileType === 'video' || /^video\//.test(f.fileType ?? '')

/** What is wrong with a chosen video before any work is done on it, if anything. */
export function videoProblem(f: ChosenVideo): string | undefined {
  if (f.duration && f.duration > MAX_VIDEO_SECONDS + DURATION_SLACK) return VIDEO_TOO_LONG
  // The local H5 gateway stores MP4 only (WeChat records MP4 itself).
  if (process.env.TARO_ENV === 'h5' && f.fileType && f.fileType !== 'video/mp4') return VIDEO_MP4_ONLY
  return undefined
}

/**
 * At most one short video: checked (length, type), compressed on weapp, size-checked after
 * compression (so a recording that compresses under 10 MB is fine), then uploaded. `notice` says
 * why the last choice was refused.
 */
export function useVideo() {
  const [item, setItem] = useState<VideoItem | null>(null)
  const [notice, setNotice] = useState<string | undefined>(undefined)
  const itemRef = useRef(item)
  itemRef.current = item

  // Only the current video is patched: a removed or replaced one's late answers are dropped.
  const patch = useCallback((key: string, change: Partial<VideoItem>) => {
    setItem((cur) => (cur && cur.key === key ? { ...cur, ...change } : cur))
  }, [])

  const upload = useCallback(
    async (key: string, path: string) => {
      try {
        let shown = 0
        const fileID = await uploadFile(path, (p) => {
          const step = Math.floor(p / 10) * 10
          if (step > shown && step < 100) {
            shown = step
            patch(key, { progress: step })
          }
        })
        patch(key, { status: 'done', progress: 100, fileID, error: undefined })
      } catch (err) {
        patch(key, { status: 'failed', error: errorMessage(err) })
      }
    },
    [patch],
  )

  const prepare = useCallback(
    async (key: string, path: string, size: number) => {
      const small = await compressVideo(path, size)
      if (itemRef.current?.key !== key) return
      if (small.size > MAX_UPLOAD_BYTES) {
        itemRef.current = null
        setItem(null)
        setNotice(VIDEO_TOO_LARGE)
        return
      }
      patch(key, { status: 'uploading', path: small.path })
      await upload(key, small.path)
    },
    [patch, upload],
  )

  /** Takes a chosen video; answers why it was refused (nothing attached), if it was. */
  function choose(f: ChosenVideo): string | undefined {
    // Without compression (H5) the size is final: refuse at once rather than after a wait.
    const problem = videoProblem(f) ?? (process.env.TARO_ENV === 'h5' && f.size > MAX_UPLOAD_BYTES ? VIDEO_TOO_LARGE : undefined)
    setNotice(problem)
    if (problem) return problem
    const next: VideoItem = {
      key: nextKey(),
      path: f.tempFilePath,
      thumb: f.thumbTempFilePath ?? '',
      duration: f.duration ?? 0,
      status: 'compressing',
      progress: 0,
    }
    itemRef.current = next
    setItem(next)
    void prepare(next.key, next.path, f.size)
    return undefined
  }

  return {
    item,
    notice,
    choose,
    /** Forgets the last refusal (a new choice is being made). */
    clearNotice: () => setNotice(undefined),
    remove() {
      itemRef.current = null
      setItem(null)
      setNotice(undefined)
    },
    /** Tries a failed upload again (the compressed file is kept). */
    retry() {
      const it = itemRef.current
      if (!it || it.status !== 'failed') return
      patch(it.key, { status: 'uploading', progress: 0, error: undefined })
      void upload(it.key, it.path)
    },
    fileID: item?.status === 'done' ? item.fileID : undefined,
    busy: !!item && (item.status === 'compressing' || item.status === 'uploading'),
    failed: item?.status === 'failed',
  }
}

export type Video = ReturnType<typeof useVideo>
