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

/**
 * What someone without an approved home in the community may report (issue #12): an emergency
 * in a public area only — a person stuck in a lift or a burst pipe in the stairwell does not wait
 * for a binding. The report is routed as usual and marked for the desk to verify who sent it.
 */
export const UNBOUND_ONLY_EMERGENCY = '绑定房屋前只能上报公共区域的紧急情况，其他问题请先绑定房屋或拨打物业电话';

export function unboundReportProblem(r: { emergency: boolean; location: { kind: 'home' | 'public' } }): string | null {
  return r.emergency && r.location.kind === 'public' ? null : UNBOUND_ONLY_EMERGENCY;
}
