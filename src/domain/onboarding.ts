import { PHONE_RE } from './limits';
import { STAFF_ROLES } from './roles';

/**
 * Day-one onboarding rules (issue #17): the one-time setup code, communities, unit patterns
 * and the rows of an Excel import. Pure; the `onboarding` function and the client share them.
 */

/** The setup code printed by `npm run admin:bootstrap`: 12 characters from an unambiguous alphabet, 24 h. */
export const SETUP_CODE_LENGTH = 12;
export const SETUP_CODE_TTL_HOURS = 24;
export const SETUP_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function setupCodeFrom(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < SETUP_CODE_LENGTH; i++) s += SETUP_CODE_ALPHABET[bytes[i] % SETUP_CODE_ALPHABET.length];
  return s;
}
/** Codes are compared case-insensitively and without separators people type (spaces, dashes). */
export const normalizeSetupCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

export const COMMUNITY_TIMEZONE = 'Asia/Shanghai';

/** One generated unit. */
export interface UnitSpec {
  building: string;
  unitNo: string;
  room: string;
  floor: number;
  label: string;
  shop?: boolean;
}

/** A unit pattern (the zod schema is in `onboarding-api.ts`, so the client imports these rules without zod). */
export interface UnitPattern {
  buildings: number;
  unitsPerBuilding: number;
  floors: number;
  roomsPerFloor: number;
  skipFloors: number[];
  shopsPerBuilding: number;
  firstBuilding: number;
}

export const UNIT_PATTERN_MAX = 20_000;

export const buildingLabel = (n: number | string) => (String(n).endsWith('栋') ? String(n) : `${n}栋`);
export const unitNoLabel = (n: number | string) => (String(n).endsWith('单元') ? String(n) : `${n}单元`);
export const unitLabel = (u: { building: string; unitNo: string; room: string }) => `${u.building}${u.unitNo}${u.room}`;

/**
 * Units of a pattern. Floors are numbered physically from 1 up, skipping the listed numbers
 * (a 30-floor building that skips 4/13/14 has floors 1,2,3,5,…,33). Rooms are floor + two
 * digits (1502). Shops sit on the ground floor as S01, S02…
 */
export function generateUnits(p: UnitPattern): UnitSpec[] {
  const skip = new Set(p.skipFloors ?? []);
  const floorNumbers: number[] = [];
  for (let f = 1; floorNumbers.length < p.floors; f++) if (!skip.has(f)) floorNumbers.push(f);
  const out: UnitSpec[] = [];
  for (let b = p.firstBuilding ?? 1; b < (p.firstBuilding ?? 1) + p.buildings; b++) {
    const building = buildingLabel(b);
    for (let s = 1; s <= (p.shopsPerBuilding ?? 0); s++) {
      const u = { building, unitNo: unitNoLabel(1), room: `S${String(s).padStart(2, '0')}`, floor: 1, shop: true };
      out.push({ ...u, label: unitLabel(u) });
    }
    for (let u = 1; u <= p.unitsPerBuilding; u++) {
      for (const floor of floorNumbers) {
        for (let r = 1; r <= p.roomsPerFloor; r++) {
          const spec = { building, unitNo: unitNoLabel(u), room: `${floor}${String(r).padStart(2, '0')}`, floor };
          out.push({ ...spec, label: unitLabel(spec) });
        }
      }
    }
  }
  return out;
}

export const patternSize = (p: UnitPattern) => p.buildings * (p.unitsPerBuilding * p.floors * p.roomsPerFloor + (p.shopsPerBuilding ?? 0));

// ---------------------------------------------------------------- imports

