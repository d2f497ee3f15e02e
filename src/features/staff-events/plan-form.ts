import { beijing, formatMinute } from '@/domain/time'
import type { EventPlanInput, StaffEvent } from '@/features/events'

/** The editor's state: what staff type, as text (times as 北京时间 "YYYY-MM-DD HH:mm"). */
export interface PlanForm {
  title: string
  theme: string
  startAt: string
  endAt: string
  place: string
  agenda: string
  ageGroups: string[]
  interests: string[]
  lead: string
  staff: string
  volunteers: string
  roles: string
  safety: string
  capacity: string
  perHousehold: string
  membersCount: boolean
  signUpOpensAt: string
  signUpClosesAt: string
  cancelCutoffHours: string
  cost: string
  budget: string
  cover: string | null
  feedbackQuestions: string[]
}

const TIME_RE = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2})$/

/** "2026-12-05 14:00" (北京时间) → an ISO instant, or null. */
export function parseBeijing(text: string): string | null {
  const m = TIME_RE.exec(text.trim())
  if (!m) return null
  const pad = (s: string) => s.padStart(2, '0')
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}T${pad(m[4]!)}:${m[5]}:00+08:00`
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

/** A fresh plan: three days from now at 14:00–16:00, sign-up open now until the evening before. */
export function blankForm(now: Date = new Date()): PlanForm {
  const day = beijing(now).add(3, 'day').startOf('day')
  return {
    title: '',
    theme: '',
    startAt: day.hour(14).format('YYYY-MM-DD HH:mm'),
    endAt: day.hour(16).format('YYYY-MM-DD HH:mm'),
    place: '',
    agenda: '',
    ageGroups: [],
    interests: [],
    lead: '',
    staff: '',
    volunteers: '',
    roles: '',
    safety: '',
    capacity: '20',
    perHousehold: '2',
    membersCount: true,
    signUpOpensAt: formatMinute(now),
    signUpClosesAt: day.subtract(1, 'day').hour(20).format('YYYY-MM-DD HH:mm'),
    cancelCutoffHours: '12',
    cost: '',
    budget: '0',
    cover: null,
    feedbackQuestions: ['content', 'organisation'],
  }
}

export function formOf(e: StaffEvent): PlanForm {
  return {
    title: e.title,
    theme: e.theme,
    startAt: formatMinute(e.startAt),
    endAt: formatMinute(e.endAt),
    place: e.place,
    agenda: e.agenda,
    ageGroups: e.ageGroups,
    interests: e.interests,
    lead: e.organisation.lead,
    staff: e.organisation.staff.join('、'),
    volunteers: e.organisation.volunteers.join('、'),
    roles: e.organisation.roles,
    safety: e.safety,
    capacity: String(e.capacity),
    perHousehold: String(e.perHousehold),
    membersCount: e.membersCount,
    signUpOpensAt: formatMinute(e.signUpOpensAt),
    signUpClosesAt: formatMinute(e.signUpClosesAt),
    cancelCutoffHours: String(e.cancelCutoffHours),
    cost: e.cost,
    budget: String(e.budget),
    cover: e.cover,
    feedbackQuestions: e.feedbackQuestions.map((q) => q.key),
  }
}

const names = (s: string) =>
  s
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

export type FormErrors = Partial<Record<keyof PlanForm, string>>

/** Checks what the function would refuse, field by field, in the order of the form. */
export function toPlan(f: PlanForm): { plan?: EventPlanInput; errors: FormErrors } {
  const errors: FormErrors = {}
  const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN)
  if (!f.title.trim()) errors.title = '请填写活动主题'
  if (!f.theme) errors.theme = '请选择活动类别'
  const startAt = parseBeijing(f.startAt)
  const endAt = parseBeijing(f.endAt)
  if (!startAt) errors.startAt = '请按 2026-12-05 14:00 的格式填写'
  if (!endAt) errors.endAt = '请按 2026-12-05 16:00 的格式填写'
  else if (startAt && endAt <= startAt) errors.endAt = '结束时间需晚于开始时间'
  if (!f.place.trim()) errors.place = '请填写活动地点'
  if (!f.agenda.trim()) errors.agenda = '请填写活动内容'
  if (!f.ageGroups.length) errors.ageGroups = '请选择面向的年龄段'
  if (!f.lead.trim()) errors.lead = '请填写负责人'
  if (!f.safety.trim()) errors.safety = '请填写安全保障措施'
  const capacity = int(f.capacity)
  if (!(capacity >= 1)) errors.capacity = '名额至少 1 人'
  const perHousehold = int(f.perHousehold)
  if (!(perHousehold >= 1 && perHousehold <= 10)) errors.perHousehold = '每户 1–10 人'
  const signUpOpensAt = parseBeijing(f.signUpOpensAt)
  const signUpClosesAt = parseBeijing(f.signUpClosesAt)
  if (!signUpOpensAt) errors.signUpOpensAt = '请按 2026-12-01 09:00 的格式填写'
  if (!signUpClosesAt) errors.signUpClosesAt = '请按 2026-12-04 20:00 的格式填写'
  else if (startAt && signUpClosesAt > startAt) errors.signUpClosesAt = '报名截止时间不能晚于活动开始时间'
  const cancelCutoffHours = int(f.cancelCutoffHours)
  if (!(cancelCutoffHours >= 0)) errors.cancelCutoffHours = '请填写小时数'
  const budget = Number(f.budget || '0')
  if (!(budget >= 0)) errors.budget = '请填写金额'
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    plan: {
      title: f.title.trim(),
      theme: f.theme as any,
      startAt: startAt!,
      endAt: endAt!,
      place: f.place.trim(),
      agenda: f.agenda.trim(),
      ageGroups: f.ageGroups as any,
      interests: f.interests as any,
      organisation: { lead: f.lead.trim(), staff: names(f.staff), volunteers: names(f.volunteers), roles: f.roles.trim() },
      safety: f.safety.trim(),
      capacity,
      perHousehold,
      membersCount: f.membersCount,
      signUpOpensAt: signUpOpensAt!,
      signUpClosesAt: signUpClosesAt!,
      cancelCutoffHours,
      cost: f.cost.trim(),
      budget,
      cover: f.cover,
      feedbackQuestions: f.feedbackQuestions as any,
    },
  }
}
