/**
 * The one upload path for photos (and short videos) attached to requests.
 *
 * weapp: `wx.cloud.uploadFile` into `uploads/`, answering the cloud `fileID`.
 * H5 (local CloudBase gateway): `POST /api/upload` with the raw bytes, the blob's content type and
 * the caller's openid in `x-wx-openid`; answers `{ ok: true, data: { fileID } }`.
 */
import Taro from '@tarojs/taro'
import { CloudError, callerOpenid } from './cloud'

/** WeChat's and the local gateway's limit for one file. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const UPLOAD_TOO_LARGE = '单个文件不能超过 10 MB'
export const UPLOAD_FAILED = '上传失败，请重试'

const UPLOAD_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
}

function randomName(ext: string): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
}

function extensionOf(path: string): string {
  const m = /\.([A-Za-z0-9]{2,5})(?:\?.*)?$/.exec(path)
  const ext = m ? m[1].toLowerCase() : 'jpg'
  return ext === 'jpeg' ? 'jpg' : ext
}

function uploadWeapp(localPath: string, onProgress?: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: `uploads/${randomName(extensionOf(localPath))}`,
      filePath: localPath,
      success: (res: { fileID?: string }) => (res.fileID ? resolve(res.fileID) : reject(new CloudError('INTERNAL', UPLOAD_FAILED))),
      fail: () => reject(new CloudError('NETWORK', UPLOAD_FAILED)),
    } as Parameters<typeof Taro.cloud.uploadFile>[0]) as unknown as { onProgressUpdate?: (cb: (p: { progress: number }) => void) => void } | undefined
    if (onProgress && task && typeof task.onProgressUpdate === 'function') task.onProgressUpdate((p) => onProgress(p.progress))
  })
}

async function uploadH5(localPath: string): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch {
    throw new CloudError('INTERNAL', UPLOAD_FAILED)
  }
  const type = (blob.type || '').split(';')[0]
  if (!UPLOAD_TYPES[type]) throw new CloudError('INVALID_INPUT', '只支持 JPG、PNG、WEBP、GIF 图片和 MP4 视频')
  if (blob.size > MAX_UPLOAD_BYTES) throw new CloudError('INVALID_INPUT', UPLOAD_TOO_LARGE)
  const headers: Record<string, string> = { 'content-type': type }
  const openid = await callerOpenid()
  if (openid) headers['x-wx-openid'] = openid
  let res: Response
  try {
    res = await fetch('/api/upload', { method: 'POST', headers, body: blob })
  } catch {
    throw new CloudError('NETWORK', UPLOAD_FAILED)
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { fileID?: string }; error?: { code?: string; message?: string } } | null
  if (body?.ok && body.data?.fileID) return body.data.fileID
  throw new CloudError(body?.error?.code ?? 'INTERNAL', body?.error?.message || UPLOAD_FAILED)
}

/** Uploads a local (temp) file and resolves with its cloud fileID; rejects with a CloudError in Chinese. */
export function uploadFile(localPath: string, onProgress?: (percent: number) => void): Promise<string> {
  // Build-time constant: the H5 branch (and its /api route) is dropped from the weapp bundle.
  if (process.env.TARO_ENV === 'h5') return uploadH5(localPath)
  return uploadWeapp(localPath, onProgress)
}

/** weapp: recompress a photo at quality 70 before upload (falls back to the original). H5: unchanged. */
export async function compressPhoto(localPath: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return localPath
  try {
    const res = await Taro.compressImage({ src: localPath, quality: 70 })
    return res.tempFilePath || localPath
  } catch {
    return localPath
  }
}

/**
 * weapp: recompress a short video at quality 'medium' before upload (base library ≥ 2.11.0).
 * Answers the path and size in bytes to upload; falls back to the original when compression is
 * unavailable or fails. H5 (no compressVideo in the browser): unchanged.
 */
export async function compressVideo(localPath: string, size: number): Promise<{ path: string; size: number }> {
  const original = { path: localPath, size }
  if (process.env.TARO_ENV === 'h5') return original
  const taro = Taro as unknown as { canIUse?: (api: string) => boolean; compressVideo?: typeof Taro.compressVideo }
  if (typeof taro.compressVideo !== 'function') return original
  if (typeof taro.canIUse === 'function' && !taro.canIUse('compressVideo')) return original
  try {
    // `quality` alone is enough; bitrate / fps / resolution are for fine control.
    const res = await taro.compressVideo({ src: localPath, quality: 'medium' } as Parameters<typeof Taro.compressVideo>[0])
    if (!res?.tempFilePath) return original
    // WeChat reports the compressed size in kB.
    const kb = Number(res.size)
    return { path: res.tempFilePath, size: Number.isFinite(kb) && kb > 0 ? Math.round(kb * 1024) : size }
  } catch {
    return original
  }
}
