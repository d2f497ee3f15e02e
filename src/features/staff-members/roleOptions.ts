import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@/domain/roles'

export const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export const toggleRole = (roles: StaffRole[], r: StaffRole) => (roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r])
