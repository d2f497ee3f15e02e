/** Typed calls to the `onboarding` cloud function (types only from the domain: zod stays out of the bundle). */
import type { z } from 'zod'
import type { ImportKind, RowError } from '@/domain/onboarding'
import type { onboardingInputs } from '@/domain/onboarding-api'
import type { StaffRole } from '@/domain/roles'
import { callFunction } from '@/services/cloud'

const FN = 'onboarding'
const read = { idempotent: true } as const

export interface CommunitySummary {
  id: string
  name: string
  address: string
  hotline: string
  deskHours: { open: string; close: string } | null
  timezone: string
  counts: { units: number; owners: number; residents: number; staff: number; openTickets: number }
}
export interface ImportPreview {
  importId: string
  kind: ImportKind
  label: string
  total: number
  valid: number
  plan: { create: number; update: number; unchanged: number }
  errorCount: number
  errors: RowError[]
  status: 'previewed' | 'running' | 'done'
}
export interface ImportStatus {
  importId: string
  status: 'previewed' | 'running' | 'done'
  valid: number
  done: number
  result: { created: number; updated: number; unchanged: number }
  invites: { name: string; phone: string; code: string }[]
}
export type UnitPatternInput = z.input<typeof onboardingInputs.previewUnits>['pattern']
export interface UnitsPreview {
  total: number
  create: number
  existing: number
  shops: number
  floors: number[]
  sample: string[]
  last: string | null
}
export interface UnitList {
  buildings: string[]
  total: number
  building: string | null
  units: { id: string; building: string; unitNo: string; room: string; label: string; shop: boolean; hasOwner: boolean }[]
}

export const onboardingApi = {
  me: () => callFunction<{ companyAdmin: boolean; name: string | null; manages: string[] }>(FN, 'me', {}, read),
  redeemSetupCode: (code: string, name: string) => callFunction<{ companyAdmin: true; name: string }>(FN, 'redeemSetupCode', { code, name }),
  listCommunities: () => callFunction<CommunitySummary[]>(FN, 'listCommunities', {}, read),
  createCommunity: (input: z.input<typeof onboardingInputs.createCommunity>) => callFunction<CommunitySummary>(FN, 'createCommunity', input),
  appointStaff: (communityId: string, roles: StaffRole[]) => callFunction<{ code: string; expiresAt: string }>(FN, 'appointStaff', { communityId, roles }),
  previewUnits: (communityId: string, pattern: UnitPatternInput) => callFunction<UnitsPreview>(FN, 'previewUnits', { communityId, pattern }, read),
  generateUnits: (communityId: string, pattern: UnitPatternInput) => callFunction<{ created: number; existing: number }>(FN, 'generateUnits', { communityId, pattern }),
  listUnits: (communityId: string, building?: string) => callFunction<UnitList>(FN, 'listUnits', building ? { communityId, building } : { communityId }, read),
  addUnit: (communityId: string, building: string, unitNo: string, room: string) =>
    callFunction<{ id: string; label: string }>(FN, 'addUnit', { communityId, building, unitNo, room }),
  renameUnit: (unitId: string, room: string) => callFunction<{ id: string; label: string }>(FN, 'renameUnit', { unitId, room }),
  removeUnit: (unitId: string) => callFunction<{ removed: string }>(FN, 'removeUnit', { unitId }),
  previewImport: (communityId: string, kind: ImportKind, fileID: string) => callFunction<ImportPreview>(FN, 'previewImport', { communityId, kind, fileID }),
  confirmImport: (importId: string) => callFunction<ImportStatus>(FN, 'confirmImport', { importId }),
  template: (kind: ImportKind) => callFunction<{ url: string; fileName: string }>(FN, 'template', { kind }, read),
  listPeople: () => callFunction<StaffPerson[]>(FN, 'listPeople', {}, read),
  appointExisting: (communityId: string, staffId: string, roles: StaffRole[]) =>
    callFunction<{ staffId: string; communityName: string; name: string; roles: StaffRole[] }>(FN, 'appointExisting', { communityId, staffId, roles }),
}

/** A person on the company's staff (company admin's view), with the communities they serve. */
export interface StaffPerson {
  staffId: string
  name: string
  phoneTail: string
  communities: { communityId: string; communityName: string; roles: StaffRole[] }[]
}
