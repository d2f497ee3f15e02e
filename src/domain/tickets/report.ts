/**
 * Report validity, decided once for the report form and `tickets.create`: a report needs a
 * description, a photo or a video; an emergency needs none of them (speed matters more than
 * detail: the category and the place are enough to send someone).
 */
export const NEED_DESCRIPTION = '请描述问题或上传图片、视频';

export interface ReportContent {
  /** The category is an emergency. */
  emergency: boolean;
  description: string;
  photoCount: number;
  hasVideo: boolean;
}

/** Why a report cannot go out as it is (in Chinese), or null when it can. */
export function reportProblem(r: ReportContent): string | null {
  if (r.emergency) return null;
  if (r.description.trim() || r.photoCount > 0 || r.hasVideo) return null;
  return NEED_DESCRIPTION;
}
