// Issue #20 §1 — natural order. CloudBase (MongoDB underneath) returns documents of a query or
// pipeline without orderBy/$sort in insertion order ("natural order"), and a sort leaves ties in
// that order; here through the real SDK, including over declared indexes and an old data folder.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let _: any;
beforeAll(async () => {
  lc = await startLocal({ schema: false });
  _ = lc.db.command;
});
afterAll(() => lc.stop());

let n = 0;
async function fresh(indexes: { name: string; keys: [string, 1 | -1][] }[] = []) {
  const name = `order_${++n}`;
  await lc.db.createCollection(name);
  if (indexes.length) lc.server.ctx.engine.ensureIndexes(name, indexes);
  return { name, c: lc.db.collection(name) };
}
const NAMES = ['DONG', 'WANG', 'LI', 'ZHAO', 'AN'];
const names = (res: any) => res.data.map((d: any) => d.name);

test('documents added one by one (generated _ids) come back in insertion order', async () => {
  const { c } = await fresh();
  for (const name of NAMES) await c.add({ name });
  expect(names(await c.get())).toEqual(NAMES);
  // …also page by page, without orderBy.
  expect(names(await c.skip(2).limit(2).get())).toEqual(['LI', 'ZHAO']);
});

test('one batch add keeps the order of the array; custom _ids do not reorder', async () => {
  const { c } = await fresh();
  await c.add(NAMES.map((name, i) => ({ _id: `id-${'zyxwv'[i]}`, name })));
  expect(names(await c.get())).toEqual(NAMES);
  expect(names(await c.where({ name: _.in(['AN', 'DONG', 'LI']) }).get())).toEqual(['DONG', 'LI', 'AN']);
});

test('an update or a set does not move a document; a removed-then-added one goes last', async () => {
  const { c } = await fresh();
  const ids: string[] = [];
  for (const name of NAMES) ids.push(((await c.add({ name })) as any).id);
  await c.doc(ids[0]).update({ touched: true });
  await c.doc(ids[1]).set({ name: 'WANG' });
  await c.doc(ids[2]).remove();
  await c.add({ _id: ids[2], name: 'LI' });
  expect(names(await c.get())).toEqual(['DONG', 'WANG', 'ZHAO', 'AN', 'LI']);
});

test('over a declared index (equality, range, $in), results without orderBy keep insertion order', async () => {
  const { name, c } = await fresh([
    {
      name: 'kind_at',
      keys: [
        ['kind', 1],
        ['at', -1],
      ],
    },
    { name: 'rank', keys: [['rank', 1]] },
  ]);
  const ranks = [5, 1, 4, 2, 3];
  await c.add(NAMES.map((nm, i) => ({ name: nm, kind: 'k', at: ranks[i], rank: ranks[i] })));
  // The index orders by `at`/`rank`; natural order is still what comes back.
  expect(names(await c.where({ kind: 'k' }).get())).toEqual(NAMES);
  expect(names(await c.where({ rank: _.gte(2) }).get())).toEqual(['DONG', 'LI', 'ZHAO', 'AN']);
  expect(names(await c.where({ rank: _.in([1, 3, 5]) }).get())).toEqual(['DONG', 'WANG', 'AN']);
  // Pages of it, decided by SQL alone and with mingo filtering the rest.
  expect(names(await c.where({ kind: 'k' }).skip(3).limit(5).get())).toEqual(['ZHAO', 'AN']);
  expect(names(await c.where({ kind: 'k', name: /N|A/ }).skip(1).limit(2).get())).toEqual(['WANG', 'ZHAO']);
  expect((await c.where({ kind: 'k', name: /N|A/ }).count()).total).toBe(4);
  // The planner still pushes the query into the index.
  expect(lc.server.ctx.engine.explain(name, { kind: 'k' }, {}).join(' ')).toMatch(/USING INDEX ix_order_\d+_kind_at/);
});

test('ties of a sort (indexed or not) come out in insertion order', async () => {
  const { name, c } = await fresh([{ name: 'grp', keys: [['grp', 1]] }]);
  await c.add(NAMES.map((nm, i) => ({ name: nm, grp: i % 2, other: i % 2 })));
  expect(names(await c.orderBy('grp', 'desc').get())).toEqual(['WANG', 'ZHAO', 'DONG', 'LI', 'AN']);
  expect(names(await c.orderBy('other', 'asc').get())).toEqual(['DONG', 'LI', 'AN', 'WANG', 'ZHAO']);
  // The indexed sort with its tiebreak needs no sort step.
  expect(lc.server.ctx.engine.explain(name, { grp: 1 }, { order: [['grp', -1]] }).join(' ')).not.toMatch(/TEMP B-TREE/);
});

test('a pipeline without $sort reads in natural order, with or without a leading $match', async () => {
  const { c } = await fresh();
  await c.add(NAMES.map((name, i) => ({ _id: String(9 - i), name, v: i })));
  const $ = lc.db.command.aggregate;
  expect((await c.aggregate().project({ _id: 0, name: 1 }).end()).data.map((d: any) => d.name)).toEqual(NAMES);
  expect(
    (
      await c
        .aggregate()
        .match({ v: _.gt(0) })
        .limit(3)
        .end()
    ).data.map((d: any) => d.name),
  ).toEqual(['WANG', 'LI', 'ZHAO']);
  const grouped = await c
    .aggregate()
    .group({ _id: null, all: $.push('$name') })
    .end();
  expect(grouped.data[0].all).toEqual(NAMES);
});

test('a data folder from before insertion order was kept is migrated on open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-old-'));
  try {
    // The old layout: a WITHOUT ROWID table keyed by _id, and its declared index.
    const old = new Database(join(dir, 'db.sqlite'));
    old.exec(
      `CREATE TABLE __collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]', multikey TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, types TEXT NOT NULL DEFAULT '{}')`,
    );
    old
      .prepare('INSERT INTO __collections (name, indexes, created_at) VALUES (?, ?, ?)')
      .run('legacy', JSON.stringify([{ name: 'name', keys: [['name', 1]] }]), new Date().toISOString());
    old.exec(`CREATE TABLE c_legacy (_id TEXT PRIMARY KEY, ver INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`);
    old.exec(`CREATE INDEX ix_legacy_name ON c_legacy (json_extract(doc, '$.name') ASC)`);
    for (const id of ['b', 'a', 'c']) old.prepare('INSERT INTO c_legacy VALUES (?, 1, ?)').run(id, JSON.stringify({ _id: id, name: `n-${id}` }));
    old.close();

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const local = await startLocal({ dataDir: dir, schema: false });
    try {
      expect(warn.mock.calls.some(([m]) => String(m).includes('legacy') && String(m).includes('migrated'))).toBe(true);
      const c = local.db.collection('legacy');
      // Old documents keep the only order they had (_id); new ones go after them.
      await c.add({ _id: '0', name: 'n-0' });
      expect((await c.get()).data.map((d: any) => d._id)).toEqual(['a', 'b', 'c', '0']);
      await expect(c.add({ _id: 'a', name: 'dup' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
      expect((await c.where({ name: 'n-b' }).get()).data).toEqual([{ _id: 'b', name: 'n-b' }]);
      expect(local.server.ctx.engine.explain('legacy', { name: 'n-b' }).join(' ')).toMatch(/USING INDEX ix_legacy_name/);
    } finally {
      warn.mockRestore();
      await local.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
