/**
 * One input contract: every client validator and the zod schema its form feeds run on the same
 * generated inputs (a fixed seed: the same cases every run) and must agree — both accept or both
 * refuse, and where the schema's first Chinese message names a field the form checks, the form shows
 * the same words there. Rules that only the form can see (a half-chosen visit window, uploads still
 * running, text that is not a number yet) are outside the schema's reach and are not generated.
 */
import fc from 'fast-check';
import { accountInputs, contactPhoneSchema, personNameSchema, phoneSchema } from '../../src/domain/identity';
import { announcementInputs } from '../../src/domain/announcements-api';
import { ANNOUNCEMENT_TYPES } from '../../src/domain/announcements';
import { ticketInputs } from '../../src/domain/tickets/api';
import { callbackInputs } from '../../src/domain/tickets/callbacks-api';
import { CATEGORY_BY_CODE, CATEGORIES } from '../../src/domain/tickets/catalog';
import { reportProblem } from '../../src/domain/tickets/report';
import { DEFAULT_SLA } from '../../src/domain/tickets/sla';
import { CALLBACK_ASSIGNEES, CALLBACK_POLICIES } from '../../src/domain/tickets/reminders';
import { RELATIONS } from '../../src/domain/roles';
import { CALLBACK_LIMITS, checkContactPhone, DURATION_UNITS } from '../../src/domain/limits-staff';
import { checkName, checkPhone } from '../../src/features/account/validate';
import { validateBinding, type BindingFields } from '../../src/features/binding/validate';
import { validateReport, type ReportFields } from '../../src/features/report/validate';
import { toInput, validate as validateNotice, type DraftForm } from '../../src/features/staff-notices/validate';
import { checkDraft as checkSla, GROUPS, kindsOf, toPayload as slaPayload, type Draft as SlaDraft } from '../../src/features/staff-sla/model';
import { checkRule } from '../../src/features/staff-routing/rules';
import { routingRuleSchema } from '../../src/domain/tickets/api';
import { DEPARTMENTS } from '../../src/domain/tickets/catalog';
import { ROUTING_MODES, type RoutingRule } from '../../src/domain/tickets/routing';
import { checkDraft as checkCallbacks, toPayload as callbackPayload, type Draft as CallbackDraft } from '../../src/features/staff-callback-settings/model';

const SEED = 20261202;
const RUNS = 400;
const run = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void) => fc.assert(fc.property(arb, check), { seed: SEED, numRuns: RUNS });

type Issue = { path: PropertyKey[]; message: string };
/** What the server side says: accepted, or its issues in order. */
type Verdict = { ok: true } | { ok: false; issues: Issue[] };
const fromZod = (r: { success: boolean; error?: { issues: Issue[] } }): Verdict => (r.success ? { ok: true } : { ok: false, issues: r.error!.issues });
const chinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

/**
 * Both accept or both refuse; the schema's first Chinese message, on a field the form checks, is the
 * form's message for that field.
 */
function agree(client: Record<string, string | undefined>, server: Verdict, fieldOf: (path: PropertyKey[]) => string | undefined, input: unknown) {
  const errors = Object.fromEntries(Object.entries(client).filter(([, v]) => v));
  const context = JSON.stringify({ input, client: errors, server }, null, 1);
  expect({ clientAccepts: Object.keys(errors).length === 0, serverAccepts: server.ok, context }).toEqual({ clientAccepts: server.ok, serverAccepts: server.ok, context });
  if (server.ok) return;
  const first = server.issues.find((i) => chinese(i.message));
  const field = first && fieldOf(first.path);
  if (field && field in errors) expect({ field, message: errors[field], context }).toEqual({ field, message: first.message, context });
}

// Values people type: empty, blank, Chinese, digits, over-long, padded.
const han = fc.constantFrom(...'水管漏了请尽快修理谢谢楼道灯不亮张伟李娜王芳');
const hanText = (max: number) => fc.array(han, { maxLength: max }).map((a) => a.join(''));
const typed = (max: number) =>
  fc.oneof(
    fc.constant(''),
    fc.constant('   '),
    hanText(max + 3),
    hanText(max + 3).map((s) => ` ${s} `),
    fc.string({ maxLength: max + 3 }),
    fc.integer({ min: max - 2, max: max + 2 }).map((n) => '字'.repeat(Math.max(n, 0))),
  );
