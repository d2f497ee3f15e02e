/**
 * Issue #17, several communities per staff member: the community a call acts in comes from the
 * request envelope (`communityId`) and is checked against the caller's own staff records.
 *
 * Generated from the action catalogue (cloudfunctions/registry.ts): for EVERY staff action,
 * - a person who is staff only in A cannot choose B (FORBIDDEN, whatever the action);
 * - a person who is staff in A and B, acting with A chosen and handed B's ids, neither reads B's
 *   data (no answer carries it) nor changes it (B's documents are byte-identical afterwards);
 * and the same person with B chosen does see B (so the check can fail).
 */
import { z } from 'zod';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { STAFF_ROLES } from '../../src/domain/roles';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const A = 'cm-cuihu';
const B = 'cm-lanting';
const DUAL = 'o-mc-dual';
const A_ONLY = 'o-mc-aonly';
const START = '2026-03-02T02:00:00.000Z'; // Monday 10:00 北京时间
const ALL_ROLES = [...STAFF_ROLES];

/** Calls through the H5 gateway with the envelope's community choice. */
async function call(fn: string, action: string, data: unknown, openid: string, communityId?: string): Promise<any> {
  const res = await fetch(`${lc.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(communityId ? { action, data, communityId } : { action, data }),
  });
  return res.json();
}

/** B's ids, filled in once B's data exists. */
const bIds: Record<string, string> = {};
/** Strings that only B's data contains: an answer to a call acting in A must carry none of them. */
const B_MARKERS = ['u-lt-', 'st-lt-', 'm-seed-lt-', '阳台地漏返水', '兰亭苑停电通知', '孙丽', '钱进'];

const staffActions = Object.entries(FUNCTIONS).flatMap(([fn, actions]) =>
  Object.entries(actions)
    .filter(([, def]) => def.audience.some((a: string) => (STAFF_ROLES as readonly string[]).includes(a)))
    .map(([name, def]) => ({ fn, name, def })),
);

// ------------------------------------------------------------ inputs generated from the schemas

const STRING_CANDIDATES = ['13800001111', '08:30', '2026-03-03', '2026-03-03T10:00:00+08:00', 'ABCD2345', 'ABCD-EFGH-JKLM', 'abc-1', '1栋', '测试内容测试内容'];

/** The id of B's data a property of this name refers to. */
function idFor(key: string): string | undefined {
  if (key === 'communityId') return B;
  if (/^(ticketId|sourceTicketId)$/.test(key)) return bIds.ticket;
  if (/^(announcementId|noticeId)$/.test(key)) return bIds.notice;
  if (key === 'unitId') return 'u-lt-1-1-102';
  if (key === 'membershipId') return 'm-seed-lt-1';
  if (key === 'staffId' || key === 'assigneeStaffId' || key === 'toStaffId') return 'st-lt-desk';
  if (/Id$/.test(key) || key === 'id') return `${B}-${key}`;
  return undefined;
}

function sample(schema: any, key = ''): unknown {
  if (!schema || typeof schema !== 'object') return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined && schema.type !== 'object') return schema.default;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s: any) => s.type !== 'null') ?? alt[0], key);
  if (schema.allOf) return sample(schema.allOf[0], key);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = sample(schema.properties?.[k], k);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, 0);
      return Array.from({ length: n }, (_, i) => {
        const item = sample(Array.isArray(schema.prefixItems) ? schema.prefixItems[i] : schema.items, key);
        return typeof item === 'string' && n > 1 ? `${item}${i}`.slice(0, schema.items?.maxLength ?? 99) : item;
      });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.max(min, Math.min(1, schema.maximum ?? 1));
    }
    case 'boolean':
      return false;
    case 'string': {
      const id = idFor(key);
      const fits = (v: string) => v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? 1e9) && (!schema.pattern || new RegExp(schema.pattern).test(v));
      if (schema.format === 'date-time') return '2026-03-03T02:00:00.000Z';
      if (id && fits(id)) return id;
      if (/clientRequestId|requestKey/.test(key)) return `mc-${Math.random().toString(36).slice(2, 12)}`;
      const hit = STRING_CANDIDATES.find(fits);
      if (hit) return hit;
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
    default:
      return {};
  }
}

/** Inputs the schema walk cannot satisfy (refinements across fields): written by hand. */
const HAND: Record<string, () => unknown> = {
  'events.checkIn': () => ({ eventId: `${B}-event`, registrationId: `${B}-registration` }),
  'facilities.asset': () => ({ code: 'LTABCDEF2345' }),
  // Exactly one of phone or unit: B's unit (its members must not come back).
  'tickets.lookupCaller': () => ({ unitId: 'u-lt-1-1-102' }),
  'movein.reviewDocument': () => ({ bookingId: `${B}-booking`, kind: 'id_card', approve: false, reason: '照片不清晰' }),
  'movein.inspect': () => ({
    bookingId: `${B}-booking`,
    items: [{ room: 'living', item: 'walls', ok: true }],
    clientRequestId: 'mc-inspect-0001',
  }),
};

function inputFor(fn: string, name: string, def: { input: z.ZodType }): { ok: true; value: unknown } | { ok: false; why: string } {
  const hand = HAND[`${fn}.${name}`];
  const value = hand ? hand() : sample(z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }));
  const parsed = def.input.safeParse(value);
  return parsed.success ? { ok: true, value } : { ok: false, why: `${JSON.stringify(value)} → ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

// ------------------------------------------------------------ B's data and its snapshot

function snapshotOfB(): string {
  const e = lc.server.ctx.engine;
  const out: Record<string, unknown[]> = {};
  for (const coll of e.listCollections()) {
    const docs = e.find(coll, {}).filter((d: any) => JSON.stringify(d).includes(B) || B_MARKERS.some((m) => JSON.stringify(d).includes(m)));
    // DUAL's own record in B changes only through B (setOnDuty with A chosen touches A's).
    if (docs.length) out[coll] = docs;
  }
  return JSON.stringify(out);
}

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: START, frozen: true } });
  const e = lc.server.ctx.engine;
  const rec = (openid: string, communityId: string, name: string) => ({
    _id: `st-mc-${openid.slice(5)}-${communityId}`,
    openid,
    communityId,
    name,
    phone: '15900000001',
    roles: ALL_ROLES,
    active: true,
    onDuty: true,
    createdAt: new Date(START),
  });
  e.insert('staff', [rec(DUAL, A, '双城'), rec(DUAL, B, '双城'), rec(A_ONLY, A, '单城')]);
  // B's data, made through the functions as B's people would.
  const t = await call(
    'tickets',
    'create',
    {
      type: 'repair',
      category: 'plumbing_electric',
      description: '阳台地漏返水',
      location: { kind: 'home', unitId: 'u-lt-1-1-101' },
      contactPhone: '13800001000',
      subscribed: [],
      clientRequestId: 'mc-b-ticket-1',
    },
    'o-resident-lt-01',
  );
  expect(t.ok).toBe(true);
  bIds.ticket = t.data.ticketId;
  const n = await call(
    'announcements',
    'create',
    {
      type: 'reminder',
      title: '兰亭苑停电通知',
      summary: '请留意',
      body: '兰亭苑本周例行检修，请住户留意。兰亭苑本周例行检修，请住户留意。',
      scope: { kind: 'community' },
      pinned: false,
      clientRequestId: 'mc-b-notice-1',
    },
    'o-staff-desk-lt',
  );
  expect(n.ok).toBe(true);
  bIds.notice = n.data.announcementId;
}, 60_000);
afterAll(() => lc.stop());

