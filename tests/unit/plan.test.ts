// emulator/db/plan.ts: which Mongo conditions become SQL, and whether the SQL alone decides
// the query (`exact`) or mingo must re-check the candidates. Results are compared with
// mingo end to end in tests/functions/db-parity.test.ts; here we pin the planning rules.
import Database from 'better-sqlite3';
import { pathExpr, pinnedPaths, planOrder, planQuery } from '../../emulator/db/plan';
import { distanceM, EARTH_RADIUS_M, intersects, within } from '../../emulator/db/geo';
import { compileJsonSchema } from '../../emulator/db/json-schema';
import { encodeDoc, STRING_FLOOR } from '../../emulator/db/codec';

const INDEXED = new Set(['status', 'createdAt', 'n', 'flag', 'a.b']);
const indexed = (p: string) => p === '_id' || INDEXED.has(p);
const plan = (q: Record<string, any>) => planQuery(q, indexed);
const x = (p: string) => pathExpr(p);

describe('exact plans (the SQL decides)', () => {
  test('an empty query', () => {
    expect(plan({})).toEqual({ where: [], params: [], exact: true });
  });

  test('string equality on an indexed path, and on _id', () => {
    expect(plan({ status: 'open' })).toEqual({ where: [`${x('status')} = ?`], params: ['open'], exact: true });
    expect(plan({ _id: 'abc' })).toEqual({ where: ['_id = ?'], params: ['abc'], exact: true });
    expect(plan({ status: { $eq: 'open' } })).toEqual(plan({ status: 'open' }));
  });

  test('number and boolean equality carry a JSON type guard (1 ≠ true)', () => {
    const n = plan({ n: 1 });
    expect(n.exact).toBe(true);
    expect(n.where).toEqual([`${x('n')} = ?`, `json_type(doc, '$.n') IN ('integer','real')`]);
    expect(n.params).toEqual([1]);
    const b = plan({ flag: true });
    expect(b.where).toEqual([`${x('flag')} = ?`, `json_type(doc, '$.flag') IN ('true','false')`]);
    expect(b.params).toEqual([1]);
  });

  test('null equality matches null and missing: IS NULL', () => {
    expect(plan({ status: null })).toEqual({ where: [`${x('status')} IS NULL`], params: [], exact: true });
  });

  test('date equality compares the encoded date', () => {
    const d = new Date('2024-01-01T00:00:00Z');
    expect(plan({ createdAt: d })).toEqual({ where: [`${x('createdAt')} = ?`], params: ['\u0000D2024-01-01T00:00:00.000Z'], exact: true });
  });

  test('ranges on strings, numbers and dates stay inside their type', () => {
    const s = plan({ status: { $lt: 'b' } });
    expect(s.exact).toBe(true);
    expect(s.where[0]).toBe(`${x('status')} < ?`);
    // Strings only: JSON text that is '' or at/above STRING_FLOOR (dates sort in between).
    expect(s.where[1]).toBe(`json_type(doc, '$.status') = 'text' AND (${x('status')} >= ? OR ${x('status')} = '')`);
    expect(s.params).toEqual(['b', STRING_FLOOR]);

    const n = plan({ n: { $gte: 2, $lt: 5 } });
    expect(n.exact).toBe(true);
    expect(n.where.filter((w) => w.startsWith(x('n')))).toEqual([`${x('n')} >= ?`, `${x('n')} < ?`]);

    const d = plan({ createdAt: { $gt: new Date(0) } });
    expect(d.exact).toBe(true);
    expect(d.where).toContain(`${x('createdAt')} >= ? AND ${x('createdAt')} < ?`);
    expect(d.params).toEqual(['\u0000D1970-01-01T00:00:00.000Z', '\u0000D', '\u0000E']);
  });

  test('$in of strings or of dates', () => {
    expect(plan({ status: { $in: ['a', 'b'] } })).toEqual({ where: [`${x('status')} IN (?,?)`], params: ['a', 'b'], exact: true });
    expect(plan({ createdAt: { $in: [new Date(0)] } }).exact).toBe(true);
  });

  test('$and of pushable conditions, and several fields', () => {
    const p = plan({ $and: [{ status: 'open' }, { n: { $gt: 1 } }], 'a.b': 'x' });
    expect(p.exact).toBe(true);
    expect(p.where[0]).toBe(`${x('status')} = ?`);
    expect(p.where).toContain(`${x('a.b')} = ?`);
  });
});

