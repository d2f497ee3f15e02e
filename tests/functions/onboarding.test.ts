import { hashSetupCode } from '../../cloudfunctions/_lib/setup-code';
import { generateUnits } from '../../src/domain/onboarding';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { bootstrap, runImport, uploadImport, xlsx } from '../helpers/onboarding';

let lc: LocalCloudBase;
const ADMIN = 'o-company-admin';
const STRANGER = 'o-stranger';
const CM_ADMIN = 'o-cm-admin';
const OTHER_ADMIN = 'o-other-admin';
let cm: string;
let other: string;

const call = (action: string, data: unknown, openid: string) => lc.call('onboarding', action, data, openid);

beforeAll(async () => {
  lc = await startLocal({ seed: false });
}, 60000);
afterAll(() => lc?.stop());

describe('unit patterns (domain)', () => {
  test('skipped floors keep counting up, shops sit on the ground floor', () => {
    const units = generateUnits({ buildings: 1, unitsPerBuilding: 1, floors: 5, roomsPerFloor: 2, skipFloors: [4], shopsPerBuilding: 2, firstBuilding: 3 });
    expect(units.map((u) => u.label)).toEqual([
      '3栋1单元S01',
      '3栋1单元S02',
      '3栋1单元101',
      '3栋1单元102',
      '3栋1单元201',
      '3栋1单元202',
      '3栋1单元301',
      '3栋1单元302',
      '3栋1单元501',
      '3栋1单元502',
      '3栋1单元601',
      '3栋1单元602',
    ]);
    const tall = generateUnits({ buildings: 2, unitsPerBuilding: 2, floors: 30, roomsPerFloor: 4, skipFloors: [4, 13, 14], shopsPerBuilding: 0, firstBuilding: 1 });
    expect(tall).toHaveLength(2 * 2 * 30 * 4);
    const floors = new Set(tall.map((u) => u.floor));
    for (const f of [4, 13, 14]) expect(floors.has(f)).toBe(false);
    expect(Math.max(...floors)).toBe(33);
    expect(new Set(tall.map((u) => u.label)).size).toBe(tall.length);
  });
});

describe('first admin', () => {
  test('the bootstrap code makes its first redeemer the company admin, once', async () => {
    const before = await call(
      'createCommunity',
      { name: '星河湾', address: '上海市浦东新区星河路 1 号', hotline: '021-50000000', deskHours: { open: '08:30', close: '17:30' }, clientRequestId: 'req-0000001' },
      ADMIN,
    );
    expect(before.error.code).toBe('FORBIDDEN');
    const out = await bootstrap(lc);
    expect(out.code).toMatch(/^[A-Z2-9]{12}$/);
    // Stored hashed: the code itself is nowhere in the database.
    const stored = (await lc.db.collection('setup_codes').get()).data;
    expect(JSON.stringify(stored)).not.toContain(out.code);
    expect(stored.map((d: any) => d._id)).toContain(hashSetupCode(out.code!));

    const typed = out.code!.match(/.{4}/g)!.join('-').toLowerCase();
    const ok = await call('redeemSetupCode', { code: typed, name: '公司管理员' }, ADMIN);
    expect(ok).toEqual({ ok: true, data: { companyAdmin: true, name: '公司管理员' } });
    const again = await call('redeemSetupCode', { code: out.code, name: '第二个人' }, STRANGER);
    expect(again.ok).toBe(false);
    expect(again.error.code).toBe('CONFLICT');
    expect((await call('me', {}, STRANGER)).data.companyAdmin).toBe(false);
    expect((await call('me', {}, ADMIN)).data.companyAdmin).toBe(true);

    // With an admin in place the script issues nothing without --force.
    const refused = await bootstrap(lc);
    expect(refused.code).toBeNull();
    expect(refused.stderr).toContain('already has a company admin');
  }, 60000);

  test('an expired code is refused', async () => {
    const code = 'EXPRD2345678';
    await lc.db
      .collection('setup_codes')
      .add({ _id: hashSetupCode(code), createdAt: new Date(Date.now() - 2 * 86400_000), expiresAt: new Date(Date.now() - 86400_000), redeemedBy: null, revoked: false });
    const r = await call('redeemSetupCode', { code, name: '过期' }, 'o-late');
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toContain('过期');
    expect((await call('me', {}, 'o-late')).data.companyAdmin).toBe(false);
  });

  test('guessing is refused and rate-limited', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await call('redeemSetupCode', { code: `GUESS${i}234567`, name: '猜' }, 'o-guesser')).error.code);
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
    expect((await call('me', {}, 'o-guesser')).data.companyAdmin).toBe(false);
  });
});

