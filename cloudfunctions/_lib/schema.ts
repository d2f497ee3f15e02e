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

/** An index: its name, its fields in order with 1 (ascending) or -1 (descending), and whether it is unique. */
function ix(name: string, fields: Record<string, 1 | -1>, options: { unique?: true } = {}): IndexSpec {
  return { name, keys: Object.entries(fields), ...options };
}

/**
 * A filtered list's indexes, one a filter: the community, the filtered field, then `order` newest
 * first; named `community_<filter>_<suffix>` (filters maps each name part to its field).
 */
function filterIndexes(order: string, suffix: string, filters: Record<string, string>): IndexSpec[] {
  return Object.entries(filters).map(([part, field]) => ix(`community_${part}_${suffix}`, { communityId: 1, [field]: 1, [order]: -1 }));
}

export const COLLECTIONS: Record<string, IndexSpec[]> = {
  communities: [],
  units: [ix('community_building', { communityId: 1, building: 1, unitNo: 1, room: 1 })],
  memberships: [
    ix('openid_status', { openid: 1, status: 1 }),
    ix('unit_status', { unitId: 1, status: 1 }),
    ix('community_status_created', { communityId: 1, status: 1, createdAt: -1 }),
    ix('request_key', { requestKey: 1 }),
    // 绑定审核 history (issue #12): decided requests by decision time.
    ix('community_status_decided', { communityId: 1, status: 1, decidedAt: -1 }),
    // The desk's caller lookup by phone (issue #12).
    ix('community_phone_status', { communityId: 1, phone: 1, status: 1 }),
  ],
  staff: [ix('openid', { openid: 1 }), ix('community_active', { communityId: 1, active: 1 })],
  invites: [ix('community_created', { communityId: 1, createdAt: -1 })],
  // movein (issue #13): batches, their daily slots, bookings, and one hold per (batch, unit).
  movein_batches: [ix('community_created', { communityId: 1, createdAt: -1 })],
  movein_slots: [ix('batch_start', { batchId: 1, startAt: 1 })],
  movein_bookings: [ix('batch', { batchId: 1 }), ix('openid', { openid: 1 }), ix('slot_start', { slotStartAt: 1 })],
  movein_holds: [],
  audit_log: [ix('community_at', { communityId: 1, at: -1 })],
  tickets: [
    ix('community_status_created', { communityId: 1, status: 1, createdAt: -1 }),
    ix('community_open_created', { communityId: 1, open: 1, createdAt: -1 }),
    ix('community_open_due', { communityId: 1, open: 1, nextDueAt: 1 }),
    ix('assignee_open_due', { assigneeStaffId: 1, open: 1, nextDueAt: 1 }),
    ix('owner_status_updated', { ownerStaffId: 1, status: 1, updatedAt: -1 }),
    ix('pool', { communityId: 1, department: 1, status: 1, pool: 1, createdAt: -1 }),
    ix('reporter_created', { reporterOpenid: 1, createdAt: -1 }),
    ix('unit_created', { unitId: 1, createdAt: -1 }),
    ix('grab_deadline', { status: 1, grabDeadline: 1 }),
    ix('auto_confirm', { status: 1, autoConfirmAt: 1 }),
    ix('next_reminder', { nextReminderAt: 1 }),
    ix('callback_due', { callbackDue: 1, resolvedAt: 1 }),
    ix('confirm_reminder', { confirmReminderAt: 1 }),
    // Staff search (issue #12): each kind of text and filter its own index, newest first.
    ix('community_created', { communityId: 1, createdAt: -1 }),
    ...filterIndexes('createdAt', 'created', { phone: 'contactPhone', name: 'contactName', no: 'no', type: 'type', category: 'category' }),
    // Queues sorted most urgent first, read in index order by the stored rank (`urgency`): 未完成 / 即将超时 / 已超时
    // for the community, 派给我 (and an engineer's 即将超时 / 已超时), 待派单. `_id` breaks ties (tickets opened together).
    ix('community_open_urgency', { communityId: 1, open: 1, urgency: 1, nextDueAt: 1, createdAt: -1, _id: 1 }),
    ix('assignee_open_urgency', { assigneeStaffId: 1, open: 1, urgency: 1, nextDueAt: 1, createdAt: -1, _id: 1 }),
    ix('community_status_urgency', { communityId: 1, status: 1, urgency: 1, nextDueAt: 1, createdAt: -1, _id: 1 }),
  ],
  /** The communication log (《客户沟通记录表》): every step of every ticket. */
  ticket_events: [
    ix('ticket_seq', { ticketId: 1, seq: 1 }),
    ix('community_at', { communityId: 1, at: -1 }),
    /** The register's projection reads the log in time order from its watermark. */
    ix('at_ticket_seq', { at: 1, ticketId: 1, seq: 1 }),
  ],
  routing_rules: [],
  counters: [],
  /** Subscribe-message consents left, per user and template. */
  subscriptions: [ix('openid', { openid: 1 })],
  /** One record per message that must be delivered once (subscribe messages). */
  deliveries: [ix('recipient_at', { touser: 1, at: -1 })],
  /** Callback tasks (回访) after a resolution. */
  callbacks: [
    ix('community_status_due', { communityId: 1, status: 1, dueAt: 1 }),
    ix('assignee_status_due', { assigneeStaffId: 1, status: 1, dueAt: 1 }),
    ix('next_reminder', { nextReminderAt: 1 }),
    ix('ticket', { ticketId: 1 }),
  ],
  /** Every reminder decided by the timer, keyed so that each is decided once. */
  reminders: [ix('ticket_at', { ticketId: 1, at: -1 })],
  /** Superseded by `messages` (every notification goes through `_lib/notify.ts`); kept for old data. */
  resident_notices: [ix('openid_at', { openid: 1, at: -1 })],
  announcements: [
    ix('community_status_published', { communityId: 1, status: 1, publishedAt: -1 }),
    ix('community_created', { communityId: 1, createdAt: -1 }),
    ix('status_publish_at', { status: 1, publishAt: 1 }),
    ix('status_expires_at', { status: 1, expiresAt: 1 }),
    ix('broadcast_state', { broadcastState: 1 }),
  ],
  /** One delivery per (announcement, resident): a recipient never gets a notice twice. */
  announcement_deliveries: [
    ix('status_next', { status: 1, nextAttemptAt: 1 }),
    ix('announcement_status', { announcementId: 1, status: 1 }),
    ix('claim_status', { claim: 1, status: 1 }),
  ],
  announcement_reads: [ix('announcement', { announcementId: 1 }), ix('openid', { openid: 1 })],
  announcement_groups: [ix('announcement', { announcementId: 1 })],
  /** Upload slots: who was issued which file path, and what it is attached to (see _lib/files.ts). */
  uploads: [ix('owner_created', { owner: 1, createdAt: -1 })],
  /** Per-person rate-limit and guess counters, one per (scope, key, window); read by `_id` (`_lib/rate-limit.ts`). */
  rate_limits: [ix('expires_at', { expiresAt: 1 })],
  /** Superseded by `messages` (every notification now goes through `_lib/notify.ts`); kept for old data. */
  staff_notices: [ix('staff_read_at', { staffId: 1, read: 1, at: -1 })],
  /** 消息: one per (event, person), written only by `_lib/notify.ts`; `sk` = time then id (list order and cursor). */
  messages: [ix('openid_sk', { openid: 1, sk: -1 }), ix('openid_read_sk', { openid: 1, read: 1, sk: -1 }), ix('read_at', { read: 1, at: 1 })],
  /** Role-shared alerts: one per (event, community, role), read per person (alert_reads, inbox_marks). */
  alerts: [ix('community_role_sk', { communityId: 1, role: 1, sk: -1 }), ix('at', { at: 1 })],
  /** One per (alert, person) read above the person's mark. */
  alert_reads: [ix('openid_community_sk', { openid: 1, communityId: 1, sk: 1 }), ix('alert', { alertId: 1 })],
  /** Per (person, community): every role alert up to `upTo` (a sort key) counts as read ("全部已读"). */
  /** A person's marks are read by OPENID alongside resolving who they are (inbox.unread/list). */
  inbox_marks: [ix('openid', { openid: 1 })],
  // Community events (issue 14).
  events: [
    ix('community_start', { communityId: 1, startAt: -1 }),
    ix('status_reminder_start', { status: 1, reminderSent: 1, startAt: 1 }),
    ix('status_feedback_end', { status: 1, feedbackSent: 1, endAt: 1 }),
  ],
  /** One per event: the capacity, seats taken and the waitlist every sign-up and cancel serialises on. */
  event_counters: [],
  /** One per (event, household): `_id` is derived from both. */
  event_registrations: [ix('event_status_seq', { eventId: 1, status: 1, seq: 1 }), ix('event_code', { eventId: 1, code: 1 }), ix('unit_event', { unitId: 1, eventId: 1 })],
  /** One per (event, person). */
  event_feedback: [ix('event', { eventId: 1 })],
  /** Per unit: the household's age groups and interests (event recommendations and planning). */
  household_profiles: [],
  // Facilities (issue #15): assets, inspection plans/templates/rounds/readings, anomalies, maintenance plans/tasks/records.
  facility_systems: [ix('community', { communityId: 1 })],
  facility_assets: [ix('code', { code: 1 }, { unique: true }), ix('community_system', { communityId: 1, system: 1 }), ix('community_regulated', { communityId: 1, regulated: 1 })],
  facility_plans: [ix('active_id', { active: 1, _id: 1 }), ix('community', { communityId: 1 })],
  facility_templates: [ix('plan_version', { planId: 1, version: 1 })],
  facility_rounds: [
    ix('community_status_window', { communityId: 1, status: 1, windowStart: -1 }),
    ix('status_id', { status: 1, _id: 1 }),
    ix('community_window', { communityId: 1, windowStart: -1 }),
  ],
  facility_readings: [ix('round', { roundId: 1 }), ix('asset_at', { assetId: 1, at: -1 })],
  facility_anomalies: [ix('asset_at', { assetId: 1, at: -1 }), ix('community_at', { communityId: 1, at: -1 })],
  facility_mplans: [ix('active_id', { active: 1, _id: 1 }), ix('community', { communityId: 1 }), ix('asset', { assetId: 1 })],
  facility_tasks: [
    ix('community_status_due', { communityId: 1, status: 1, dueDate: 1 }),
    ix('status_id', { status: 1, _id: 1 }),
    ix('asset_status_due', { assetId: 1, status: 1, dueDate: 1 }),
  ],
  facility_records: [ix('asset_done', { assetId: 1, doneAt: -1 }), ix('community_done', { communityId: 1, doneAt: -1 })],
  /** 客户沟通记录表: one per contact (a ticket log entry projected by `register`, or a desk-logged contact); `sk` = time then id. */
  register_entries: [
    ix('community_sk', { communityId: 1, sk: -1 }),
    ...filterIndexes('sk', 'sk', { building: 'building', type: 'type', category: 'category', staff: 'staffId', channel: 'channel', outcome: 'outcome', open: 'open' }),
    ix('ticket_open', { ticketId: 1, open: 1 }),
    ix('source', { source: 1 }),
  ],
  /** Period counters (北京时间 weeks and months) per community, building, department and person: `${community}:${period}:${dim}:${key}`. */
  register_stats: [ix('community_period_dim', { communityId: 1, period: 1, dim: 1 })],
  /** The projection's watermark. */
  register_state: [],
  /** Exports: who asked, the stored file, until when it may be fetched. */
  register_exports: [ix('expires_at', { expiresAt: 1 }), ix('status', { status: 1 })],
  // Onboarding (issue #17): one-time setup codes (stored hashed), company admins (by OPENID),
  // imports (one per community, kind and uploaded file), the owner registry (产权人 and 共有人
  // per unit; a unit's 产权人 is also its ownerName/ownerPhone), imported staff (one invite per phone).
  setup_codes: [],
  company_admins: [],
  imports: [ix('status_lease', { status: 1, leaseUntil: 1 })],
  owner_registry: [ix('community_id', { communityId: 1, _id: 1 }), ix('unit', { unitId: 1 })],
  staff_roster: [ix('community_phone', { communityId: 1, phone: 1 })],
  /** Rows a background register export has read so far, one page (999) a part, until its file is built. */
  register_export_parts: [ix('export_part', { exportId: 1, part: 1 })],
};

/** The tickets timer's walk over tickets stored before their queue order (`urgency`): how far it got, and whether it is done. */
export const URGENCY_BACKFILL_ID = 'backfill:tickets.urgency';

/**
 * What a collection created by this schema starts with: a `tickets` collection created new has
 * never held a ticket without `urgency`, so the walk that ranks older tickets is done before it starts.
 */
export const FRESH_DOCS: Record<string, { collection: string; doc: Record<string, unknown> & { _id: string } }[]> = {
  tickets: [{ collection: 'counters', doc: { _id: URGENCY_BACKFILL_ID, done: true } }],
};
