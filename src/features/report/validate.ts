import { AREA_MAX, AREA_REQUIRED, AREA_TOO_LONG, checkPhone, DESCRIPTION_MAX, DESCRIPTION_TOO_LONG } from '@/domain/limits'
import { NEED_DESCRIPTION, reportProblem } from '@/domain/tickets/report'

export interface ReportFields {
  category: string | null
  emergency: boolean
  /** A unit id, 'public', or null (nothing chosen). */
  place: string | null
  area: string
  phone: string
  description: string
  /** Uploaded photos. */
  photoCount: number
  /** A video is uploaded. */
  hasVideo: boolean
  /** The chosen day ('' = as soon as possible) and part of it. */
  date: string
  slot: string | null
  /** Photos or the video still uploading or failed, from mediaError(). */
  photosProblem?: string
}

export { NEED_DESCRIPTION }

export type ReportField = 'category' | 'place' | 'area' | 'phone' | 'description' | 'window' | 'photos'
export type ReportErrors = Partial<Record<ReportField, string>>
/** The fields top to bottom, as the form shows them: the first with an error is scrolled to. */
export const REPORT_FIELD_ORDER: readonly ReportField[] = ['category', 'description', 'photos', 'place', 'area', 'window', 'phone']

/** Client-side checks with the same rules as the `tickets.create` input; the function checks again. */
export function validateReport(f: ReportFields): ReportErrors {
  const errors: ReportErrors = {}
  if (!f.category) errors.category = '请选择问题类别'
  if (!f.place) errors.place = '请选择位置'
  else if (f.place === 'public' && !f.area.trim()) errors.area = AREA_REQUIRED
  else if (f.place === 'public' && f.area.trim().length > AREA_MAX) errors.area = AREA_TOO_LONG
  const phone = checkPhone(f.phone)
  if (phone) errors.phone = phone
  // The rule the function applies too (emergencies go out without a word or a photo).
  const content = f.category ? reportProblem(f) : null
  if (content) errors.description = content
  if (f.description.trim().length > DESCRIPTION_MAX) errors.description = DESCRIPTION_TOO_LONG
  if (f.date && !f.slot) errors.window = '请选择上门时段'
  if (f.photosProblem) errors.photos = f.photosProblem
  return errors
}
