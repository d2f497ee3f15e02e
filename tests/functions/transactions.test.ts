// Issue §3: transactions through the real SDK — rollback, isolation, conflicts, atomic commit.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let _: any;
beforeAll(async () => {
  lc = await startLocal({ schema: false });
  _ = lc.db.command;
});
afterAll(() => lc.stop());

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
  const name = `tx_${++n}`;
  await lc.db.createCollection(name);
  if (docs.length) await lc.db.collection(name).add(docs);
  return name;
}
const get = async (coll: string, id: string) => ((await lc.db.collection(coll).doc(id).get()) as any).data[0];
const all = async (coll: string) => ((await lc.db.collection(coll).get()) as any).data;

test('runTransaction whose callback throws writes nothing (rollback on error)', async () => {
  const c = await fresh([{ _id: 'a', v: 1 }]);
  const boom = new Error('boom');
  const e = await rejection(
    lc.db.runTransaction(async (tx: any) => {
      await tx
        .collection(c)
        .doc('a')
        .update({ v: _.inc(10) });
      await tx.collection(c).add({ _id: 'b', v: 2 });
      await tx.collection(c).doc('a').remove();
      throw boom;
    }),
  );
  expect(e).toBe(boom);
  expect(await all(c)).toEqual([{ _id: 'a', v: 1 }]);
  expect(lc.server.ctx.engine.openTransactions()).toBe(0);
});

test('runTransaction returns the callback result and commits', async () => {
  const c = await fresh([{ _id: 'a', v: 1 }]);
  const out = await lc.db.runTransaction(async (tx: any) => {
    const { data } = await tx.collection(c).doc('a').get();
    await tx
      .collection(c)
      .doc('a')
      .update({ v: data.v + 1 });
    return 'done';
  });
  expect(out).toBe('done');
  expect(await get(c, 'a')).toEqual({ _id: 'a', v: 2 });
});

test('startTransaction + writes + rollback() writes nothing', async () => {
  const c = await fresh([{ _id: 'a', v: 1 }]);
  const tx: any = await lc.db.startTransaction();
  await tx.collection(c).doc('a').update({ v: 99 });
  await tx.collection(c).add({ _id: 'new', v: 5 });
  await tx.collection(c).doc('a').set({ replaced: true });
  await tx.rollback();
  expect(await all(c)).toEqual([{ _id: 'a', v: 1 }]);
  // The transaction is over: using it again fails.
  expect((await rejection(tx.collection(c).doc('a').update({ v: 3 }))).code).toBe('DATABASE_TRANSACTION_FAIL');
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('isolation: writes in an open transaction are invisible until commit, then visible', async () => {
  const c = await fresh([{ _id: 'a', v: 1 }]);
  const tx: any = await lc.db.startTransaction();
  await tx.collection(c).doc('a').update({ v: 2 });
  await tx.collection(c).add({ _id: 'b', v: 3 });
  // The transaction sees its own writes…
  expect((await tx.collection(c).doc('a').get()).data).toEqual({ _id: 'a', v: 2 });
  expect((await tx.collection(c).doc('b').get()).data).toEqual({ _id: 'b', v: 3 });
  // …a plain read does not.
  expect(await get(c, 'a')).toEqual({ _id: 'a', v: 1 });
  expect(await get(c, 'b')).toBeUndefined();
  expect((await lc.db.collection(c).count()).total).toBe(1);
  await tx.commit();
  expect(await get(c, 'a')).toEqual({ _id: 'a', v: 2 });
  expect(await get(c, 'b')).toEqual({ _id: 'b', v: 3 });
});

test('conflict: two concurrent transactions update one doc → one commits, one gets DATABASE_TRANSACTION_CONFLICT', async () => {
  const c = await fresh([{ _id: 'counter', n: 0 }]);
  const [t1, t2]: any[] = await Promise.all([lc.db.startTransaction(), lc.db.startTransaction()]);
  // Both read first, then both write, then both commit.
  await Promise.all([t1.collection(c).doc('counter').get(), t2.collection(c).doc('counter').get()]);
  const attempt = async (tx: any) => {
    try {
      await tx
        .collection(c)
        .doc('counter')
        .update({ n: _.inc(1) });
      await tx.commit();
      return 'committed';
    } catch (e: any) {
      return e.code;
    }
  };
  const outcomes = await Promise.all([attempt(t1), attempt(t2)]);
  expect(outcomes.sort()).toEqual(['DATABASE_TRANSACTION_CONFLICT', 'committed']);
  expect(await get(c, 'counter')).toEqual({ _id: 'counter', n: 1 });
  expect(lc.server.ctx.engine.openTransactions()).toBe(0);
});

test('conflict: a transaction that read, then a commit by another, then its own write', async () => {
  const c = await fresh([{ _id: 'd', n: 0 }]);
  const t1: any = await lc.db.startTransaction();
  const t2: any = await lc.db.startTransaction();
  await t1.collection(c).doc('d').get();
  await t2
    .collection(c)
    .doc('d')
    .update({ n: _.inc(1) });
  await t2.commit();
  // As in CloudBase (MongoDB's write conflict): the write fails and ends the transaction.
  expect(
    (
      await rejection(
        t1
          .collection(c)
          .doc('d')
          .update({ n: _.inc(1) }),
      )
    ).code,
  ).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await rejection(t1.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await get(c, 'd')).toEqual({ _id: 'd', n: 1 });
});

test('a plain write between a transaction read and its own write makes that write fail', async () => {
  const c = await fresh([{ _id: 'd', n: 0, owner: 'nobody' }]);
  const tx: any = await lc.db.startTransaction();
  const { data } = await tx.collection(c).doc('d').get();
  expect(data.owner).toBe('nobody');
  await lc.db.collection(c).doc('d').update({ owner: 'plain' });
  // CloudBase reports the conflict at the transaction's write (and ends the transaction).
  const e = await rejection(tx.collection(c).doc('d').update({ owner: 'tx' }));
  expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await get(c, 'd')).toEqual({ _id: 'd', n: 0, owner: 'plain' });
});

test('a plain write to a doc the transaction has written (not read) also fails the commit', async () => {
  const c = await fresh([{ _id: 'd', n: 0 }]);
  const tx: any = await lc.db.startTransaction();
  await tx
    .collection(c)
    .doc('d')
    .update({ n: _.inc(5) });
  await lc.db
    .collection(c)
    .doc('d')
    .update({ n: _.inc(1) });
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await get(c, 'd')).toEqual({ _id: 'd', n: 1 });
});

