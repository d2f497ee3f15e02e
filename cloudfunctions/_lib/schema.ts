/**
 * Every collection and its indexes, declared once. `npm run db:init` creates them on the
 * local CloudBase and on a real environment; the local CloudBase makes each index a real
 * SQLite index that its query path uses.
 */
export interface IndexSpec {
  name: string;
  keys: [string, 1 | -1][];
  unique?: boolean;
}

export const COLLECTIONS: Record<string, IndexSpec[]> = {
  communities: [],
  units: [{ name: 'community_building', keys: [['communityId', 1], ['building', 1], ['unitNo', 1], ['room', 1]] }],
  memberships: [
    { name: 'openid_status', keys: [['openid', 1], ['status', 1]] },
    { name: 'unit_status', keys: [['unitId', 1], ['status', 1]] },
    { name: 'community_status_created', keys: [['communityId', 1], ['status', 1], ['createdAt', -1]] },
    { name: 'request_key', keys: [['requestKey', 1]] },
  ],
  staff: [
    { name: 'openid', keys: [['openid', 1]] },
    { name: 'community_active', keys: [['communityId', 1], ['active', 1]] },
  ],
  invites: [{ name: 'community_created', keys: [['communityId', 1], ['createdAt', -1]] }],
  audit_log: [{ name: 'community_at', keys: [['communityId', 1], ['at', -1]] }],
};

export type CollectionName = keyof typeof COLLECTIONS;
