/**
 * The one upload path for photos (and short videos, notice attachments).
 *
 * The client never chooses where a file goes: it first asks the function that will receive the
 * file for an upload slot (`prepareUpload`), which picks an unguessable path (no openid in it) and
 * records who uploads it, so the function can later refuse any file id that is not the caller's.
 * weapp: `wx.cloud.uploadFile` to the slot's `cloudPath`, answering the cloud `fileID`.
 * H5 (local CloudBase): `PUT` the raw bytes to the slot's storage URL with the upload
 * authorization the storage issued for exactly that path (as `@cloudbase/node-sdk` uploads).
 */
import Taro from '@tarojs/taro'
import { CloudError, callFunction } from './cloud'

/** WeChat's and the local gateway's limit for one file. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const UPLOAD_TOO_LARGE = '单个文件不能超过 10 MB'
export const UPLOAD_FAILED = '上传失败，请重试'

/** Which function a file is for: a ticket's photos and video, or a notice's images. */
export type UploadPurpose = 'ticket' | 'notice' | 'movein' | 'event' | 'facility'
const FUNCTION_OF: Record<UploadPurpose, string> = { ticket: 'tickets', notice: 'announcements', movein: 'movein', event: 'events', facility: 'facilities' }

const UPLOAD_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
}
const TYPE_OF_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', mp4: 'video/mp4', pdf: 'application/pdf' }

interface UploadSlot {
  fileID: string
  cloudPath: string
  upload: { url: string; authorization?: string; token?: string; cosFileId?: string }
}

function prepareUpload(purpose: UploadPurpose, contentType: string): Promise<UploadSlot> {
  return callFunction<UploadSlot>(FUNCTION_OF[purpose], 'prepareUpload', { contentType })
}

function extensionOf(path: string): string {
  const m = /\.([A-Za-z0-9]{2,5})(?:\?.*)?$/.exec(path)
  const ext = m ? m[1].toLowerCase() : 'jpg'
  return ext === 'jpeg' ? 'jpg' : ext
}

async function uploadWeapp(localPath: string, purpose: UploadPurpose, onProgress?: (percent: number) => void): Promise<string> {
  const type = TYPE_OF_EXTENSION[extensionOf(localPath)]
  if (!type) throw new CloudError('INVALID_INPUT', '只支持 JPG、PNG、WEBP、GIF 图片和 MP4 视频')
  const slot = await prepareUpload(purpose, type)
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: slot.cloudPath,
      filePath: localPath,
      success: (res: { fileID?: string }) => (res.fileID ? resolve(res.fileID) : reject(new CloudError('INTERNAL', UPLOAD_FAILED))),
      fail: () => reject(new CloudError('NETWORK', UPLOAD_FAILED)),
    } as Parameters<typeof Taro.cloud.uploadFile>[0]) as unknown as { onProgressUpdate?: (cb: (p: { progress: number }) => void) => void } | undefined
    if (onProgress && task && typeof task.onProgressUpdate === 'function') task.onProgressUpdate((p) => onProgress(p.progress))
  })
}

/** The storage URL on this page's origin (the H5 build is served by the local CloudBase itself). */
function sameOrigin(url: string): string {
  try {
    const u = new URL(url, 'http://local')
    return u.pathname + u.search
  } catch {
    return url
  }
}

async function uploadH5(localPath: string, purpose: UploadPurpose): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch {
    throw new CloudError('INTERNAL', UPLOAD_FAILED)
  }
  const type = (blob.type || '').split(';')[0]
  if (!UPLOAD_TYPES[type]) throw new CloudError('INVALID_INPUT', '只支持 JPG、PNG、WEBP、GIF 图片和 MP4 视频')
  if (blob.size > MAX_UPLOAD_BYTES) throw new CloudError('INVALID_INPUT', UPLOAD_TOO_LARGE)
  const slot = await prepareUpload(purpose, type)
  const { url, authorization = '', token = '', cosFileId = '' } = slot.upload
  const headers: Record<string, string> = { 'content-type': type, authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId }
  let res: Response
  try {
    res = await fetch(sameOrigin(url), { method: 'PUT', headers, body: blob })
  } catch {
    throw new CloudError('NETWORK', UPLOAD_FAILED)
  }
  if (res.status >= 200 && res.status < 300) return slot.fileID
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
  throw new CloudError(body?.error?.code ?? 'INTERNAL', body?.error?.message || UPLOAD_FAILED)
}

/**
 * Uploads a local (temp) file for a ticket (default) or a notice and resolves with its cloud
 * fileID; rejects with a CloudError in Chinese.
 */
export function uploadFile(localPath: string, onProgress?: (percent: number) => void, purpose: UploadPurpose = 'ticket'): Promise<string> {
  // Build-time constant: the H5 branch is dropped from the weapp bundle.
  if (process.env.TARO_ENV === 'h5') return uploadH5(localPath, purpose)
  return uploadWeapp(localPath, purpose, onProgress)
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

/** Data imports (onboarding): an .xlsx file, picked from a chat (weapp) or the file system (H5). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function pickXlsxH5(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,' + XLSX_TYPE
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })
}

/**
 * Lets the person pick an .xlsx file and uploads it to an import slot of `communityId` (the
 * `onboarding` function's `prepareUpload`); resolves with the fileID, or null when nothing was picked.
 */
export async function uploadImportFile(communityId: string): Promise<string | null> {
  const slotFor = () => callFunction<UploadSlot>('onboarding', 'prepareUpload', { communityId })
  if (process.env.TARO_ENV === 'h5') {
    const file = await pickXlsxH5()
    if (!file) return null
    if (!/\.xlsx$/i.test(file.name)) throw new CloudError('INVALID_INPUT', '请选择 .xlsx 格式的 Excel 文件')
    if (file.size > MAX_UPLOAD_BYTES) throw new CloudError('INVALID_INPUT', UPLOAD_TOO_LARGE)
    const slot = await slotFor()
    const { url, authorization = '', token = '', cosFileId = '' } = slot.upload
    const res = await fetch(sameOrigin(url), {
      method: 'PUT',
      headers: { 'content-type': XLSX_TYPE, authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId },
      body: file,
    }).catch(() => null)
    if (!res || res.status < 200 || res.status >= 300) throw new CloudError('NETWORK', UPLOAD_FAILED)
    return slot.fileID
  }
  let picked: { path: string; name: string; size: number } | undefined
  try {
    picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles[0]
  } catch {
    return null
  }
  if (!picked) return null
  if (picked.size > MAX_UPLOAD_BYTES) throw new CloudError('INVALID_INPUT', UPLOAD_TOO_LARGE)
  const slot = await slotFor()
  return new Promise((resolve, reject) => {
    Taro.cloud.uploadFile({
      cloudPath: slot.cloudPath,
      filePath: picked!.path,
      success: (res: { fileID?: string }) => (res.fileID ? resolve(res.fileID) : reject(new CloudError('INTERNAL', UPLOAD_FAILED))),
      fail: () => reject(new CloudError('NETWORK', UPLOAD_FAILED)),
    } as Parameters<typeof Taro.cloud.uploadFile>[0])
  })
}
