// Issue #20 §2 — transactions as CloudBase runs them (its node-sdk's own transaction tests and
// the CloudBase docs: snapshot reads, write conflicts, 30-second transactions), through the SDK.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let _: any;
beforeAll(async () => {
  lc = await startLocal({ schema: false });
  _ = lc.db.command;
});
afterAll(() => lc.stop());

const NOT_EXIST =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
const CONFLICT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to reject');
}

let n = 0;
async function fresh(docs: Record<string, unknown>[] = []) {
  const name = `ptx_${++n}`;
  await lc.db.createCollection(name);
  if (docs.length) await lc.db.collection(name).add(docs);
  return name;
}
const SEED = [
  { _id: '1', category: 'Web', tags: ['JavaScript', 'C#'], num: 2 },
  { _id: '2', category: 'Web', tags: ['Go', 'C#'] },
  { _id: '3', category: 'Life', tags: ['Go', 'Python'] },
];

test('1,000 documents added in one call inside a transaction: queried inside it, invisible outside until commit', async () => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  const docs = Array.from({ length: 1000 }, (_x, i) => ({ name: `bulk${i}`, i }));
  const added = await tx.collection(c).add(docs);
  expect(added.ids).toHaveLength(1000);
  expect(new Set(added.ids).size).toBe(1000);
  const inside = await tx.collection(c).where({ name: /^bulk/ }).limit(1000).get();
  expect(inside.data).toHaveLength(1000);
  // Natural order inside the transaction too: the array's order.
  expect(inside.data.slice(0, 3).map((d: any) => d.i)).toEqual([0, 1, 2]);
  expect((await lc.db.collection(c).count()).total).toBe(3);
  await tx.commit();
  expect((await lc.db.collection(c).where({ name: /^bulk/ }).count()).total).toBe(1000);
  const page = await lc.db.collection(c).skip(3).limit(2).get();
  expect(page.data.map((d: any) => d.i)).toEqual([0, 1]);
});

test('a batch add then an $or query inside the transaction finds both', async () => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  expect((await tx.collection(c).add([{ name: 'a' }, { name: 'b' }])).ids).toHaveLength(2);
  const res = await tx
    .collection(c)
    .where(_.or([{ name: 'a' }, { name: 'b' }]))
    .get();
  expect(res.data.map((d: any) => d.name)).toEqual(['a', 'b']);
  await tx.commit();
  expect(
    (
      await lc.db
        .collection(c)
        .where({ name: _.in(['a', 'b']) })
        .count()
    ).total,
  ).toBe(2);
});

test('add with a custom _id (string or number) inside a transaction; read, removed, committed', async () => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  const docId = 1_700_000_000_123;
  const r1 = await tx.collection(c).add({ _id: docId, category: 'Web' });
  expect(r1).toMatchObject({ inserted: 1, ok: 1 });
  expect(r1.id == docId).toBe(true); // eslint-disable-line eqeqeq
  const r2 = await tx.collection(c).add({ _id: 'custom', category: 'hope' });
  expect(r2.id).toBe('custom');
  expect((await tx.collection(c).doc('custom').get()).data).toEqual({ _id: 'custom', category: 'hope' });
  expect((await tx.collection(c).doc(docId).remove()).deleted).toBe(1);
  // The same custom _id twice is a duplicate.
  expect((await rejection(tx.collection(c).add({ _id: 'custom' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  await tx.commit();
  expect((await lc.db.collection(c).doc('custom').get()).data).toEqual([{ _id: 'custom', category: 'hope' }]);
  expect((await lc.db.collection(c).doc(String(docId)).get()).data).toEqual([]);
});

test('no read skew: reads inside a transaction see its snapshot while others commit', async () => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  expect((await tx.collection(c).doc('1').get()).data.category).toBe('Web');
  // A plain write and another transaction's commit, in between.
  await lc.db.collection(c).doc('1').set({ category: 'changed' });
  const other: any = await lc.db.startTransaction();
  await other.collection(c).doc('2').update({ category: 'other' });
  await other.collection(c).add({ _id: 'late', category: 'Web' });
  await other.commit();
  await lc.db.collection(c).doc('3').remove();
  // The transaction reads the same as before, by id and by query.
  expect((await tx.collection(c).doc('1').get()).data).toEqual(SEED[0]);
  expect((await tx.collection(c).doc('2').get()).data).toEqual(SEED[1]);
  expect((await tx.collection(c).doc('3').get()).data).toEqual(SEED[2]);
  expect((await tx.collection(c).doc('late').get()).data).toBeFalsy();
  expect((await tx.collection(c).where({ category: 'Web' }).get()).data.map((d: any) => d._id)).toEqual(['1', '2']);
  expect((await tx.collection(c).limit(1000).get()).data).toHaveLength(3);
  // Outside, the new state.
  expect((await lc.db.collection(c).get()).data.map((d: any) => d._id)).toEqual(['1', '2', 'late']);
  // Writing a document changed since the snapshot is CloudBase's conflict, which ends the transaction.
  const e = await rejection(tx.collection(c).doc('1').update({ category: 'tx' }));
  expect(e).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT });
  expect(await rejection(tx.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST });
  expect((await lc.db.collection(c).doc('1').get()).data[0]).toEqual({ _id: '1', category: 'changed' });
});

test('write conflict with an open transaction that wrote the document first', async () => {
  const c = await fresh(SEED);
  const t1: any = await lc.db.startTransaction();
  const t2: any = await lc.db.startTransaction();
  const read = await t1.collection(c).doc('1').get();
  await t2.collection(c).doc('1').update({ category: '冲突检测' });
  const e = await rejection(
    t1
      .collection(c)
      .doc('1')
      .update({ category: `${read.data.category}x` }),
  );
  expect(e).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT });
  await t2.commit();
  expect((await lc.db.collection(c).doc('1').get()).data[0].category).toBe('冲突检测');
});

