/** Membership states and their labels (no zod here, so the client can import it freely). */
export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: '待审核',
  approved: '已绑定',
  rejected: '未通过',
  removed: '已解除',
};
