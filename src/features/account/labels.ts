import type { HomeView, MeView, MembershipStatus } from '@/domain/identity'
import { RELATION_LABELS, ROLE_LABELS, type StaffRole } from '@/domain/roles'
import type { PillTone } from '@/components/Pill'

/**
 * Status labels mirror MEMBERSHIP_STATUS_LABELS in src/domain/identity.ts. That module also builds
 * the zod schemas at load time, so importing a value from it would pull zod (measured: +55 KB minified) into the
 * mini-program; the `Record<MembershipStatus, …>` type keeps this copy exhaustive.
 */
export const STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: '待审核',
  approved: '已绑定',
  rejected: '未通过',
  removed: '已解除',
}

export const STATUS_TONE: Record<MembershipStatus, PillTone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  removed: 'neutral',
}

export const relationLabel = (r: HomeView['relation']) => RELATION_LABELS[r]
export const roleLabels = (roles: StaffRole[]) => roles.map((r) => ROLE_LABELS[r])

/** The name to greet the caller with. */
export function displayName(me: MeView | null): string {
  if (me?.staff?.name) return me.staff.name
  const named = me?.homes.find((h) => h.status === 'approved' && h.name) ?? me?.homes.find((h) => h.name)
  return named?.name || '微信用户'
}

export const approvedHomes = (me: MeView | null) => (me?.homes ?? []).filter((h) => h.status === 'approved')
export const ownedHomes = (me: MeView | null) => approvedHomes(me).filter((h) => h.relation === 'owner')
export const isActiveStaff = (me: MeView | null) => !!me?.staff && me.staff.active
export const hasRole = (me: MeView | null, ...roles: StaffRole[]) =>
  isActiveStaff(me) && roles.some((r) => me!.staff!.roles.includes(r))