test('updateAndReturn of one document inside a transaction', async () => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  const res = await tx
    .collection(c)
    .where({ category: 'Web' })
    .updateAndReturn({ category: 'web', num: _.inc(1) });
  // The first match in natural order, returned as updated.
  expect(res.updated).toBe(1);
  expect(res.doc).toEqual({ ...SEED[0], category: 'web', num: 3 });
  expect((await tx.collection(c).doc('1').get()).data.category).toBe('web');
  expect((await lc.db.collection(c).doc('1').get()).data[0].category).toBe('Web');
  await tx.commit();
  expect((await lc.db.collection(c).where({ category: 'web' }).get()).data).toEqual([{ ...SEED[0], category: 'web', num: 3 }]);
  expect((await lc.db.collection(c).where({ category: 'Web' }).count()).total).toBe(1);
});

test('SDK 3.18.3: where().update()/remove()/count() on a transaction’s collection run outside it (no transaction id is sent)', async () => {
  // A trap for function code, the same in CloudBase: only doc().get/set/update/remove, add,
  // where().get() and updateAndReturn() belong to the transaction.
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  expect((await tx.collection(c).where({ category: 'Web' }).update({ seen: true })).updated).toBe(2);
  expect((await lc.db.collection(c).where({ seen: true }).count()).total).toBe(2);
  await tx.rollback();
  expect((await lc.db.collection(c).where({ seen: true }).count()).total).toBe(2);
});

test.each(['commit', 'rollback'])('a transaction used again after %s fails with CloudBase’s DATABASE_TRANSACTION_FAIL', async (end) => {
  const c = await fresh(SEED);
  const tx: any = await lc.db.startTransaction();
  await tx.collection(c).doc('2').update({ v: 1 });
  await tx[end]();
  const expected = { code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST };
  expect(await rejection(tx.collection(c).doc('1').set({ category: 'Node.js' }))).toMatchObject(expected);
  expect(await rejection(tx.collection(c).doc('1').update({ category: 'Node.js' }))).toMatchObject(expected);
  expect(await rejection(tx.collection(c).doc('1').get())).toMatchObject(expected);
  expect(await rejection(tx.collection(c).add({ x: 1 }))).toMatchObject(expected);
  expect(await rejection(tx.collection(c).where({ category: 'Web' }).get())).toMatchObject(expected);
  expect(await rejection(tx.commit())).toMatchObject(expected);
  expect(await rejection(tx.rollback())).toMatchObject(expected);
  expect((await lc.db.collection(c).doc('2').get()).data[0].v).toBe(end === 'commit' ? 1 : undefined);
  expect(lc.server.ctx.engine.openTransactions()).toBe(0);
});