test('a plain insert of the id a transaction inserts makes its commit fail', async () => {
  const c = await fresh();
  const tx: any = await lc.db.startTransaction();
  await tx.collection(c).add({ _id: 'x', by: 'tx' });
  await lc.db.collection(c).add({ _id: 'x', by: 'plain' });
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await all(c)).toEqual([{ _id: 'x', by: 'plain' }]);
});

test('add + update + delete in one transaction commit atomically', async () => {
  const c = await fresh([
    { _id: 'keep', v: 1 },
    { _id: 'gone', v: 2 },
  ]);
  const tx: any = await lc.db.startTransaction();
  const added = await tx.collection(c).add({ _id: 'born', v: 3 });
  expect(added.id).toBe('born');
  expect(
    (
      await tx
        .collection(c)
        .doc('keep')
        .update({ v: _.inc(10) })
    ).updated,
  ).toBe(1);
  expect((await tx.collection(c).doc('gone').remove()).deleted).toBe(1);
  // Nothing yet.
  expect((await all(c)).map((d: any) => d._id).sort()).toEqual(['gone', 'keep']);
  await tx.commit();
  // Natural order: 'born' was inserted (at commit) after 'keep'.
  expect(await all(c)).toEqual([
    { _id: 'keep', v: 11 },
    { _id: 'born', v: 3 },
  ]);
});

test('a commit that fails writes none of its documents', async () => {
  const c = await fresh([
    { _id: 'a', v: 1 },
    { _id: 'b', v: 1 },
  ]);
  const tx: any = await lc.db.startTransaction();
  await tx.collection(c).doc('a').update({ v: 2 });
  await tx.collection(c).add({ _id: 'c', v: 1 });
  await tx.collection(c).doc('b').update({ v: 2 });
  await lc.db.collection(c).doc('b').update({ v: 7 }); // makes the commit conflict on b
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await all(c)).toEqual([
    { _id: 'a', v: 1 },
    { _id: 'b', v: 7 },
  ]);
});
