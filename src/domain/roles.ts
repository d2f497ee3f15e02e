/** Staff roles. Codes are stable identifiers; labels are what users read. */
export const STAFF_ROLES = ['desk', 'engineer', 'security', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  desk: '客服',
  engineer: '工程',
  security: '秩序',
  supervisor: '主管',
  admin: '管理员',
};

/**
 * Who may call an action.
 * - `any`: any caller with an OPENID (e.g. someone who has not bound a home yet)
 * - `resident`: a caller with at least one approved home
 * - a staff role: an active staff member holding that role
 * - `system`: no end-user caller (timer triggers, function-to-function calls)
 */
export type Audience = 'any' | 'resident' | StaffRole | 'system';

export const RELATIONS = ['owner', 'family', 'tenant'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = { owner: '业主', family: '家属', tenant: '租户' };