test('the catalogue has staff actions, and an input is generated (or written by hand) for every one', () => {
  expect(staffActions.length).toBeGreaterThan(50);
  const missing = staffActions.map(({ fn, name, def }) => ({ at: `${fn}.${name}`, r: inputFor(fn, name, def) })).filter((x) => !x.r.ok);
  expect(missing.map((m) => `${m.at}: ${(m.r as any).why}`)).toEqual([]);
});

test('B is there to be seen when B is chosen (the control: the checks below can fail)', async () => {
  const queue = await call('tickets', 'get', { ticketId: bIds.ticket }, DUAL, B);
  expect(queue.ok).toBe(true);
  expect(JSON.stringify(queue.data)).toContain('阳台地漏返水');
  const me = await call('account', 'me', {}, DUAL, B);
  expect(me.data.staff.communityId).toBe(B);
  expect(me.data.staffCommunities.map((c: any) => c.communityId).sort()).toEqual([B, A].sort());
  // The same read with A chosen: B's ticket is not there.
  expect((await call('tickets', 'get', { ticketId: bIds.ticket }, DUAL, A)).error.code).toBe('NOT_FOUND');
  expect((await call('account', 'me', {}, DUAL, A)).data.staff.communityId).toBe(A);
});

describe('a person who is staff only in A cannot choose B', () => {
  test.each(staffActions.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s → FORBIDDEN', async (_label, { fn, name, def }) => {
    const input = inputFor(fn, name, def);
    if (!input.ok) throw new Error(input.why);
    const r = await call(fn, name, input.value, A_ONLY, B);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('FORBIDDEN');
    expect(r.error.details?.reason).toBe('community-not-staff');
  });

  test('nor a community that does not exist, nor can a resident gain anything by naming one', async () => {
    expect((await call('tickets', 'queueCounts', {}, A_ONLY, 'cm-nowhere')).error.code).toBe('FORBIDDEN');
    // A resident (no staff record) naming a community stays a resident: own tickets, no queue.
    expect((await call('tickets', 'listMine', {}, 'o-resident-lt-01', A)).ok).toBe(true);
    expect((await call('tickets', 'queueCounts', {}, 'o-resident-lt-01', B)).error.code).toBe('FORBIDDEN');
  });
});