describe('fallbacks (mingo re-checks)', () => {
  test.each([
    ['a path without an index', { title: 'x' }],
    ['$or with a branch that has no index', { $or: [{ status: 'a' }, { title: 'b' }] }],
    ['$or with a non-object branch', { $or: [{ status: 'a' }, 1] }],
    ['$nor', { $nor: [{ status: 'a' }] }],
    ['$ne', { status: { $ne: 'a' } }],
    ['$nin', { status: { $nin: ['a'] } }],
    ['$exists', { status: { $exists: true } }],
    ['a RegExp value', { status: /^o/ }],
    ['$regex', { status: { $regex: '^o' } }],
    ['an object value', { status: { k: 1 } }],
    ['an array value', { status: ['a'] }],
    ['$in of numbers (needs a type guard per value)', { n: { $in: [1, 2] } }],
    ['$in of mixed types', { status: { $in: ['a', 1] } }],
    ['$in with null', { status: { $in: [null] } }],
    ['an empty $in', { status: { $in: [] } }],
    ['a range against a boolean', { flag: { $gt: false } }],
    ['a range against null', { status: { $gte: null } }],
    ['a range against NaN', { n: { $lt: NaN } }],
    ['$elemMatch', { n: { $elemMatch: { $gt: 1 } } }],
    ['$size', { n: { $size: 1 } }],
    ['null on _id', { _id: null }],
    ['$and with a non-object member', { $and: [1] }],
  ])('%s', (_label, q) => {
    expect(plan(q as any).exact).toBe(false);
  });

  test('the pushable part of a mixed query still narrows the candidates', () => {
    const p = plan({ status: 'open', title: /x/ });
    expect(p.exact).toBe(false);
    expect(p.where).toEqual([`${x('status')} = ?`]);
    const q = plan({ n: { $gt: 1, $mod: [2, 0] } });
    expect(q.exact).toBe(false);
    expect(q.where[0]).toBe(`${x('n')} > ?`);
  });

  test('$or: nothing is pushed when a branch could match any row', () => {
    expect(plan({ $or: [{ status: 'a' }, { title: 'b' }] }).where).toEqual([]);
    expect(plan({ $or: [] }).where).toEqual([]);
  });

  test('$or of indexed branches is their union, exact when every branch is', () => {
    const p = plan({ $or: [{ status: 'a' }, { createdAt: { $in: [new Date(0)] }, n: 2 }] });
    expect(p.exact).toBe(true);
    expect(p.where).toEqual([`((${x('status')} = ?) OR (${x('createdAt')} IN (?) AND ${x('n')} = ? AND json_type(doc, '$.n') IN ('integer','real')))`]);
    expect(p.params).toEqual(['a', '\u0000D1970-01-01T00:00:00.000Z', 2]);
    // A branch with an unindexed part still narrows; mingo re-checks.
    const q = plan({ flag: true, $or: [{ status: 'a', title: 'x' }, { status: 'b' }] });
    expect(q.exact).toBe(false);
    expect(q.where[2]).toBe(`((${x('status')} = ?) OR (${x('status')} = ?))`);
    expect(q.params).toEqual([1, 'a', 'b']);
  });
});

describe('paths and order', () => {
  test('pathExpr only accepts plain dot paths (no SQL injection through a field name)', () => {
    expect(pathExpr('_id')).toBe('_id');
    expect(pathExpr('a.b_c.D9')).toBe('"ix:a.b_c.D9"');
    for (const bad of ["a')--", 'a b', 'a..b', '.a', 'a.', '$where', 'a[0]', '1a', '']) expect(() => pathExpr(bad)).toThrow();
  });

  test('planOrder: no order, indexed keys, _id, and unindexed keys', () => {
    // No order: natural (insertion) order; ties of any sort: insertion order; _id needs no tiebreak.
    expect(planOrder([], indexed)).toBe('seq');
    expect(planOrder([['createdAt', -1]], indexed)).toBe(`${x('createdAt')} DESC, seq`);
    expect(
      planOrder(
        [
          ['status', 1],
          ['createdAt', -1],
        ],
        indexed,
      ),
    ).toBe(`${x('status')} ASC, ${x('createdAt')} DESC, seq`);
    expect(planOrder([['_id', -1]], indexed)).toBe('_id DESC');
    // A key the query pins to one value is left out (it orders nothing and would cost a sort).
    expect(
      planOrder(
        [
          ['status', 1],
          ['createdAt', -1],
        ],
        indexed,
        pinnedPaths({ status: 'open' }),
      ),
    ).toBe(`${x('createdAt')} DESC, seq`);
    expect(planOrder([['status', 1]], indexed, pinnedPaths({ status: 'open', n: { $gt: 1 } }))).toBe('seq');
    expect([...pinnedPaths({ a: 1, b: { $gt: 1 }, c: [1], d: new Date(0), $or: [] })]).toEqual(['a', 'd']);
    expect(planOrder([['title', 1]], indexed)).toBeNull();
    expect(
      planOrder(
        [
          ['status', 1],
          ['title', 1],
        ],
        indexed,
      ),
    ).toBeNull();
  });
});