const phone = fc.oneof(
  fc.stringMatching(/^1\d{10}$/),
  fc.stringMatching(/^1\d{10}$/).map((p) => ` ${p} `),
  fc.stringMatching(/^\d{0,12}$/),
  fc.string({ maxLength: 12 }),
);

describe('people: name and phone', () => {
  test('checkName ≡ personNameSchema', () => run(typed(20), (name) => agree({ name: checkName(name) }, fromZod(personNameSchema.safeParse(name)), () => 'name', name)));
  test('checkPhone ≡ phoneSchema', () => run(phone, (p) => agree({ phone: checkPhone(p) }, fromZod(phoneSchema.safeParse(p)), () => 'phone', p)));
  // Desk logging (代客登记): mobiles and landlines (区号-号码[-分机]).
  const contactPhone = fc.oneof(
    phone,
    fc.stringMatching(/^0\d{2,3}-?\d{6,9}(-\d{0,7})?$/),
    fc.stringMatching(/^0\d{2,3}-?\d{6,9}(-\d{0,7})?$/).map((p) => ` ${p} `),
    fc.stringMatching(/^[0-9-]{0,22}$/),
  );
  test('checkContactPhone ≡ contactPhoneSchema', () =>
    run(contactPhone, (p) => agree({ phone: checkContactPhone(p) }, fromZod(contactPhoneSchema.safeParse(p)), () => 'phone', p)));
});

describe('binding a home', () => {
  const fields: fc.Arbitrary<BindingFields> = fc.record({
    unitId: fc.option(fc.constantFrom('u-1-1-101', 'u-2-2-202'), { nil: null }),
    name: typed(20),
    phone,
    relation: fc.option(fc.constantFrom(...RELATIONS), { nil: null }),
  });
  test('validateBinding ≡ accountInputs.requestBinding', () =>
    run(fields, (f) => {
      const input = { ...(f.unitId ? { unitId: f.unitId } : {}), name: f.name, phone: f.phone, ...(f.relation ? { relation: f.relation } : {}), clientRequestId: 'bind-0001' };
      agree(validateBinding(f) as Record<string, string>, fromZod(accountInputs.requestBinding.safeParse(input)), (p) => String(p[0]), input);
    }));
});

describe('reporting a problem', () => {
  const PUBLIC = 'public';
  const fields: fc.Arbitrary<ReportFields> = fc
    .record({
      category: fc.option(fc.constantFrom(...CATEGORIES.map((c) => c.code)), { nil: null }),
      place: fc.option(fc.constantFrom('u-1-1-101', PUBLIC), { nil: null }),
      area: typed(40),
      phone,
      description: typed(500),
      photoCount: fc.integer({ min: 0, max: 9 }),
      hasVideo: fc.boolean(),
    })
    // Photos and a video never go together (the picker keeps them apart).
    .map((f) => ({ ...f, hasVideo: f.photoCount === 0 && f.hasVideo, emergency: !!(f.category && CATEGORY_BY_CODE.get(f.category)?.emergency), date: '', slot: null }));

  /** tickets.create up to the database: the input schema, then the report rule the function applies. */
  function server(input: Record<string, unknown>): Verdict {
    const parsed = ticketInputs.create.safeParse(input);
    if (!parsed.success) return fromZod(parsed);
    const cat = CATEGORY_BY_CODE.get(parsed.data.category)!;
    const problem = reportProblem({ emergency: !!cat.emergency, description: parsed.data.description, photoCount: parsed.data.photos.length, hasVideo: !!parsed.data.video });
    return problem ? { ok: false, issues: [{ path: ['description'], message: problem }] } : { ok: true };
  }
  const fieldOf = (p: PropertyKey[]) =>
    ({ category: 'category', location: p[1] === 'area' ? 'area' : 'place', contactPhone: 'phone', description: 'description', photos: 'photos' })[String(p[0])];

  test('validateReport ≡ ticketInputs.create + reportProblem (as useReportForm sends it)', () =>
    run(fields, (f) => {
      const cat = f.category ? CATEGORY_BY_CODE.get(f.category) : undefined;
      const input = {
        type: cat?.type ?? 'repair',
        ...(f.category ? { category: f.category } : {}),
        description: f.description.trim(),
        photos: Array.from({ length: f.photoCount }, (_, i) => `cloud://linli.bucket/uploads/p${i}.jpg`),
        ...(f.hasVideo ? { video: 'cloud://linli.bucket/uploads/v.mp4' } : {}),
        ...(f.place === PUBLIC ? { location: { kind: 'public', area: f.area.trim() } } : f.place ? { location: { kind: 'home', unitId: f.place } } : {}),
        contactPhone: f.phone.trim(),
        subscribed: [],
        clientRequestId: 'report-0001',
      };
      agree(validateReport(f) as Record<string, string>, server(input), fieldOf, input);
    }));

  test('a video alone is enough for both (the bug that made this contract)', () => {
    const f: ReportFields = {
      category: 'wall_leak',
      emergency: false,
      place: 'u-1-1-101',
      area: '',
      phone: '13800000001',
      description: '',
      photoCount: 0,
      hasVideo: true,
      date: '',
      slot: null,
    };
    expect(validateReport(f)).toEqual({});
    expect(
      server({
        type: 'repair',
        category: 'wall_leak',
        description: '',
        photos: [],
        video: 'cloud://b/v.mp4',
        location: { kind: 'home', unitId: 'u-1-1-101' },
        contactPhone: '13800000001',
        clientRequestId: 'report-0002',
      }),
    ).toEqual({ ok: true });
  });
});

