// emulator/db/engine.ts: each indexed path is kept in a column of its own (json_extract of the
// stored document) and the indexes are on those columns; an update sets only the columns it
// changed. Whatever path a write takes, every column must equal what json_extract reads from the
// document, or an indexed query would miss or wrongly find it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../emulator/db/engine';
import { encodeDoc } from '../../emulator/db/codec';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-cols-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PATHS = ['status', 'due', 'a.b'];
/** Rows whose path column differs from what json_extract reads from their document. */
const stale = (engine: Engine, table: string) =>
  PATHS.reduce((n, p) => n + (engine.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "ix:${p}" IS NOT json_extract(doc, '$.${p}')`).get() as { n: number }).n, 0);
const ids = (docs: Record<string, any>[]) => docs.map((d) => String(d._id)).sort();

test('every kind of write keeps the path columns equal to the documents, and indexed queries find the changes', () => {
  const engine = new Engine(tempFile());
  engine.createCollection('t');
  engine.ensureIndexes('t', [
    {
      name: 'status_due',
      keys: [
        ['status', 1],
        ['due', 1],
      ],
    },
    { name: 'ab', keys: [['a.b', 1]] },
  ]);
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  engine.insert('t', [
    { _id: 'x', status: 'open', due: day(1), a: { b: 1 }, note: 'n' },
    { _id: 'y', status: 'open', due: day(2), a: { b: 2 } },
    { _id: 'z', status: 'closed', due: null },
  ]);
  const multi = { multi: true, replace: false, upsert: false };
  // A change of a field no index covers, then of an indexed one, for several documents at once.
  expect(engine.update('t', { status: 'open' }, { note: 'm' }, multi).updated).toBe(2);
  expect(engine.update('t', { status: 'open' }, { $set: { due: day(9) } }, multi).updated).toBe(2);
  expect(ids(engine.find('t', { due: { $gte: day(9) } }))).toEqual(['x', 'y']);
  // One document; a nested indexed path; removing an indexed field.
  engine.update('t', { _id: 'x' }, { $set: { 'a.b': 5 }, $unset: { status: '' } }, { multi: false, replace: false, upsert: false });
  expect(ids(engine.find('t', { 'a.b': 5 }))).toEqual(['x']);
  expect(ids(engine.find('t', { status: 'open' }))).toEqual(['y']);
  // An indexed path turned into an object, then a replacement and an upsert.
  engine.update('t', { _id: 'y' }, { $set: { a: { b: { c: 1 } } } }, { multi: false, replace: false, upsert: false });
  engine.update('t', { _id: 'z' }, { status: 'open', due: day(3) }, { multi: false, replace: true, upsert: false });
  engine.update('t', { _id: 'w' }, { $set: { status: 'open', due: day(4) } }, { multi: false, replace: false, upsert: true });
  expect(ids(engine.find('t', { status: 'open', due: { $lt: day(5) } }))).toEqual(['w', 'z']);
  // A transaction's writes are stored at commit.
  const tx = engine.startTransaction();
  engine.update('t', { _id: 'w' }, { $set: { status: 'closed' } }, { multi: false, replace: false, upsert: false }, tx);
  engine.insert('t', [{ _id: 'v', status: 'open', due: day(6), a: { b: 6 } }], tx);
  engine.commit(tx);
  expect(ids(engine.find('t', { status: 'closed' }))).toEqual(['w']);
  expect(ids(engine.find('t', { 'a.b': 6 }))).toEqual(['v']);
  expect(stale(engine, 'c_t')).toBe(0);
  expect(engine.explain('t', { status: 'open', due: { $lt: day(5) } }).join(' ')).toContain('ix_t_status_due');
  engine.close();
});

test('a data folder whose indexes are on expressions of the document gets the path columns when opened', () => {
  const file = tempFile();
  // The previous layout: the same table without path columns, its index on json_extract(doc, …).
  const old = new Database(file);
  old.exec(
    `CREATE TABLE __collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]', multikey TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, types TEXT NOT NULL DEFAULT '{}')`,
  );
  const indexes = [
    {
      name: 'status_due',
      keys: [
        ['status', 1],
        ['due', 1],
      ],
    },
    { name: 'ab', keys: [['a.b', 1]] },
  ];
  old
    .prepare('INSERT INTO __collections (name, indexes, created_at, types) VALUES (?, ?, ?, ?)')
    .run('t', JSON.stringify(indexes), '2026-01-01', JSON.stringify({ status: ['string'], due: ['date'], 'a.b': ['number'] }));
  old.exec('CREATE TABLE "c_t" (seq INTEGER PRIMARY KEY, _id TEXT NOT NULL UNIQUE, ver INTEGER NOT NULL, doc TEXT NOT NULL)');
  old.exec(`CREATE INDEX "ix_t_status_due" ON "c_t" (json_extract(doc, '$.status') ASC, json_extract(doc, '$.due') ASC)`);
  old.exec(`CREATE INDEX "ix_t_ab" ON "c_t" (json_extract(doc, '$.a.b') ASC)`);
  const insert = old.prepare('INSERT INTO "c_t" (_id, ver, doc) VALUES (?, 1, ?)');
  insert.run('p', encodeDoc({ _id: 'p', status: 'open', due: new Date(Date.UTC(2026, 0, 1)), a: { b: 1 } }));
  insert.run('q', encodeDoc({ _id: 'q', status: 'closed', due: new Date(Date.UTC(2026, 0, 2)), a: { b: 2 } }));
  old.close();

  const engine = new Engine(file);
  expect(stale(engine, 'c_t')).toBe(0);
  expect(ids(engine.find('t', { status: 'open' }))).toEqual(['p']);
  expect(ids(engine.find('t', { 'a.b': { $gte: 2 } }))).toEqual(['q']);
  expect(engine.explain('t', { 'a.b': 2 }).join(' ')).toContain('ix_t_ab');
  const indexSql = (engine.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_t_%'`).all() as { sql: string }[]).map((r) => r.sql);
  expect(indexSql).toHaveLength(2);
  for (const sql of indexSql) expect(sql).not.toContain('json_extract');
  engine.close();
});