describe('exact plans mean what Mongo means (run on SQLite)', () => {
  // A tiny table shaped like the engine's (the indexed path `v` kept in its column as
  // json_extract reads it), with docs of every scalar type under `v`.
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE t (_id TEXT PRIMARY KEY, ver INTEGER, doc TEXT, ${pathExpr('v')}) WITHOUT ROWID`);
  const insert = db.prepare(`INSERT INTO t VALUES (@id, 1, @doc, json_extract(@doc, '$.v'))`);
  const docs: Record<string, unknown> = { num0: 0, num1: 1, t: true, f: false, nul: null, empty: '', a: 'a', b: 'b', date: new Date(5), obj: { k: 1 } };
  for (const [id, v] of Object.entries(docs)) insert.run({ id, doc: encodeDoc({ _id: id, v }) });
  insert.run({ id: 'missing', doc: encodeDoc({ _id: 'missing' }) });
  const run = (q: Record<string, any>) => {
    const p = planQuery(q, (path) => path === 'v' || path === '_id');
    expect(p.exact).toBe(true);
    const where = p.where.length ? ` WHERE ${p.where.join(' AND ')}` : '';
    return (db.prepare(`SELECT _id FROM t${where}`).all(...p.params) as { _id: string }[]).map((r) => r._id).sort();
  };

  test.each([
    [{ v: 1 }, ['num1']],
    [{ v: true }, ['t']],
    [{ v: false }, ['f']],
    [{ v: 0 }, ['num0']],
    [{ v: null }, ['missing', 'nul']],
    [{ v: '' }, ['empty']],
    [{ v: { $lt: 'b' } }, ['a', 'empty']],
    [{ v: { $gte: '' } }, ['a', 'b', 'empty']],
    [{ v: { $gt: 'a' } }, ['b']],
    [{ v: { $gte: 0 } }, ['num0', 'num1']],
    [{ v: { $lt: 1 } }, ['num0']],
    [{ v: { $gt: new Date(0) } }, ['date']],
    [{ v: { $in: ['a', ''] } }, ['a', 'empty']],
  ])('%j', (q, expected) => {
    expect(run(q)).toEqual(expected);
  });
});

// The engine's helpers for what mingo leaves to its host: geo operators and $jsonSchema.
describe('geo helper (emulator/db/geo.ts)', () => {
  const pt = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
  const sq = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ],
  };
  test('great-circle distance on MongoDB’s sphere: one degree of latitude ≈ 111.3 km', () => {
    expect(distanceM([0, 0], [0, 1])).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_M) / 360, 3);
    expect(distanceM([116.4, 39.9], [116.4, 39.9])).toBe(0);
  });
  test('within: inside, on the boundary, outside, and a line leaving through a concave notch', () => {
    expect(within(pt(1, 1) as any, sq as any)).toBe(true);
    expect(within(pt(2, 1) as any, sq as any)).toBe(true);
    expect(within(pt(3, 1) as any, sq as any)).toBe(false);
    const notch = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 1],
          [0, 4],
          [0, 0],
        ],
      ],
    };
    expect(
      within(
        {
          type: 'LineString',
          coordinates: [
            [0.5, 3],
            [3.5, 3],
          ],
        } as any,
        notch as any,
      ),
    ).toBe(false);
    expect(
      within(
        {
          type: 'LineString',
          coordinates: [
            [0.5, 0.5],
            [3.5, 0.5],
          ],
        } as any,
        notch as any,
      ),
    ).toBe(true);
  });
  test('intersects: crossing segments, touching corner, disjoint, polygon inside polygon', () => {
    const line = (a: number[], b: number[]) => ({ type: 'LineString', coordinates: [a, b] }) as any;
    expect(intersects(line([0, 0], [2, 2]), line([0, 2], [2, 0]))).toBe(true);
    expect(intersects(line([0, 0], [1, 1]), line([1, 1], [2, 0]))).toBe(true);
    expect(intersects(line([0, 0], [1, 0]), line([0, 1], [1, 1]))).toBe(false);
    const inner = {
      type: 'Polygon',
      coordinates: [
        [
          [0.5, 0.5],
          [1, 0.5],
          [1, 1],
          [0.5, 0.5],
        ],
      ],
    } as any;
    expect(intersects(inner, sq as any)).toBe(true);
  });
});

describe('$jsonSchema dialect (emulator/db/json-schema.ts)', () => {
  test('bsonType numbers: an integral JSON number is int and double; a fraction only double', () => {
    expect(compileJsonSchema({ bsonType: 'int' })(3)).toBe(true);
    expect(compileJsonSchema({ bsonType: 'int' })(2.5)).toBe(false);
    expect(compileJsonSchema({ bsonType: ['double'] })(3)).toBe(true);
    expect(compileJsonSchema({ bsonType: 'date' })(new Date(0))).toBe(true);
    expect(compileJsonSchema({ type: 'object', additionalProperties: false, properties: { a: {} } })({ a: 1, b: 2 })).toBe(false);
  });
  test('what MongoDB refuses is refused', () => {
    expect(() => compileJsonSchema({ $ref: '#/x' })).toThrow(/not currently supported/);
    expect(() => compileJsonSchema({ type: 'integer' })).toThrow(/integer/);
    expect(() => compileJsonSchema({ properties: { a: { format: 'date' } } })).toThrow(/format/);
  });
});