describe('writing a notice', () => {
  const iso = fc.integer({ min: 0, max: 96 }).map((h) => new Date(Date.UTC(2026, 11, 10, h)).toISOString().replace('Z', '+00:00'));
  const draft: fc.Arbitrary<DraftForm> = fc.record({
    type: fc.constantFrom(...ANNOUNCEMENT_TYPES),
    title: typed(20),
    summary: typed(20),
    body: fc.oneof(
      typed(40),
      fc.integer({ min: 4998, max: 5002 }).map((n) => '正'.repeat(n)),
    ),
    scopeKind: fc.constantFrom('community', 'buildings', 'units', 'facilities') as fc.Arbitrary<DraftForm['scopeKind']>,
    buildings: fc.array(fc.constantFrom('1栋', '2栋', '3栋'), { maxLength: 3 }),
    unitIds: fc.array(fc.constantFrom('u-1-1-101', 'u-1-1-202'), { maxLength: 2 }),
    facilities: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 18, max: 22 }).map((n) => Array.from({ length: n }, (_, i) => `设施${i}`).join('、')),
      fc
        .array(
          fc.oneof(
            hanText(6),
            fc.integer({ min: 29, max: 31 }).map((n) => '设'.repeat(n)),
          ),
          { maxLength: 22 },
        )
        .map((a) => a.join('、')),
    ),
    reason: typed(200),
    startAt: fc.option(iso, { nil: null }),
    endAt: fc.option(iso, { nil: null }),
    pinned: fc.boolean(),
  });
  const fieldOf = (p: PropertyKey[]) => (p[0] === 'interruption' ? (p[1] === 'reason' ? 'reason' : p[1] === 'endAt' ? 'endAt' : undefined) : String(p[0]));
  test('validate ≡ announcementInputs.create (as the editor sends it)', () =>
    run(draft, (d) => {
      const input = { ...toInput(d, []), clientRequestId: 'notice-0001' };
      agree(validateNotice(d) as Record<string, string>, fromZod(announcementInputs.create.safeParse(input)), fieldOf, input);
    }));
});