describe('communities and staff', () => {
  const fields = { address: '上海市浦东新区星河路 1 号', hotline: '021-50000000', deskHours: { open: '08:30', close: '17:30' } };
  test('only the company admin creates communities; a retry creates nothing new', async () => {
    const a = await call('createCommunity', { name: '星河湾', ...fields, clientRequestId: 'req-0000001' }, ADMIN);
    expect(a.ok).toBe(true);
    expect(a.data.timezone).toBe('Asia/Shanghai');
    const retry = await call('createCommunity', { name: '星河湾', ...fields, clientRequestId: 'req-0000001' }, ADMIN);
    expect(retry.data.id).toBe(a.data.id);
    cm = a.data.id;
    other = (await call('createCommunity', { name: '枫林苑', ...fields, clientRequestId: 'req-0000002' }, ADMIN)).data.id;
    expect((await lc.db.collection('communities').count()).total).toBe(2);
    expect((await call('createCommunity', { name: '黑', ...fields, clientRequestId: 'req-0000003' }, STRANGER)).error.code).toBe('FORBIDDEN');
  });

  test('the company admin appoints community admins through invites account redeems', async () => {
    for (const [openid, communityId, name] of [
      [CM_ADMIN, cm, '小区经理'],
      [OTHER_ADMIN, other, '外小区经理'],
    ]) {
      const inv = await call('appointStaff', { communityId, roles: ['admin', 'supervisor'] }, ADMIN);
      expect(inv.ok).toBe(true);
      const red = await lc.call('account', 'redeemInvite', { code: inv.data.code, name, phone: '13800001111' }, openid);
      expect(red.ok).toBe(true);
    }
    // A stranger and another community's admin cannot appoint here.
    expect((await call('appointStaff', { communityId: cm, roles: ['admin'] }, STRANGER)).error.code).toBe('FORBIDDEN');
    expect((await call('appointStaff', { communityId: cm, roles: ['desk'] }, OTHER_ADMIN)).error.code).toBe('FORBIDDEN');
    // Its own admin invites a desk member.
    expect((await call('appointStaff', { communityId: cm, roles: ['desk'] }, CM_ADMIN)).ok).toBe(true);
    const list = await call('listCommunities', {}, ADMIN);
    expect(list.data.map((c: any) => c.name)).toEqual(['星河湾', '枫林苑']);
    expect(list.data[0].counts).toEqual({ units: 0, owners: 0, residents: 0, staff: 1, openTickets: 0 });
    const own = await call('listCommunities', {}, CM_ADMIN);
    expect(own.data.map((c: any) => c.id)).toEqual([cm]);
  });
});

describe('units', () => {
  const pattern = { buildings: 2, unitsPerBuilding: 1, floors: 5, roomsPerFloor: 2, skipFloors: [4], shopsPerBuilding: 1 };
  test('generate from a pattern with a preview; twice writes nothing new', async () => {
    const pre = await call('previewUnits', { communityId: cm, pattern }, CM_ADMIN);
    expect(pre.data).toMatchObject({ total: 22, create: 22, existing: 0, shops: 2, floors: [1, 2, 3, 5, 6] });
    expect((await lc.db.collection('units').where({ communityId: cm }).count()).total).toBe(0);
    expect((await call('generateUnits', { communityId: cm, pattern }, CM_ADMIN)).data.created).toBe(22);
    expect((await call('generateUnits', { communityId: cm, pattern }, ADMIN)).data.created).toBe(0);
    expect((await lc.db.collection('units').where({ communityId: cm }).count()).total).toBe(22);
    expect((await call('previewUnits', { communityId: cm, pattern }, CM_ADMIN)).data).toMatchObject({ create: 0, existing: 22 });
  });

  test("only that community's admins (or the company admin) change its units", async () => {
    expect((await call('generateUnits', { communityId: cm, pattern }, OTHER_ADMIN)).error.code).toBe('FORBIDDEN');
    expect((await call('addUnit', { communityId: cm, building: '9', unitNo: '1', room: '101' }, OTHER_ADMIN)).error.code).toBe('FORBIDDEN');
    const added = await call('addUnit', { communityId: cm, building: '9', unitNo: '1', room: '101' }, CM_ADMIN);
    expect(added.data.label).toBe('9栋1单元101');
    expect((await call('addUnit', { communityId: cm, building: '9栋', unitNo: '1单元', room: '101' }, CM_ADMIN)).error.code).toBe('CONFLICT');
    expect((await call('renameUnit', { unitId: added.data.id, room: '102' }, OTHER_ADMIN)).error.code).toBe('FORBIDDEN');
    expect((await call('renameUnit', { unitId: added.data.id, room: '102' }, CM_ADMIN)).data.label).toBe('9栋1单元102');
    expect((await call('removeUnit', { unitId: added.data.id }, STRANGER)).error.code).toBe('FORBIDDEN');
    expect((await call('removeUnit', { unitId: added.data.id }, ADMIN)).ok).toBe(true);
    expect((await lc.db.collection('units').doc(added.data.id).get()).data).toHaveLength(0);
  });
});