describe('a person who is staff in A and B, acting with A chosen, cannot read or change B', () => {
  let before: string;
  const answers: { at: string; ok: boolean; code?: string; leaked: string[] }[] = [];

  beforeAll(async () => {
    before = snapshotOfB();
    for (const { fn, name, def } of staffActions) {
      const input = inputFor(fn, name, def);
      if (!input.ok) continue;
      const r = await call(fn, name, input.value, DUAL, A);
      const text = r.ok ? JSON.stringify(r.data) : '';
      answers.push({ at: `${fn}.${name}`, ok: r.ok, code: r.error?.code, leaked: B_MARKERS.filter((m) => text.includes(m)) });
    }
  }, 180_000);

  test('every staff action was tried, and many did their work in A (the walk is not just refusals)', () => {
    expect(answers.length).toBe(staffActions.length);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(staffActions.length / 4);
  });

  test('no answer carries B’s data', () => {
    expect(answers.filter((a) => a.leaked.length)).toEqual([]);
  });

  test('no call crashed on B’s ids (each is a clean answer or a clean refusal)', () => {
    expect(answers.filter((a) => a.code === 'INTERNAL')).toEqual([]);
  });

  test('B’s documents are exactly as they were', () => {
    expect(snapshotOfB()).toBe(before);
  });
});

describe('appointing an existing staff person to another community', () => {
  test('the company admin appoints A’s engineer to B; the engineer then switches between them', async () => {
    const e = lc.server.ctx.engine;
    e.insert('company_admins', [{ _id: 'o-mc-company', name: '公司管理员', active: true, createdAt: new Date(START), via: 'test' }]);
    // A community admin of B may not reach across (people span the company).
    expect((await call('onboarding', 'listPeople', {}, 'o-staff-desk-lt', B)).error.code).toBe('FORBIDDEN');
    expect((await call('onboarding', 'appointExisting', { communityId: B, staffId: 'st-eng2', roles: ['engineer'] }, 'o-staff-desk-lt', B)).error.code).toBe('FORBIDDEN');
    const people = await call('onboarding', 'listPeople', {}, 'o-mc-company');
    const eng2 = people.data.find((p: any) => p.name === '赵建国');
    expect(eng2.communities.map((c: any) => c.communityId)).toEqual([A]);
    const r = await call('onboarding', 'appointExisting', { communityId: B, staffId: eng2.staffId, roles: ['engineer', 'supervisor'] }, 'o-mc-company');
    expect(r.data).toMatchObject({ communityId: B, communityName: '兰亭苑', roles: ['engineer', 'supervisor'] });
    // Appointing again sets the roles on the same record: never a second one.
    await call('onboarding', 'appointExisting', { communityId: B, staffId: eng2.staffId, roles: ['engineer'] }, 'o-mc-company');
    expect(e.find('staff', { openid: 'o-staff-eng2', communityId: B })).toHaveLength(1);
    // Roles are per community.
    expect((await call('account', 'me', {}, 'o-staff-eng2', B)).data.staff.roles).toEqual(['engineer']);
    expect((await call('account', 'me', {}, 'o-staff-eng2', A)).data.staff.roles).toEqual(['engineer']);
    const inB = await call('tickets', 'get', { ticketId: bIds.ticket }, 'o-staff-eng2', B);
    expect(inB.ok).toBe(true);
    expect((await call('tickets', 'get', { ticketId: bIds.ticket }, 'o-staff-eng2', A)).error.code).toBe('NOT_FOUND');
  });

  test('an invite of a second community is redeemed as a second staff record, roles of its own', async () => {
    lc.server.ctx.engine.insert('invites', [
      {
        _id: 'MCINVITE',
        communityId: B,
        roles: ['security'],
        note: '',
        createdBy: 'o-staff-desk-lt',
        createdAt: new Date(START),
        expiresAt: new Date(Date.parse(START) + 86400_000),
      },
    ]);
    const r = await call('account', 'redeemInvite', { code: 'MCINVITE', name: '陈刚', phone: '15800000003' }, 'o-staff-sec');
    expect(r.data).toMatchObject({ communityId: B, roles: ['security'] });
    const me = await call('account', 'me', {}, 'o-staff-sec', A);
    expect(me.data.staff).toMatchObject({ communityId: A, roles: ['security'] });
    expect(me.data.staffCommunities).toHaveLength(2);
  });
});
