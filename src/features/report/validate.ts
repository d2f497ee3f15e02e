import { checkPhone } from '@/features/account/validate'

export interface ReportFields {
  category: string | null
  emergency: boolean
  /** A unit id, 'public', or null (nothing chosen). */
  place: string | null
  area: string
  phone: string
  description: string
  /** Uploaded photos, or 1 for an uploaded video. */
  photoCount: number
  /** The chosen day ('' = as soon as possible) and part of it. */
  date: string
  slot: string | null
  /** Photos or the video still uploading or failed, from mediaError(). */
  photosProblem?: string
}

export const NEED_DESCRIPTION = '请描述问题或上传图片、视频'

export type ReportErrors = Partial<Record<'category' | 'place' | 'area' | 'phone' | 'description' | 'window' | 'photos', string>>

/** Client-side checks with the same rules as the `tickets.create` input; the function checks again. */
export function validateReport(f: ReportFields): ReportErrors {
  const errors: ReportErrors = {}
  if (!f.category) errors.category = '请选择问题类别'
  if (!f.place) errors.place = '请选择位置'
  else if (f.place === 'public' && !f.area.trim()) errors.area = '请填写具体位置'
  const phone = checkPhone(f.phone)
  if (phone) errors.phone = phone
  // Emergencies go out without a word or a photo: speed matters more than detail.
  if (f.category && !f.emergency && !f.description.trim() && f.photoCount === 0) errors.description = NEED_DESCRIPTION
  if (f.description.trim().length > 500) errors.description = '描述不超过 500 个字'
  if (f.date && !f.slot) errors.window = '请选择上门时段'
  if (f.photosProblem) errors.photos = f.photosProblem
  return errors
}
