// Issue §3: the local CloudBase answers the unchanged @cloudbase/node-sdk with CloudBase's
// results and shapes. Every call here goes through the real SDK and the /admin endpoint,
// except the index/pushdown checks at the end, which look at the engine's SQL plan.
import mingo from 'mingo';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let _: any;
let $: any;

beforeAll(async () => {
  lc = await startLocal();
  _ = lc.db.command;
  $ = lc.db.command.aggregate;
});
afterAll(() => lc.stop());

/** Runs `p` and returns the error it rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to reject');
}

let n = 0;
async function fresh(prefix: string) {
  const name = `${prefix}_${++n}`;
  await lc.db.createCollection(name);
  return lc.db.collection(name);
}

describe('documents: add, get, set, update, remove', () => {
  test('add returns {id}; _id is 32 hex; serverDate and Date fields come back as Date', async () => {
    const c = await fresh('add');
    const due = new Date(1704067200000);
    const before = Date.now();
    const res: any = await c.add({ title: 'Printer', createdAt: lc.db.serverDate(), due, nested: { at: due } });
    expect(Object.keys(res).sort()).toEqual(['id', 'requestId']);
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);

    const got: any = await c.doc(res.id).get();
    expect(Array.isArray(got.data)).toBe(true);
    expect(got.data).toHaveLength(1);
    const doc = got.data[0];
    expect(doc._id).toBe(res.id);
    expect(doc.title).toBe('Printer');
    expect(doc.due).toBeInstanceOf(Date);
    expect(doc.due.getTime()).toBe(1704067200000);
    expect(doc.nested.at).toBeInstanceOf(Date);
    expect(doc.createdAt).toBeInstanceOf(Date);
    expect(doc.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(doc.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('serverDate follows the emulator clock (and its offset)', async () => {
    const c = await fresh('sd');
    await lc.dev('/api/dev/clock', { body: { set: '2030-01-02T03:04:05.000Z', frozen: true } });
    try {
      const { id } = (await c.add({ at: lc.db.serverDate(), later: lc.db.serverDate({ offset: 60_000 }) })) as any;
      const { data } = (await c.doc(id).get()) as any;
      expect(data[0].at.toISOString()).toBe('2030-01-02T03:04:05.000Z');
      expect(data[0].later.toISOString()).toBe('2030-01-02T03:05:05.000Z');
    } finally {
      await lc.dev('/api/dev/clock', { body: { reset: true } });
    }
  });

  test('add with an array returns {ids}', async () => {
    const c = await fresh('addmany');
    const res: any = await c.add([{ k: 1 }, { k: 2 }, { _id: 'mine', k: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(res.ids[2]).toBe('mine');
    expect((await c.count()).total).toBe(3);
  });

  test('doc().get() of a missing document is {data: []}', async () => {
    const c = await fresh('missing');
    const res: any = await c.doc('nope').get();
    expect(res.data).toEqual([]);
  });

  test('doc().set() upserts, then replaces the whole document', async () => {
    const c = await fresh('set');
    const r1: any = await c.doc('d1').set({ a: 1, b: { c: 2 } });
    expect(r1.updated).toBe(0);
    expect(r1.upsertedId).toBe('d1');
    expect((await c.doc('d1').get()).data).toEqual([{ _id: 'd1', a: 1, b: { c: 2 } }]);

    const r2: any = await c.doc('d1').set({ z: 'only' });
    expect(r2.updated).toBe(1);
    expect((await c.doc('d1').get()).data).toEqual([{ _id: 'd1', z: 'only' }]);
  });

  test('doc().update with inc, push, remove, set, nested object (dot path) and serverDate', async () => {
    const c = await fresh('upd');
    await c.add({ _id: 'u1', count: 1, tags: ['a'], note: 'bye', meta: { by: 'x', keep: true }, sub: { p: 1, q: 2 } });
    const res: any = await c.doc('u1').update({
      count: _.inc(2),
      tags: _.push(['b', 'c']),
      note: _.remove(),
      meta: { by: 'u1' }, // plain object → $set {'meta.by'}: meta.keep survives
      sub: _.set({ r: 3 }), // _.set replaces the sub-object
      updatedAt: lc.db.serverDate(),
    });
    expect(res.updated).toBe(1);
    const [doc] = (await c.doc('u1').get()).data as any[];
    expect(doc.count).toBe(3);
    expect(doc.tags).toEqual(['a', 'b', 'c']);
    expect('note' in doc).toBe(false);
    expect(doc.meta).toEqual({ by: 'u1', keep: true });
    expect(doc.sub).toEqual({ r: 3 });
    expect(doc.updatedAt).toBeInstanceOf(Date);

    // A single value pushed, a pull, and mul/min/max.
    await c.doc('u1').update({ tags: _.push('d'), count: _.mul(10) });
    await c.doc('u1').update({ tags: _.pull('a') });
    const [doc2] = (await c.doc('u1').get()).data as any[];
    expect(doc2.tags).toEqual(['b', 'c', 'd']);
    expect(doc2.count).toBe(30);

    // An update of a missing document changes nothing.
    expect(((await c.doc('nobody').update({ x: 1 })) as any).updated).toBe(0);
    expect((await c.count()).total).toBe(1);
  });

  test('where().update is multi → {updated:n}; where().remove → {deleted:n}', async () => {
    const c = await fresh('multi');
    await c.add([
      { s: 'open', n: 1 },
      { s: 'open', n: 2 },
      { s: 'open', n: 3 },
      { s: 'closed', n: 4 },
    ]);
    const u: any = await c.where({ s: 'open' }).update({ flagged: true });
    expect(u.updated).toBe(3);
    expect((await c.where({ flagged: true }).count()).total).toBe(3);
    // Nothing matched: 0, and nothing is inserted (no upsert for where().update).
    expect(((await c.where({ s: 'nope' }).update({ x: 1 })) as any).updated).toBe(0);

    const r: any = await c.where({ n: _.gte(2) }).remove();
    expect(r.deleted).toBe(3);
    const left = (await c.get()).data as any[];
    expect(left.map((d) => d.n)).toEqual([1]);
  });

  test('doc().remove → {deleted:1}, then 0', async () => {
    const c = await fresh('rm');
    await c.add({ _id: 'r1' });
    expect(((await c.doc('r1').remove()) as any).deleted).toBe(1);
    expect(((await c.doc('r1').remove()) as any).deleted).toBe(0);
  });
});

describe('queries', () => {
  let c: any;
  const rows = [
    {
      _id: 'q01',
      name: 'Ann',
      team: 'b',
      score: 70,
      age: 31,
      tags: ['x', 'y'],
      items: [
        { k: 'a', v: 1 },
        { k: 'b', v: 5 },
      ],
      a: { b: 1 },
    },
    { _id: 'q02', name: 'bob', team: 'a', score: 90, age: 25, tags: ['y'], items: [{ k: 'a', v: 9 }], a: { b: 2 } },
    { _id: 'q03', name: 'Cid', team: 'a', score: 70, age: 40, tags: ['x', 'y', 'z'], items: [], a: { b: 3 } },
    { _id: 'q04', name: 'dee', team: 'b', score: 50, age: 22, tags: [], items: [{ k: 'b', v: 2 }] },
    { _id: 'q05', name: 'Eve', team: 'c', score: 90, age: 35, tags: ['z'], a: { b: 1 }, extra: null },
  ];
  const ids = (res: any) => (res.data as any[]).map((d) => d._id).sort();

  beforeAll(async () => {
    c = await fresh('q');
    await c.add(rows);
  });

  test('orderBy on two fields, skip, limit and field() projection', async () => {
    const res: any = await c.orderBy('score', 'desc').orderBy('name', 'asc').skip(1).limit(3).field({ name: true, score: true }).get();
    // score desc, then name asc: Eve 90, bob 90 ('E' < 'b'), Ann 70, Cid 70, dee 50
    expect(res.data).toEqual([
      { _id: 'q02', name: 'bob', score: 90 },
      { _id: 'q01', name: 'Ann', score: 70 },
      { _id: 'q03', name: 'Cid', score: 70 },
    ]);
    const noId: any = await c.where({ _id: 'q01' }).field({ name: true, _id: false }).get();
    expect(noId.data).toEqual([{ name: 'Ann' }]);
  });

  test('count → {total}', async () => {
    const res: any = await c.where({ score: _.gte(70) }).count();
    expect(res.total).toBe(4);
    expect(Object.keys(res).sort()).toEqual(['requestId', 'total']);
  });

  test.each([
    ['eq', () => ({ team: _.eq('a') }), ['q02', 'q03']],
    ['neq', () => ({ team: _.neq('a') }), ['q01', 'q04', 'q05']],
    ['gt', () => ({ score: _.gt(70) }), ['q02', 'q05']],
    ['gte', () => ({ score: _.gte(70) }), ['q01', 'q02', 'q03', 'q05']],
    ['lt', () => ({ age: _.lt(25) }), ['q04']],
    ['lte', () => ({ age: _.lte(25) }), ['q02', 'q04']],
    ['in', () => ({ team: _.in(['a', 'c']) }), ['q02', 'q03', 'q05']],
    ['nin', () => ({ team: _.nin(['a', 'c']) }), ['q01', 'q04']],
    ['and', () => _.and([{ score: _.gte(70) }, { age: _.lt(35) }]), ['q01', 'q02']],
    ['field and', () => ({ score: _.gt(50).and(_.lt(90)) }), ['q01', 'q03']],
    ['or', () => _.or([{ team: 'c' }, { age: _.lt(23) }]), ['q04', 'q05']],
    ['field or', () => ({ age: _.lt(23).or(_.gt(38)) }), ['q03', 'q04']],
    ['nor', () => _.nor([{ team: 'a' }, { score: 50 }]), ['q01', 'q05']],
    ['exists true', () => ({ a: _.exists(true) }), ['q01', 'q02', 'q03', 'q05']],
    ['exists false', () => ({ a: _.exists(false) }), ['q04']],
    ['null matches null and missing', () => ({ extra: null }), ['q01', 'q02', 'q03', 'q04', 'q05']],
    ['all', () => ({ tags: _.all(['x', 'y']) }), ['q01', 'q03']],
    ['array contains', () => ({ tags: 'z' }), ['q03', 'q05']],
    ['elemMatch', () => ({ items: _.elemMatch({ k: 'a', v: _.gt(3) }) }), ['q02']],
    ['size', () => ({ tags: _.size(0) }), ['q04']],
    ['mod', () => ({ age: _.mod([5, 0]) }), ['q02', 'q03', 'q05']],
    ['nested dot path', () => ({ 'a.b': 1 }), ['q01', 'q05']],
    ['nested object', () => ({ a: { b: _.gte(2) } }), ['q02', 'q03']],
    ['dot path into array of objects', () => ({ 'items.k': 'b' }), ['q01', 'q04']],
  ])('%s', async (_name, q, expected) => {
    expect(ids(await c.where((q as () => any)()).get())).toEqual(expected);
    expect((await c.where((q as () => any)()).count()).total).toBe((expected as string[]).length);
  });

  test('db.RegExp with options "i" and a JS RegExp', async () => {
    expect(ids(await c.where({ name: lc.db.RegExp({ regexp: '^[a-c]', options: 'i' }) }).get())).toEqual(['q01', 'q02', 'q03']);
    expect(ids(await c.where({ name: lc.db.RegExp({ regexp: '^[a-c]' }) }).get())).toEqual(['q02']);
    expect(ids(await c.where({ name: /E$/i }).get())).toEqual(['q04', 'q05']);
    expect(ids(await c.where({ name: /e$/ }).get())).toEqual(['q04', 'q05']);
    expect(ids(await c.where({ name: /^E/ }).get())).toEqual(['q05']);
  });
});

describe('limits', () => {
  let c: any;
  beforeAll(async () => {
    c = await fresh('big');
    for (let b = 0; b < 3; b++) {
      await c.add(Array.from({ length: 400 }, (_x, i) => ({ i: b * 400 + i })));
    }
  });

  test('1200 documents are all there', async () => {
    expect((await c.count()).total).toBe(1200);
  });

  test('no limit → 100; limit(2000) → 1000; skip pages on', async () => {
    expect(((await c.get()) as any).data).toHaveLength(100);
    const big: any = await c.limit(2000).get();
    expect(big.data).toHaveLength(1000);
    const tail: any = await c.orderBy('i', 'asc').skip(1100).limit(2000).get();
    expect(tail.data.map((d: any) => d.i)).toEqual(Array.from({ length: 100 }, (_x, i) => 1100 + i));
  });
});

describe('aggregate', () => {
  let orders: any;
  beforeAll(async () => {
    orders = await fresh('orders');
    const users = lc.db.collection((await fresh('users')).name);
    await users.add([
      { _id: 'u1', name: 'Ann' },
      { _id: 'u2', name: 'Bob' },
    ]);
    await orders.add([
      { _id: 'o1', user: 'u1', status: 'paid', amount: 10, items: ['a', 'b'] },
      { _id: 'o2', user: 'u1', status: 'paid', amount: 30, items: ['c'] },
      { _id: 'o3', user: 'u2', status: 'paid', amount: 20, items: ['a'] },
      { _id: 'o4', user: 'u2', status: 'void', amount: 99, items: [] },
    ]);
    (orders as any).usersName = users.name;
  });

  test('match, group with sum/avg, sort', async () => {
    const res: any = await orders
      .aggregate()
      .match({ status: 'paid' })
      .group({ _id: '$user', total: $.sum('$amount'), avg: $.avg('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'u1', total: 40, avg: 20, n: 2 },
      { _id: 'u2', total: 20, avg: 20, n: 1 },
    ]);
  });

  test('skip, limit, project', async () => {
    const res: any = await orders.aggregate().sort({ amount: 1 }).skip(1).limit(2).project({ _id: 0, amount: 1 }).end();
    expect(res.data).toEqual([{ amount: 20 }, { amount: 30 }]);
  });

  test('lookup from another collection, unwind, count', async () => {
    const from = (orders as any).usersName;
    const res: any = await orders
      .aggregate()
      .match({ _id: 'o3' })
      .lookup({ from, localField: 'user', foreignField: '_id', as: 'who' })
      .unwind('$who')
      .project({ _id: 0, name: '$who.name', amount: 1 })
      .end();
    expect(res.data).toEqual([{ amount: 20, name: 'Bob' }]);

    const unwound: any = await orders.aggregate().unwind('$items').count('n').end();
    expect(unwound.data).toEqual([{ n: 4 }]);
  });
});

describe('errors', () => {
  test('add with a duplicate _id → DATABASE_DUPLICATE_WRITE, and nothing of the batch is written', async () => {
    const c = await fresh('dup');
    await c.add({ _id: 'same', v: 1 });
    const e1 = await rejection(c.add({ _id: 'same', v: 2 }));
    expect(e1.code).toBe('DATABASE_DUPLICATE_WRITE');
    const e2 = await rejection(
      c.add([
        { _id: 'other', v: 3 },
        { _id: 'same', v: 4 },
      ]),
    );
    expect(e2.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(((await c.get()) as any).data).toEqual([{ _id: 'same', v: 1 }]);
  });

  test('get/add/count on a collection never created → DATABASE_COLLECTION_NOT_EXIST', async () => {
    const c = lc.db.collection('never_created');
    expect((await rejection(c.get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await rejection(c.add({ a: 1 }))).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await rejection(c.where({ a: 1 }).count())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(lc.server.ctx.engine.hasCollection('never_created')).toBe(false);
  });

  test('createCollection twice → DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    await lc.db.createCollection('twice');
    const e = await rejection(lc.db.createCollection('twice'));
    expect(e.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    expect(e.message).toMatch(/twice/);
  });
});

describe('indexes and pushdown (engine)', () => {
  const engine = () => lc.server.ctx.engine;

  test('a declared compound index serves equality + order without a scan or temp b-tree', async () => {
    const c = await fresh('ix');
    engine().ensureIndexes(c.name, [
      {
        name: 's_c',
        keys: [
          ['status', 1],
          ['createdAt', -1],
        ],
      },
    ]);
    await c.add(Array.from({ length: 50 }, (_x, i) => ({ status: i % 2 ? 'open' : 'closed', createdAt: new Date(1_700_000_000_000 + i * 1000) })));
    const plan = engine()
      .explain(c.name, { status: 'open' }, { order: [['createdAt', -1]] })
      .join('\n');
    expect(plan).toMatch(/USING INDEX/);
    expect(plan).not.toMatch(/SCAN/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // And the answer is right, newest first.
    const got: any = await c.where({ status: 'open' }).orderBy('createdAt', 'desc').limit(3).get();
    expect(got.data.map((d: any) => d.createdAt.getTime())).toEqual([49, 47, 45].map((i) => 1_700_000_000_000 + i * 1000));
  });

  test('an indexed field holding arrays falls back to Mongo semantics (multikey)', async () => {
    const c = await fresh('mk');
    engine().ensureIndexes(c.name, [
      { name: 'tags', keys: [['tags', 1]] },
      { name: 'ab', keys: [['a.b', 1]] },
    ]);
    await c.add([
      { _id: 'm1', tags: 'red', a: { b: 1 } },
      { _id: 'm2', tags: ['red', 'blue'], a: [{ b: 1 }, { b: 2 }] },
      { _id: 'm3', tags: ['blue'], a: [{ b: 3 }] },
    ]);
    const ids = async (q: any) => ((await c.where(q).get()) as any).data.map((d: any) => d._id).sort();
    expect(await ids({ tags: 'red' })).toEqual(['m1', 'm2']);
    expect(await ids({ tags: _.in(['blue']) })).toEqual(['m2', 'm3']);
    expect(await ids({ 'a.b': 1 })).toEqual(['m1', 'm2']);
    expect(await ids({ 'a.b': _.gte(2) })).toEqual(['m2', 'm3']);
    expect((await c.where({ 'a.b': 1 }).count()).total).toBe(2);
  });

  test('an index created after array documents exist is multikey from the start', async () => {
    const c = await fresh('mk2');
    await c.add([
      { _id: 'n1', a: [{ b: 'x' }] },
      { _id: 'n2', a: { b: 'x' } },
    ]);
    engine().ensureIndexes(c.name, [{ name: 'ab', keys: [['a.b', 1]] }]);
    expect(((await c.where({ 'a.b': 'x' }).get()) as any).data.map((d: any) => d._id).sort()).toEqual(['n1', 'n2']);
  });

  test('a numeric range on a path that also holds strings and dates (no booleans) keeps to numbers, as Mongo does', () => {
    const name = `numstr_${++n}`;
    engine().createCollection(name);
    engine().ensureIndexes(name, [{ name: 'x', keys: [['x', 1]] }]);
    const docs = () => [0, 1, 2, 7, 'a', '10', new Date('2024-01-01T00:00:00Z')].map((x, i) => ({ _id: `d${i}`, x }));
    engine().insert(name, docs());
    for (const q of [{ x: { $gt: 1 } }, { x: { $gte: 0 } }, { x: { $lt: 5 } }, { x: { $in: ['a', '10'] } }]) {
      const expected = mingo
        .find(docs(), q, undefined, { idKey: '_id' })
        .all()
        .map((d: any) => d._id)
        .sort();
      expect(
        engine()
          .find(name, q)
          .map((d) => d._id)
          .sort(),
      ).toEqual(expected);
      expect(engine().count(name, q)).toBe(expected.length);
    }
  });

  test('a $or of more branches than SQL takes is still answered (by mingo)', () => {
    const name = `bigor_${++n}`;
    engine().createCollection(name);
    engine().ensureIndexes(name, [{ name: 'k', keys: [['k', 1]] }]);
    engine().insert(
      name,
      Array.from({ length: 300 }, (_x, i) => ({ _id: `k${i}`, k: `v${i}` })),
    );
    const q = { $or: Array.from({ length: 1200 }, (_x, i) => ({ k: `v${i}` })) };
    expect(engine().count(name, q)).toBe(300);
  });

  describe('pushdown on a mixed-type indexed field equals mingo', () => {
    const d1 = new Date('2024-01-01T00:00:00Z');
    const d2 = new Date('2024-06-01T00:00:00Z');
    // Built afresh for each use (structuredClone would make Dates of another realm under jest).
    const docs = () => {
      const values: unknown[] = [0, 1, 1.5, -3, 2, 'a', 'b', 'B', '', 'abc', '10', true, false, null, new Date(d1), new Date(d2), { k: 1 }, { z: 'a' }];
      return [...values.map((v, i) => ({ _id: `v${String(i).padStart(2, '0')}`, x: v })), { _id: 'v99' /* x missing */ }];
    };
    let name: string;

    beforeAll(async () => {
      const c = await fresh('mixed');
      name = c.name;
      engine().ensureIndexes(name, [{ name: 'x', keys: [['x', 1]] }]);
      engine().insert(name, docs());
    });

    const probes: unknown[] = [0, 1, 1.5, 2, -5, 'a', 'b', '', 'B', 'z', true, false, null, d1, new Date('2024-03-01T00:00:00Z')];
    const queries: [string, Record<string, unknown>][] = [];
    for (const p of probes) {
      queries.push([`x = ${String(p)}`, { x: p }]);
      queries.push([`x $eq ${String(p)}`, { x: { $eq: p } }]);
      for (const op of ['$gt', '$gte', '$lt', '$lte']) queries.push([`x ${op} ${String(p)}`, { x: { [op]: p } }]);
    }
    queries.push(['$in strings', { x: { $in: ['a', '', 'B', 'q'] } }]);
    queries.push(['$in dates', { x: { $in: [d1, new Date(0)] } }]);
    queries.push(['$in numbers', { x: { $in: [0, 1, 7] } }]);
    queries.push(['$in mixed', { x: { $in: [0, 'a', null, true, d2] } }]);
    queries.push(['range pair', { x: { $gt: 'a', $lt: 'b' } }]);
    queries.push(['$and ranges', { $and: [{ x: { $gte: 0 } }, { x: { $lt: 2 } }] }]);
    queries.push(['$or of equalities', { $or: [{ x: 'a' }, { x: 1 }, { x: null }] }]);
    queries.push(['$or of ranges and $in', { $or: [{ x: { $gt: 'a' } }, { x: { $in: [d1] } }, { x: { $lte: 0 } }] }]);
    queries.push(['$or with an unindexed branch', { $or: [{ x: true }, { y: 1 }] }]);
    queries.push(['$or inside $and', { $and: [{ x: { $gte: 0 } }, { $or: [{ x: 1 }, { x: { $lt: 0 } }] }] }]);

    test.each(queries)('%s', (_label, q) => {
      const expected = mingo
        .find(docs(), q, undefined, { idKey: '_id' })
        .all()
        .map((d: any) => d._id)
        .sort();
      const got = engine()
        .find(name, q)
        .map((d) => d._id)
        .sort();
      expect(got).toEqual(expected);
      expect(engine().count(name, q)).toBe(expected.length);
    });

    test('these queries really are pushed down (the SQL decides, not mingo)', () => {
      const plan = engine()
        .explain(name, { x: { $lt: 'b' } })
        .join('\n');
      expect(plan).toMatch(/USING INDEX ix_\w+_x/);
      // $or: one index lookup per branch (a resident's tickets: reported by them or of their home).
      const or = engine()
        .explain(name, { $or: [{ x: 'a' }, { _id: { $in: ['v01', 'v02'] } }] })
        .join('\n');
      expect(or).toMatch(/MULTI-INDEX OR/);
      expect(or).not.toMatch(/SCAN/);
    });
  });
});