describe('Excel import', () => {
  const UNITS = ['楼栋', '单元', '房号', '楼层', '类型'];
  const OWNERS = ['楼栋', '单元', '房号', '姓名', '手机号', '身份'];
  let unitsFile: Buffer;

  test('units: preview lists row errors in Chinese and writes nothing; the import writes valid rows once', async () => {
    unitsFile = await xlsx(UNITS, [
      ['3栋', '1单元', '101', 1, '住宅'],
      ['3栋', '1单元', '102', 1, '住宅'],
      ['3栋', '1单元', '101', 1, '住宅'], // duplicate of row 2
      ['3栋', '', '201', 2, '住宅'], // no unit
      ['3栋', '2单元', '201', 'two', '住宅'], // floor not a number
      ['3', '1', 'S01', 1, '商铺'],
    ]);
    const fileID = await uploadImport(lc, CM_ADMIN, cm, unitsFile);
    const before = (await lc.db.collection('units').where({ communityId: cm }).count()).total;
    const pre = await call('previewImport', { communityId: cm, kind: 'units', fileID }, CM_ADMIN);
    expect(pre.ok).toBe(true);
    expect(pre.data).toMatchObject({ total: 6, valid: 3, errorCount: 3, plan: { create: 3, unchanged: 0 } });
    expect(pre.data.errors).toEqual([
      { row: 4, column: '房号', message: '房屋重复：3栋1单元101 与第 2 行相同' },
      { row: 5, column: '单元', message: '单元不能为空' },
      { row: 6, column: '楼层', message: '楼层应为数字：「two」' },
    ]);
    expect((await lc.db.collection('units').where({ communityId: cm }).count()).total).toBe(before);

    const done = await runImport(lc, CM_ADMIN, pre.data.importId);
    expect(done.data).toMatchObject({ status: 'done', result: { created: 3, updated: 0, unchanged: 0 } });
    expect((await lc.db.collection('units').where({ communityId: cm, building: '3栋' }).count()).total).toBe(3);

    // The same file again: a new upload, everything unchanged, nothing written.
    const again = await uploadImport(lc, CM_ADMIN, cm, unitsFile);
    const pre2 = await call('previewImport', { communityId: cm, kind: 'units', fileID: again }, CM_ADMIN);
    expect(pre2.data.plan).toEqual({ create: 0, update: 0, unchanged: 3 });
    const done2 = await runImport(lc, CM_ADMIN, pre2.data.importId);
    expect(done2.data.result).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect((await lc.db.collection('units').where({ communityId: cm }).count()).total).toBe(before + 3);
  }, 60000);

  test('owners: unknown building, wrong unit, malformed phone → errors; imported owners are what binding matches', async () => {
    const file = await xlsx(OWNERS, [
      ['1栋', '1单元', '101', '王建国', '13900001111', '产权人'],
      ['1栋', '1单元', '101', '李秀英', '13900002222', '共有人'],
      ['1栋', '1单元', '102', '赵敏', '1390000', '产权人'], // malformed phone
      ['8栋', '1单元', '101', '钱多', '13900003333', '产权人'], // unknown building
      ['1栋', '1单元', '999', '孙某', '13900004444', '产权人'], // no such unit
      ['1栋', '1单元', '101', '周某', '13900005555', '产权人'], // second 产权人
    ]);
    const fileID = await uploadImport(lc, CM_ADMIN, cm, file);
    const pre = await call('previewImport', { communityId: cm, kind: 'owners', fileID }, CM_ADMIN);
    expect(pre.data).toMatchObject({ total: 6, valid: 2, errorCount: 4 });
    expect(pre.data.errors.map((e: any) => [e.row, e.column])).toEqual([
      [4, '手机号'],
      [5, '楼栋'],
      [6, '房号'],
      [7, '身份'],
    ]);
    expect(pre.data.errors[1].message).toContain('本小区没有「8栋」');
    expect((await lc.db.collection('owner_registry').count()).total).toBe(0);

    const done = await runImport(lc, CM_ADMIN, pre.data.importId);
    expect(done.data.result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const unit = (await lc.db.collection('units').where({ communityId: cm, building: '1栋', unitNo: '1单元', room: '101' }).get()).data[0];
    expect(unit).toMatchObject({ ownerName: '王建国', ownerPhone: '13900001111' });

    // Re-importing the same file changes nothing.
    const again = await uploadImport(lc, CM_ADMIN, cm, file);
    const pre2 = await call('previewImport', { communityId: cm, kind: 'owners', fileID: again }, CM_ADMIN);
    const done2 = await runImport(lc, CM_ADMIN, pre2.data.importId);
    expect(done2.data.result).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await lc.db.collection('owner_registry').count()).total).toBe(2);

    // A resident binds to the imported unit by the registry match, unchanged binding code.
    const bind = await lc.call(
      'account',
      'requestBinding',
      { unitId: unit._id, name: '王建国', phone: '13900001111', relation: 'owner', clientRequestId: 'bind-000001' },
      'o-owner-wang',
    );
    expect(bind.ok).toBe(true);
    expect(bind.data.status).toBe('approved');
  }, 60000);

  test('an import file is only usable by its uploader, for its community; wrong columns are refused', async () => {
    const file = await xlsx(['楼栋', '房号'], [['1栋', '101']]);
    const fileID = await uploadImport(lc, CM_ADMIN, cm, file);
    const wrong = await call('previewImport', { communityId: cm, kind: 'units', fileID }, CM_ADMIN);
    expect(wrong.data.errors.map((e: any) => e.column)).toEqual(['单元', '楼层', '类型']);
    expect(wrong.data.valid).toBe(0);
    // Another community's admin cannot use it, neither for this community nor theirs.
    expect((await call('previewImport', { communityId: cm, kind: 'units', fileID }, OTHER_ADMIN)).error.code).toBe('FORBIDDEN');
    expect((await call('previewImport', { communityId: other, kind: 'units', fileID }, OTHER_ADMIN)).error.code).toBe('INVALID_INPUT');
    // The company admin did not upload it either.
    expect((await call('previewImport', { communityId: cm, kind: 'units', fileID }, ADMIN)).error.code).toBe('INVALID_INPUT');
    // Nor can someone confirm another's import.
    expect((await call('confirmImport', { importId: wrong.data.importId }, ADMIN)).error.code).toBe('NOT_FOUND');
    // A non-spreadsheet is refused with a Chinese message.
    const junk = await uploadImport(lc, CM_ADMIN, cm, Buffer.from('not a spreadsheet'));
    const bad = await call('previewImport', { communityId: cm, kind: 'units', fileID: junk }, CM_ADMIN);
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.message).toContain('.xlsx');
  }, 60000);

  test('xlsx upload slots exist for imports only', async () => {
    const t = await lc.call('tickets', 'prepareUpload', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, CM_ADMIN);
    expect(t.ok).toBe(false);
  });

  test('staff: one invite per phone, re-import issues none twice', async () => {
    const file = await xlsx(
      ['姓名', '手机号', '角色'],
      [
        ['客服小刘', '13700001111', '客服'],
        ['工程老周', '13700002222', '工程、秩序'],
        ['无角色', '13700003333', '厨师'],
      ],
    );
    const run = async () => {
      const fileID = await uploadImport(lc, CM_ADMIN, cm, file);
      const pre = await call('previewImport', { communityId: cm, kind: 'staff', fileID }, CM_ADMIN);
      expect(pre.data.errors).toEqual([{ row: 4, column: '角色', message: expect.stringContaining('厨师') }]);
      return runImport(lc, CM_ADMIN, pre.data.importId);
    };
    const first = await run();
    expect(first.data.result.created).toBe(2);
    const second = await run();
    expect(second.data.result).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.data.invites.map((i: any) => i.code)).toEqual(first.data.invites.map((i: any) => i.code));
    const red = await lc.call('account', 'redeemInvite', { code: first.data.invites[1].code, name: '工程老周', phone: '13700002222' }, 'o-zhou');
    expect(red.ok).toBe(true);
  }, 60000);

  test('the template has the expected columns', async () => {
    const t = await call('template', { kind: 'owners' }, CM_ADMIN);
    expect(t.ok).toBe(true);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(t.data.url)).arrayBuffer()) as any);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['楼栋', '单元', '房号', '姓名', '手机号', '身份']);
  });
});