describe('service levels', () => {
  const minutesText = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 43_195, max: 43_205 })).map(String);
  const overrideCodes = CATEGORIES.map((c) => c.code);
  const draft: fc.Arbitrary<SlaDraft> = fc.record({
    groups: fc.record(Object.fromEntries(GROUPS.map((g) => [g.key, fc.record(Object.fromEntries(g.kinds.map((k) => [k, minutesText])))])) as any),
    categories: fc
      .uniqueArray(fc.constantFrom(...overrideCodes), { maxLength: 3 })
      .chain((codes) => fc.tuple(...codes.map((code) => fc.record(Object.fromEntries(kindsOf(code).map((k) => [k, minutesText]))).map((values) => ({ code, values }))))),
    autoConfirmDays: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 28, max: 32 })).map(String),
  }) as fc.Arbitrary<SlaDraft>;
  const fieldOf = (p: PropertyKey[]) =>
    p[1] === 'categories' ? `cat.${String(p[2])}.${String(p[3])}` : p[1] === 'autoConfirmDays' ? 'autoConfirmDays' : `${String(p[1])}.${String(p[2])}`;
  test('checkDraft ≡ tickets.setSla (as the settings page sends it)', () =>
    run(draft, (d) => {
      const input = { sla: slaPayload(d, DEFAULT_SLA) };
      agree(checkSla(d), fromZod(ticketInputs.setSla.safeParse(input)), fieldOf, input);
    }));
  // The same, with each timer typed in a unit the admin picked (分钟/小时/天): numbers around both ends of the range in every unit.
  const unitText = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 800 }), fc.integer({ min: 28, max: 32 }), fc.integer({ min: 718, max: 722 })).map(String);
  const unit = fc.constantFrom(...DURATION_UNITS);
  const withUnits: fc.Arbitrary<SlaDraft> = draft.chain((d) => {
    const keys = [...GROUPS.flatMap((g) => g.kinds.map((k) => `${g.key}.${k}`)), ...d.categories.flatMap((o) => kindsOf(o.code).map((k) => `cat.${o.code}.${k}`))];
    return fc.tuple(fc.tuple(...keys.map(() => unit)), fc.tuple(...keys.map(() => unitText))).map(([units, texts]) => {
      const next: SlaDraft = { ...d, groups: structuredClone(d.groups), categories: structuredClone(d.categories), units: {} };
      keys.forEach((key, i) => {
        next.units![key] = units[i];
        const [head, a, b] = key.split('.');
        if (head === 'cat') next.categories.find((o) => o.code === a)!.values[b as keyof SlaDraft['groups']['repair']] = texts[i];
        else next.groups[head as keyof SlaDraft['groups']][a as keyof SlaDraft['groups']['repair']] = texts[i];
      });
      return next;
    });
  });
  test('checkDraft ≡ tickets.setSla with 小时/天 units (stored as minutes)', () =>
    run(withUnits, (d) => {
      const input = { sla: slaPayload(d, DEFAULT_SLA) };
      agree(checkSla(d), fromZod(ticketInputs.setSla.safeParse(input)), fieldOf, input);
    }));
});

describe('callback settings', () => {
  const whole = (l: { min: number; max: number }) => fc.oneof(fc.integer({ min: 0, max: l.max + 2 }), fc.integer({ min: l.max - 2, max: l.max + 2 })).map(String);
  const draft: fc.Arbitrary<CallbackDraft> = fc.record({
    policy: fc.record({ repair: fc.constantFrom(...CALLBACK_POLICIES), complaint: fc.constantFrom(...CALLBACK_POLICIES), consultation: fc.constantFrom(...CALLBACK_POLICIES) }),
    assignTo: fc.constantFrom(...CALLBACK_ASSIGNEES),
    dueHours: whole(CALLBACK_LIMITS.dueHours),
    maxAttempts: whole(CALLBACK_LIMITS.maxAttempts),
    confirmReminderHours: whole(CALLBACK_LIMITS.confirmReminderHours),
  });
  test('checkDraft ≡ callbacks.setSettings (as the settings page sends it)', () =>
    run(draft, (d) => {
      const input = callbackPayload(d);
      agree(checkCallbacks(d) as Record<string, string>, fromZod(callbackInputs.setSettings.safeParse(input)), (p) => String(p[0]), input);
    }));
});

describe('routing rules', () => {
  const rule: fc.Arbitrary<RoutingRule> = fc.record(
    {
      match: fc.constantFrom(...CATEGORIES.map((c) => c.code), 'emergency', 'repair'),
      department: fc.constantFrom(...DEPARTMENTS),
      mode: fc.constantFrom(...ROUTING_MODES),
      fixedStaffId: fc.option(fc.constantFrom('st-eng1', 'st-desk'), { nil: undefined }),
      grabFallbackMinutes: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 1, max: 240 }), fc.integer({ min: 238, max: 242 })),
    },
    { requiredKeys: ['match', 'department', 'mode', 'grabFallbackMinutes'] },
  ) as fc.Arbitrary<RoutingRule>;
  test('checkRule ≡ routingRuleSchema (one rule, as the editor sends it)', () =>
    run(rule, (r) => {
      const input = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
      agree(checkRule(r, []) as Record<string, string>, fromZod(routingRuleSchema.safeParse(input)), (p) => String(p[0]), input);
    }));
});
