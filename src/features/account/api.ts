/** Typed calls to the `account` cloud function. Shapes come from the shared domain contract. */
import { callFunction } from '@/services/cloud'
import type { z } from 'zod'
import type { accountInputs, BindingRequestView, HomeView, MeView, MembershipStatus, StaffView, UnitView } from '@/domain/identity'
import type { StaffRole } from '@/domain/roles'

const FN = 'account'
const read = { idempotent: true } as const

export interface Community {
  _id: string
  name: string
  /** The property's public service hotline. */
  hotline?: string
}
/** A binding request as the desk sees it: masked phone, the whole one only while pending, review reason, unit flag. */
export type BindingRequest = BindingRequestView
export interface Page<T> {
  items: T[]
  nextCursor?: string
  total: number
}
/** Derived from the `requestBinding` schema (types only: zod stays out of the bundle). */
export type BindingInput = z.input<typeof accountInputs.requestBinding>

export const accountApi = {
  me: () => callFunction<MeView>(FN, 'me', {}, read),
  listCommunities: () => callFunction<Community[]>(FN, 'listCommunities', {}, read),
  listUnits: (communityId: string, building?: string) => callFunction<UnitView[]>(FN, 'listUnits', building ? { communityId, building } : { communityId }, read),
  requestBinding: (input: BindingInput) => callFunction<HomeView>(FN, 'requestBinding', input),
  householdMembers: (unitId: string) => callFunction<HomeView[]>(FN, 'householdMembers', { unitId }, read),
  removeMember: (membershipId: string) => callFunction<{ removed: true }>(FN, 'removeMember', { membershipId }),
  listBindingRequests: (params: { status?: MembershipStatus; pageSize?: number; cursor?: string } = {}) =>
    callFunction<Page<BindingRequest>>(FN, 'listBindingRequests', params, read),
  decideBinding: (membershipId: string, approve: boolean, reason?: string) =>
    callFunction<HomeView>(FN, 'decideBinding', reason ? { membershipId, approve, reason } : { membershipId, approve }),
  revokeMembership: (membershipId: string, reason: string) => callFunction<HomeView>(FN, 'revokeMembership', { membershipId, reason }),
  createInvite: (roles: StaffRole[], note?: string) => callFunction<{ code: string; expiresAt: string }>(FN, 'createInvite', note ? { roles, note } : { roles }),
  redeemInvite: (code: string, name: string, phone: string) => callFunction<StaffView>(FN, 'redeemInvite', { code, name, phone }),
  listStaff: () => callFunction<StaffView[]>(FN, 'listStaff', {}, read),
  updateStaff: (staffId: string, patch: { roles?: StaffRole[]; active?: boolean }) => callFunction<StaffView>(FN, 'updateStaff', { staffId, ...patch }),
  setOnDuty: (onDuty: boolean) => callFunction<StaffView>(FN, 'setOnDuty', { onDuty }),
}