export const IMPORT_KINDS = ['units', 'owners', 'staff'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { units: '房屋', owners: '业主登记', staff: '员工' };

/** The columns of each template, in order (the header row must name them exactly). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  units: ['楼栋', '单元', '房号', '楼层', '类型'],
  owners: ['楼栋', '单元', '房号', '姓名', '手机号', '身份'],
  staff: ['姓名', '手机号', '角色'],
};
export const OWNER_KINDS = ['产权人', '共有人'] as const;
export const UNIT_TYPES = ['住宅', '商铺'] as const;
/** Staff role labels accepted in the staff sheet (several separated by 、 or ,). */
export const STAFF_ROLE_BY_LABEL: Record<string, (typeof STAFF_ROLES)[number]> = { 客服: 'desk', 工程: 'engineer', 秩序: 'security', 主管: 'supervisor', 管理员: 'admin' };

/** Rows per import file (the bench's 30,000 owners fit). */
export const IMPORT_MAX_ROWS = 50_000;

export interface RowError {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface UnitRow {
  row: number;
  building: string;
  unitNo: string;
  room: string;
  floor?: number;
  shop: boolean;
}
export interface OwnerRow {
  row: number;
  building: string;
  unitNo: string;
  room: string;
  name: string;
  phone: string;
  kind: (typeof OWNER_KINDS)[number];
}
export interface StaffRow {
  row: number;
  name: string;
  phone: string;
  roles: (typeof STAFF_ROLES)[number][];
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
export const unitKey = (u: { building: string; unitNo: string; room: string }) => `${u.building}\u0001${u.unitNo}\u0001${u.room}`;

/** The header check: every expected column present, by name (their order may differ). */
export function headerIndex(kind: ImportKind, header: unknown[]): { index: Record<string, number>; errors: RowError[] } {
  const names = header.map(cellText);
  const index: Record<string, number> = {};
  const errors: RowError[] = [];
  for (const col of IMPORT_COLUMNS[kind]) {
    const i = names.indexOf(col);
    if (i < 0) errors.push({ row: 1, column: col, message: `缺少「${col}」列，请使用导入模板` });
    else index[col] = i;
  }
  return { index, errors };
}

/**
 * Checks the rows of a units sheet against themselves and (for the owners sheet) the
 * community's units; answers the valid rows and row-level errors in Chinese.
 */
export function checkUnitRows(rows: { row: number; cells: unknown[] }[], index: Record<string, number>) {
  const errors: RowError[] = [];
  const valid: UnitRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const get = (c: string) => cellText(cells[index[c]]);
    const building = get('楼栋');
    const unitNo = get('单元');
    const room = get('房号');
    const floorText = get('楼层');
    const type = get('类型') || '住宅';
    const before = errors.length;
    if (!building) errors.push({ row, column: '楼栋', message: '楼栋不能为空' });
    else if (building.length > 20) errors.push({ row, column: '楼栋', message: '楼栋不超过 20 个字' });
    if (!unitNo) errors.push({ row, column: '单元', message: '单元不能为空' });
    else if (unitNo.length > 20) errors.push({ row, column: '单元', message: '单元不超过 20 个字' });
    if (!room) errors.push({ row, column: '房号', message: '房号不能为空' });
    else if (room.length > 20) errors.push({ row, column: '房号', message: '房号不超过 20 个字' });
    if (floorText && !/^-?\d{1,3}$/.test(floorText)) errors.push({ row, column: '楼层', message: `楼层应为数字：「${floorText}」` });
    if (!(UNIT_TYPES as readonly string[]).includes(type)) errors.push({ row, column: '类型', message: `类型应为「住宅」或「商铺」：「${type}」` });
    if (errors.length > before) continue;
    const u = { building: buildingLabel(building), unitNo: unitNoLabel(unitNo), room };
    const k = unitKey(u);
    const first = seen.get(k);
    if (first) {
      errors.push({ row, column: '房号', message: `房屋重复：${unitLabel(u)} 与第 ${first} 行相同` });
      continue;
    }
    seen.set(k, row);
    valid.push({ row, ...u, ...(floorText ? { floor: Number(floorText) } : {}), shop: type === '商铺' });
  }
  return { valid, errors };
}

/** `units`: the community's units by key, with the buildings they name (for "unknown building"). */
export function checkOwnerRows(rows: { row: number; cells: unknown[] }[], index: Record<string, number>, units: { keys: Set<string>; buildings: Set<string> }) {
  const errors: RowError[] = [];
  const valid: OwnerRow[] = [];
  const holder = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const get = (c: string) => cellText(cells[index[c]]);
    const building = get('楼栋') && buildingLabel(get('楼栋'));
    const unitNo = get('单元') && unitNoLabel(get('单元'));
    const room = get('房号');
    const name = get('姓名');
    const phone = get('手机号');
    const kind = get('身份') || '产权人';
    const before = errors.length;
    if (!building || !unitNo || !room) errors.push({ row, column: !building ? '楼栋' : !unitNo ? '单元' : '房号', message: '楼栋、单元、房号都需要填写' });
    else if (!units.buildings.has(building)) errors.push({ row, column: '楼栋', message: `本小区没有「${building}」，请先导入或生成该楼栋的房屋` });
    else if (!units.keys.has(unitKey({ building, unitNo, room }))) errors.push({ row, column: '房号', message: `本小区没有房屋 ${building}${unitNo}${room}` });
    if (!name) errors.push({ row, column: '姓名', message: '姓名不能为空' });
    else if (name.length > 20) errors.push({ row, column: '姓名', message: '姓名不超过 20 个字' });
    if (!PHONE_RE.test(phone)) errors.push({ row, column: '手机号', message: `手机号格式不正确：「${phone}」（应为 11 位手机号）` });
    if (!(OWNER_KINDS as readonly string[]).includes(kind)) errors.push({ row, column: '身份', message: `身份应为「产权人」或「共有人」：「${kind}」` });
    if (errors.length > before) continue;
    const k = unitKey({ building, unitNo, room });
    const dup = seen.get(`${k}\u0001${phone}`);
    if (dup) {
      errors.push({ row, column: '手机号', message: `与第 ${dup} 行重复：同一房屋同一手机号` });
      continue;
    }
    if (kind === '产权人') {
      const h = holder.get(k);
      if (h) {
        errors.push({ row, column: '身份', message: `一套房屋只能登记一位产权人（第 ${h} 行已登记），其他人请填「共有人」` });
        continue;
      }
      holder.set(k, row);
    }
    seen.set(`${k}\u0001${phone}`, row);
    valid.push({ row, building, unitNo, room, name, phone, kind: kind as OwnerRow['kind'] });
  }
  return { valid, errors };
}

export function checkStaffRows(rows: { row: number; cells: unknown[] }[], index: Record<string, number>) {
  const errors: RowError[] = [];
  const valid: StaffRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const get = (c: string) => cellText(cells[index[c]]);
    const name = get('姓名');
    const phone = get('手机号');
    const labels = get('角色')
      .split(/[、,，\s]+/)
      .filter(Boolean);
    const before = errors.length;
    if (!name) errors.push({ row, column: '姓名', message: '姓名不能为空' });
    else if (name.length > 20) errors.push({ row, column: '姓名', message: '姓名不超过 20 个字' });
    if (!PHONE_RE.test(phone)) errors.push({ row, column: '手机号', message: `手机号格式不正确：「${phone}」（应为 11 位手机号）` });
    const bad = labels.filter((l) => !STAFF_ROLE_BY_LABEL[l]);
    if (!labels.length || bad.length)
      errors.push({ row, column: '角色', message: `角色应为 客服、工程、秩序、主管、管理员 之一（多个用、分隔）${bad.length ? `：「${bad.join('、')}」` : ''}` });
    if (errors.length > before) continue;
    const dup = seen.get(phone);
    if (dup) {
      errors.push({ row, column: '手机号', message: `员工重复：与第 ${dup} 行手机号相同` });
      continue;
    }
    seen.set(phone, row);
    valid.push({ row, name, phone, roles: [...new Set(labels.map((l) => STAFF_ROLE_BY_LABEL[l]))] });
  }
  return { valid, errors };
}
