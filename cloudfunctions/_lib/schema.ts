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
  units: [
    {
      name: 'community_building',
      keys: [
        ['communityId', 1],
        ['building', 1],
        ['unitNo', 1],
        ['room', 1],
      ],
    },
  ],
  memberships: [
    {
      name: 'openid_status',
      keys: [
        ['openid', 1],
        ['status', 1],
      ],
    },
    {
      name: 'unit_status',
      keys: [
        ['unitId', 1],
        ['status', 1],
      ],
    },
    {
      name: 'community_status_created',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['createdAt', -1],
      ],
    },
    { name: 'request_key', keys: [['requestKey', 1]] },
    // 绑定审核 history (issue #12): decided requests by decision time.
    {
      name: 'community_status_decided',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['decidedAt', -1],
      ],
    },
  ],
  staff: [
    { name: 'openid', keys: [['openid', 1]] },
    {
      name: 'community_active',
      keys: [
        ['communityId', 1],
        ['active', 1],
      ],
    },
  ],
  invites: [
    {
      name: 'community_created',
      keys: [
        ['communityId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  // movein (issue #13): batches, their daily slots, bookings, and one hold per (batch, unit).
  movein_batches: [
    {
      name: 'community_created',
      keys: [
        ['communityId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  movein_slots: [
    {
      name: 'batch_start',
      keys: [
        ['batchId', 1],
        ['startAt', 1],
      ],
    },
  ],
  movein_bookings: [
    { name: 'batch', keys: [['batchId', 1]] },
    { name: 'openid', keys: [['openid', 1]] },
    { name: 'slot_start', keys: [['slotStartAt', 1]] },
  ],
  movein_holds: [],
  audit_log: [
    {
      name: 'community_at',
      keys: [
        ['communityId', 1],
        ['at', -1],
      ],
    },
  ],
  tickets: [
    {
      name: 'community_status_created',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'community_open_created',
      keys: [
        ['communityId', 1],
        ['open', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'community_open_due',
      keys: [
        ['communityId', 1],
        ['open', 1],
        ['nextDueAt', 1],
      ],
    },
    {
      name: 'assignee_open_due',
      keys: [
        ['assigneeStaffId', 1],
        ['open', 1],
        ['nextDueAt', 1],
      ],
    },
    {
      name: 'owner_status_updated',
      keys: [
        ['ownerStaffId', 1],
        ['status', 1],
        ['updatedAt', -1],
      ],
    },
    {
      name: 'pool',
      keys: [
        ['communityId', 1],
        ['department', 1],
        ['status', 1],
        ['pool', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'reporter_created',
      keys: [
        ['reporterOpenid', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'unit_created',
      keys: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'grab_deadline',
      keys: [
        ['status', 1],
        ['grabDeadline', 1],
      ],
    },
    {
      name: 'auto_confirm',
      keys: [
        ['status', 1],
        ['autoConfirmAt', 1],
      ],
    },
    { name: 'next_reminder', keys: [['nextReminderAt', 1]] },
    {
      name: 'callback_due',
      keys: [
        ['callbackDue', 1],
        ['resolvedAt', 1],
      ],
    },
    { name: 'confirm_reminder', keys: [['confirmReminderAt', 1]] },
  ],
  /** The communication log (《客户沟通记录表》): every step of every ticket. */
  ticket_events: [
    {
      name: 'ticket_seq',
      keys: [
        ['ticketId', 1],
        ['seq', 1],
      ],
    },
    {
      name: 'community_at',
      keys: [
        ['communityId', 1],
        ['at', -1],
      ],
    },
    /** The register's projection reads the log in time order from its watermark. */
    {
      name: 'at_ticket_seq',
      keys: [
        ['at', 1],
        ['ticketId', 1],
        ['seq', 1],
      ],
    },
  ],
  routing_rules: [],
  counters: [],
  /** Subscribe-message consents left, per user and template. */
  subscriptions: [{ name: 'openid', keys: [['openid', 1]] }],
  /** One record per message that must be delivered once (subscribe messages). */
  deliveries: [
    {
      name: 'recipient_at',
      keys: [
        ['touser', 1],
        ['at', -1],
      ],
    },
  ],
  /** Callback tasks (回访) after a resolution. */
  callbacks: [
    {
      name: 'community_status_due',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['dueAt', 1],
      ],
    },
    {
      name: 'assignee_status_due',
      keys: [
        ['assigneeStaffId', 1],
        ['status', 1],
        ['dueAt', 1],
      ],
    },
    { name: 'next_reminder', keys: [['nextReminderAt', 1]] },
    { name: 'ticket', keys: [['ticketId', 1]] },
  ],
  /** Every reminder decided by the timer, keyed so that each is decided once. */
  reminders: [
    {
      name: 'ticket_at',
      keys: [
        ['ticketId', 1],
        ['at', -1],
      ],
    },
  ],
  /** Superseded by `messages` (every notification goes through `_lib/notify.ts`); kept for old data. */
  resident_notices: [
    {
      name: 'openid_at',
      keys: [
        ['openid', 1],
        ['at', -1],
      ],
    },
  ],
  announcements: [
    {
      name: 'community_status_published',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['publishedAt', -1],
      ],
    },
    {
      name: 'community_created',
      keys: [
        ['communityId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'status_publish_at',
      keys: [
        ['status', 1],
        ['publishAt', 1],
      ],
    },
    {
      name: 'status_expires_at',
      keys: [
        ['status', 1],
        ['expiresAt', 1],
      ],
    },
    { name: 'broadcast_state', keys: [['broadcastState', 1]] },
  ],
  /** One delivery per (announcement, resident): a recipient never gets a notice twice. */
  announcement_deliveries: [
    {
      name: 'status_next',
      keys: [
        ['status', 1],
        ['nextAttemptAt', 1],
      ],
    },
    {
      name: 'announcement_status',
      keys: [
        ['announcementId', 1],
        ['status', 1],
      ],
    },
    {
      name: 'claim_status',
      keys: [
        ['claim', 1],
        ['status', 1],
      ],
    },
  ],
  announcement_reads: [
    { name: 'announcement', keys: [['announcementId', 1]] },
    { name: 'openid', keys: [['openid', 1]] },
  ],
  announcement_groups: [{ name: 'announcement', keys: [['announcementId', 1]] }],
  /** Upload slots: who was issued which file path, and what it is attached to (see _lib/files.ts). */
  uploads: [
    {
      name: 'owner_created',
      keys: [
        ['owner', 1],
        ['createdAt', -1],
      ],
    },
  ],
  /** Per-person rate-limit and guess counters, one per (scope, key, window); read by `_id` (`_lib/rate-limit.ts`). */
  rate_limits: [{ name: 'expires_at', keys: [['expiresAt', 1]] }],
  /** Superseded by `messages` (every notification now goes through `_lib/notify.ts`); kept for old data. */
  staff_notices: [
    {
      name: 'staff_read_at',
      keys: [
        ['staffId', 1],
        ['read', 1],
        ['at', -1],
      ],
    },
  ],
  /** 消息: one per (event, person), written only by `_lib/notify.ts`; `sk` = time then id (list order and cursor). */
  messages: [
    {
      name: 'openid_sk',
      keys: [
        ['openid', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'openid_read_sk',
      keys: [
        ['openid', 1],
        ['read', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'read_at',
      keys: [
        ['read', 1],
        ['at', 1],
      ],
    },
  ],
  /** Role-shared alerts: one per (event, community, role), read per person (alert_reads, inbox_marks). */
  alerts: [
    {
      name: 'community_role_sk',
      keys: [
        ['communityId', 1],
        ['role', 1],
        ['sk', -1],
      ],
    },
    { name: 'at', keys: [['at', 1]] },
  ],
  /** One per (alert, person) read above the person's mark. */
  alert_reads: [
    {
      name: 'openid_community_sk',
      keys: [
        ['openid', 1],
        ['communityId', 1],
        ['sk', 1],
      ],
    },
    { name: 'alert', keys: [['alertId', 1]] },
  ],
  /** Per (person, community): every role alert up to `upTo` (a sort key) counts as read ("全部已读"). */
  /** A person's marks are read by OPENID alongside resolving who they are (inbox.unread/list). */
  inbox_marks: [{ name: 'openid', keys: [['openid', 1]] }],
  // Community events (issue 14).
  events: [
    {
      name: 'community_start',
      keys: [
        ['communityId', 1],
        ['startAt', -1],
      ],
    },
    {
      name: 'status_reminder_start',
      keys: [
        ['status', 1],
        ['reminderSent', 1],
        ['startAt', 1],
      ],
    },
    {
      name: 'status_feedback_end',
      keys: [
        ['status', 1],
        ['feedbackSent', 1],
        ['endAt', 1],
      ],
    },
  ],
  /** One per event: the capacity, seats taken and the waitlist every sign-up and cancel serialises on. */
  event_counters: [],
  /** One per (event, household): `_id` is derived from both. */
  event_registrations: [
    {
      name: 'event_status_seq',
      keys: [
        ['eventId', 1],
        ['status', 1],
        ['seq', 1],
      ],
    },
    {
      name: 'event_code',
      keys: [
        ['eventId', 1],
        ['code', 1],
      ],
    },
    {
      name: 'unit_event',
      keys: [
        ['unitId', 1],
        ['eventId', 1],
      ],
    },
  ],
  /** One per (event, person). */
  event_feedback: [{ name: 'event', keys: [['eventId', 1]] }],
  /** Per unit: the household's age groups and interests (event recommendations and planning). */
  household_profiles: [],
  // Facilities (issue #15): assets, inspection plans/templates/rounds/readings, anomalies, maintenance plans/tasks/records.
  facility_systems: [{ name: 'community', keys: [['communityId', 1]] }],
  facility_assets: [
    { name: 'code', keys: [['code', 1]], unique: true },
    {
      name: 'community_system',
      keys: [
        ['communityId', 1],
        ['system', 1],
      ],
    },
    {
      name: 'community_regulated',
      keys: [
        ['communityId', 1],
        ['regulated', 1],
      ],
    },
  ],
  facility_plans: [
    {
      name: 'active_id',
      keys: [
        ['active', 1],
        ['_id', 1],
      ],
    },
    { name: 'community', keys: [['communityId', 1]] },
  ],
  facility_templates: [
    {
      name: 'plan_version',
      keys: [
        ['planId', 1],
        ['version', 1],
      ],
    },
  ],
  facility_rounds: [
    {
      name: 'community_status_window',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['windowStart', -1],
      ],
    },
    {
      name: 'status_id',
      keys: [
        ['status', 1],
        ['_id', 1],
      ],
    },
    {
      name: 'community_window',
      keys: [
        ['communityId', 1],
        ['windowStart', -1],
      ],
    },
  ],
  facility_readings: [
    { name: 'round', keys: [['roundId', 1]] },
    {
      name: 'asset_at',
      keys: [
        ['assetId', 1],
        ['at', -1],
      ],
    },
  ],
  facility_anomalies: [
    {
      name: 'asset_at',
      keys: [
        ['assetId', 1],
        ['at', -1],
      ],
    },
    {
      name: 'community_at',
      keys: [
        ['communityId', 1],
        ['at', -1],
      ],
    },
  ],
  facility_mplans: [
    {
      name: 'active_id',
      keys: [
        ['active', 1],
        ['_id', 1],
      ],
    },
    { name: 'community', keys: [['communityId', 1]] },
    { name: 'asset', keys: [['assetId', 1]] },
  ],
  facility_tasks: [
    {
      name: 'community_status_due',
      keys: [
        ['communityId', 1],
        ['status', 1],
        ['dueDate', 1],
      ],
    },
    {
      name: 'status_id',
      keys: [
        ['status', 1],
        ['_id', 1],
      ],
    },
    {
      name: 'asset_status_due',
      keys: [
        ['assetId', 1],
        ['status', 1],
        ['dueDate', 1],
      ],
    },
  ],
  facility_records: [
    {
      name: 'asset_done',
      keys: [
        ['assetId', 1],
        ['doneAt', -1],
      ],
    },
    {
      name: 'community_done',
      keys: [
        ['communityId', 1],
        ['doneAt', -1],
      ],
    },
  ],
  /** 客户沟通记录表: one per contact (a ticket log entry projected by `register`, or a desk-logged contact); `sk` = time then id. */
  register_entries: [
    {
      name: 'community_sk',
      keys: [
        ['communityId', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_building_sk',
      keys: [
        ['communityId', 1],
        ['building', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_type_sk',
      keys: [
        ['communityId', 1],
        ['type', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_category_sk',
      keys: [
        ['communityId', 1],
        ['category', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_staff_sk',
      keys: [
        ['communityId', 1],
        ['staffId', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_channel_sk',
      keys: [
        ['communityId', 1],
        ['channel', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_outcome_sk',
      keys: [
        ['communityId', 1],
        ['outcome', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'community_open_sk',
      keys: [
        ['communityId', 1],
        ['open', 1],
        ['sk', -1],
      ],
    },
    {
      name: 'ticket_open',
      keys: [
        ['ticketId', 1],
        ['open', 1],
      ],
    },
    { name: 'source', keys: [['source', 1]] },
  ],
  /** Period counters (北京时间 weeks and months) per community, building, department and person: `${community}:${period}:${dim}:${key}`. */
  register_stats: [
    {
      name: 'community_period_dim',
      keys: [
        ['communityId', 1],
        ['period', 1],
        ['dim', 1],
      ],
    },
  ],
  /** The projection's watermark. */
  register_state: [],
  /** Exports: who asked, the stored file, until when it may be fetched. */
  register_exports: [{ name: 'expires_at', keys: [['expiresAt', 1]] }],
  // Onboarding (issue #17): one-time setup codes (stored hashed), company admins (by OPENID),
  // imports (one per community, kind and uploaded file), the owner registry (产权人 and 共有人
  // per unit; a unit's 产权人 is also its ownerName/ownerPhone), imported staff (one invite per phone).
  setup_codes: [],
  company_admins: [],
  imports: [
    {
      name: 'status_lease',
      keys: [
        ['status', 1],
        ['leaseUntil', 1],
      ],
    },
  ],
  owner_registry: [
    {
      name: 'community_id',
      keys: [
        ['communityId', 1],
        ['_id', 1],
      ],
    },
    { name: 'unit', keys: [['unitId', 1]] },
  ],
  staff_roster: [
    {
      name: 'community_phone',
      keys: [
        ['communityId', 1],
        ['phone', 1],
      ],
    },
  ],
};
