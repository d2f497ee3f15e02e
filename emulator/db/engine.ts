import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import mingo from 'mingo';
import { decodeDoc, encodeDoc, type Doc, isDate } from './codec';
import { conflict, duplicate, invalid, notExist, txFail, uniqueViolation, DbError } from './errors';
import { docDistance, nearPath, nearSpec } from './geo';
import { aggregate as mingoAggregate, find as mingoFind, Query } from './mingo-context';
import { pathColumn, pathExpr, pinnedPaths, planOrder, planQuery, SEQ } from './plan';

export interface IndexDef {
  name: string;
  /**
   * [path, direction] pairs; paths are dot paths of scalar fields — or, with '2dsphere', of
   * GeoJSON values (a geo index: required by geoNear as in CloudBase; not pushed into SQL).
   */
  keys: [string, 1 | -1 | '2dsphere'][];
  unique?: boolean;
}

export interface FindOptions {
  order?: [string, 1 | -1][];
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

interface CollInfo {
  name: string;
  table: string;
  indexes: IndexDef[];
  indexedPaths: Set<string>;
  /** The same but `_id` (a column already), in a fixed order: the path columns `writeRow` sets. */
  paths: string[];
  /** Every indexed path split once, in `paths` order then `_id` (what `writeRow` reads from a document). */
  scan: { path: string; parts: string[]; column: boolean }[];
  /** Paths with a '2dsphere' (geo) index. */
  geoPaths: Set<string>;
  multikey: Set<string>;
  /** For each indexed path, the type classes its values have had (see `typeClass`). */
  types: Map<string, Set<TypeClass>>;
}

/** What planner guards need to know about the values an indexed path has held. */
export type TypeClass = 'string' | 'number' | 'boolean' | 'date' | 'object' | 'array' | 'null';
function typeClass(v: unknown): TypeClass | null {
  if (v === undefined) return null;
  if (v === null) return 'null';
  if (isDate(v)) return 'date';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
}

interface PendingWrite {
  coll: string;
  id: string;
  doc: Doc | null;
  insert: boolean;
}
interface Tx {
  id: string;
  startedAt: number;
  /** The write counter when the transaction started: it reads the data as of then (snapshot). */
  snap: number;
  /** The transaction's own writes, in the order made (inserts commit in this order). */
  writes: Map<string, PendingWrite>;
}
/** A row as it was before a change made while transactions were open (`doc` null: absent). */
interface Image {
  /** The write counter value of the change that replaced this state. */
  upto: number;
  seq: number | null;
  doc: string | null;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
/** CloudBase: "transaction must be commit or abort in 30 seconds". */
const TX_TTL_MS = 30_000;
const key = (coll: string, id: string) => `${coll}\u0001${id}`;
/** Natural-order position of documents a transaction inserts: after every stored one. */
const TX_SEQ_BASE = Number.MAX_SAFE_INTEGER / 2;

/** A deep copy whose Dates are this realm's (structuredClone's are not, under jest's vm). */
function cloneDoc<T>(doc: T): T {
  return decodeDoc(encodeDoc(doc as Doc)) as T;
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A document database with CloudBase's semantics on SQLite: one table per collection (`seq`,
 * `_id`, row version, JSON document, and a column per indexed path), declared indexes as SQLite
 * indexes on those columns, Mongo semantics from mingo, and optimistic transactions across requests.
 */
export class Engine {
  readonly db: Database.Database;
  private colls = new Map<string, CollInfo>();
  private txs = new Map<string, Tx>();
  /** Documents written by an open transaction, and which one. */
  private locks = new Map<string, string>();
  private stmts = new Map<string, Database.Statement>();
  /** Counts committed row changes; a transaction's snapshot is a value of it. */
  private version = 0;
  /** Before-images of rows changed while some transaction was open, oldest first per row. */
  private history = new Map<string, Image[]>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoint after ~40 MB of WAL rather than 4 MB: an update of a document rewrites an entry
    // in each of its indexes (16 for a ticket), and checkpointing every few commits copied those
    // pages to the database file again each time (bench:reminders: ~40% of the commit CPU). A
    // commit is still in the WAL before it is acknowledged (durable when the process is killed).
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS __collections (
      name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]', multikey TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL)`);
    // Added later: data folders made before it get the column (every path then counts as
    // "types unknown" until its index is ensured again, which rescans it).
    const columns = (this.db.prepare('PRAGMA table_info(__collections)').all() as any[]).map((c) => c.name);
    if (!columns.includes('types')) this.db.exec(`ALTER TABLE __collections ADD COLUMN types TEXT NOT NULL DEFAULT '{}'`);
    for (const row of this.db.prepare('SELECT name, indexes, multikey, types FROM __collections').all() as any[]) {
      const info = this.makeInfo(row.name, JSON.parse(row.indexes), JSON.parse(row.multikey), JSON.parse(row.types));
      this.migrateToSeq(info);
      this.migrateToPathColumns(info);
      this.colls.set(row.name, info);
    }
  }

  /**
   * Data folders made before insertion order was kept store each collection as a WITHOUT ROWID
   * table keyed by `_id`. Such a table is rebuilt on open into the current layout (a rowid table
   * whose `seq` is the insertion sequence, `_id` unique); its documents keep their old order
   * (`_id` order, the only one they had) and its declared indexes are created again.
   */
  private migrateToSeq(info: CollInfo) {
    const cols = (this.db.prepare(`PRAGMA table_info("${info.table}")`).all() as any[]).map((c) => c.name);
    if (cols.length === 0 || cols.includes('seq')) return;
    const tmp = `${info.table}__seq`;
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS "${tmp}"`);
      this.db.exec(createTableSql(tmp));
      this.db.exec(`INSERT INTO "${tmp}" (_id, ver, doc) SELECT _id, ver, doc FROM "${info.table}" ORDER BY _id`);
      this.db.exec(`DROP TABLE "${info.table}"`);
      this.db.exec(`ALTER TABLE "${tmp}" RENAME TO "${info.table}"`);
      this.addPathColumns(info);
      for (const ix of info.indexes) this.db.exec(createIndexSql(info, ix));
    })();
    console.warn(`[local CloudBase] collection ${info.name}: migrated to insertion-order storage (existing documents keep _id order; \`npm run reset\` starts afresh)`);
  }

  /**
   * Each indexed path has a column of its own holding `json_extract(doc, '$.<path>')`, and the
   * indexes are on those columns: an update sets only the columns whose value it changed, so
   * SQLite rewrites only the indexes over them. (Indexes on expressions of `doc` were all
   * rewritten on every change of a document: 16 index entries, each a page to commit, for a
   * ticket whose reminder time moved.) Adds the missing columns, filled from the documents;
   * answers whether there were any.
   */
  private addPathColumns(info: CollInfo): boolean {
    const have = new Set((this.db.prepare(`PRAGMA table_info("${info.table}")`).all() as any[]).map((c) => c.name));
    const missing = info.paths.filter((p) => !have.has(pathColumn(p)));
    for (const p of missing) this.db.exec(`ALTER TABLE "${info.table}" ADD COLUMN ${pathExpr(p)}`);
    if (missing.length) this.db.exec(`UPDATE "${info.table}" SET ${missing.map((p) => `${pathExpr(p)} = json_extract(doc, '$.${p}')`).join(', ')}`);
    return missing.length > 0;
  }

  /** Data folders whose indexes were on expressions of `doc`: the path columns are added and the indexes made again on them. */
  private migrateToPathColumns(info: CollInfo) {
    this.db.transaction(() => {
      if (!this.addPathColumns(info)) return;
      for (const ix of info.indexes) {
        this.db.exec(`DROP INDEX IF EXISTS "ix_${info.name}_${ix.name}"`);
        this.db.exec(createIndexSql(info, ix));
      }
    })();
  }

  /** What each indexed path of a document holds, comparable with `===` (see `writeRow`). */
  private indexKeys(info: CollInfo, doc: Doc): string[] {
    const keys: string[] = [];
    for (const s of info.scan) if (s.column) keys.push(valueKey(valueAt(doc, s.parts)));
    return keys;
  }

  close() {
    this.db.close();
  }

  private makeInfo(name: string, indexes: IndexDef[], multikey: string[], types: Record<string, TypeClass[]> = {}): CollInfo {
    const indexedPaths = new Set<string>();
    const geoPaths = new Set<string>();
    for (const ix of indexes) for (const [p, d] of ix.keys) (d === '2dsphere' ? geoPaths : indexedPaths).add(p);
    const paths = [...indexedPaths].filter((p) => p !== '_id');
    const scan = [...paths, ...(indexedPaths.has('_id') ? ['_id'] : [])].map((p) => ({ path: p, parts: p.split('.'), column: p !== '_id' }));
    return {
      name,
      table: `c_${name}`,
      indexes,
      indexedPaths,
      paths,
      scan,
      geoPaths,
      multikey: new Set(multikey),
      types: new Map(Object.entries(types).map(([p, ts]) => [p, new Set(ts)])),
    };
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  // ---------------------------------------------------------------- collections

  listCollections(): string[] {
    return [...this.colls.keys()].sort();
  }

  hasCollection(name: string) {
    return this.colls.has(name);
  }

  createCollection(name: string): boolean {
    if (!NAME_RE.test(name)) throw invalid(`invalid collection name: ${name}`);
    if (this.colls.has(name)) return false;
    const info = this.makeInfo(name, [], []);
    this.db.transaction(() => {
      this.db.exec(createTableSql(info.table));
      this.db.prepare('INSERT INTO __collections (name, created_at) VALUES (?, ?)').run(name, new Date().toISOString());
    })();
    this.colls.set(name, info);
    return true;
  }

  /** Creates the declared indexes (idempotent; an index whose definition changed is rebuilt). */
  ensureIndexes(name: string, indexes: IndexDef[]) {
    const info = this.info(name);
    for (const ix of indexes) {
      if (!NAME_RE.test(ix.name)) throw invalid(`invalid index name: ${ix.name}`);
      for (const [p] of ix.keys) pathExpr(p);
    }
    this.db.transaction(() => {
      const merged = [...info.indexes.filter((i) => !indexes.some((n) => n.name === i.name)), ...indexes];
      const fresh = this.makeInfo(name, merged, [...info.multikey]);
      this.addPathColumns(fresh);
      for (const ix of indexes) {
        const existing = info.indexes.find((i) => i.name === ix.name);
        if (existing && JSON.stringify(existing) !== JSON.stringify(ix)) this.db.exec(`DROP INDEX IF EXISTS "ix_${name}_${ix.name}"`);
        this.db.exec(createIndexSql(info, ix));
      }
      this.db.prepare('UPDATE __collections SET indexes = ? WHERE name = ?').run(JSON.stringify(merged), name);
      this.colls.set(name, fresh);
      // Which kinds of values each indexed path already holds (guards in the planner depend on it).
      for (const p of fresh.indexedPaths) {
        const rows = this.db
          .prepare(
            `SELECT DISTINCT CASE json_type(doc, '$.${p}')
               WHEN 'text' THEN CASE WHEN substr(json_extract(doc, '$.${p}'), 1, 1) = char(0) THEN 'date' ELSE 'string' END
               WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'true' THEN 'boolean' WHEN 'false' THEN 'boolean'
               ELSE json_type(doc, '$.${p}') END AS t FROM "${fresh.table}"`,
          )
          .all() as { t: TypeClass | null }[];
        fresh.types.set(p, new Set(rows.map((r) => r.t).filter((t): t is TypeClass => !!t)));
      }
      this.saveTypes(fresh);
      // An index on a path that already holds arrays must not be used for pushdown.
      // So must a path that runs through an array ('a.b' over a: [{b}]).
      for (const p of fresh.indexedPaths) {
        const parts = p.split('.');
        const anyArray = parts.map((_x, i) => `json_type(doc, '$.${parts.slice(0, i + 1).join('.')}') = 'array'`).join(' OR ');
        const hit = this.db.prepare(`SELECT 1 FROM "${fresh.table}" WHERE ${anyArray} LIMIT 1`).get();
        if (hit) this.markMultikey(fresh, p);
      }
    })();
    this.stmts.clear();
  }

  /** The SQLite query plan for a find, for tests and benchmarks that check index use. */
  explain(name: string, query: Doc, opts: FindOptions = {}): string[] {
    const info = this.info(name);
    const { sql, params } = this.buildSelect(info, query, opts, 'doc');
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as any[]).map((r) => r.detail);
  }

  private info(name: string): CollInfo {
    const info = this.colls.get(name);
    if (!info) throw notExist(name);
    return info;
  }

  private markMultikey(info: CollInfo, path: string) {
    if (info.multikey.has(path)) return;
    info.multikey.add(path);
    this.db.prepare('UPDATE __collections SET multikey = ? WHERE name = ?').run(JSON.stringify([...info.multikey]), info.name);
  }

  private saveTypes(info: CollInfo) {
    const obj = Object.fromEntries([...info.types].map(([p, ts]) => [p, [...ts]]));
    this.db.prepare('UPDATE __collections SET types = ? WHERE name = ?').run(JSON.stringify(obj), info.name);
  }

  /**
   * Reads each indexed path of a document being written once: records a new type class for it
   * (once per class), marks it multikey when it holds or runs through an array, and answers the
   * path columns' `indexKeys`.
   */
  private scanPaths(info: CollInfo, doc: Doc): string[] {
    let changed = false;
    const keys: string[] = [];
    for (const { path, parts, column } of info.scan) {
      const v = valueAt(doc, parts);
      if (column) keys.push(valueKey(v));
      // valueAt answers the first array on the way, so this is "the path hits an array".
      if (Array.isArray(v)) this.markMultikey(info, path);
      const t = typeClass(v);
      if (!t) continue;
      const seen = info.types.get(path) ?? new Set<TypeClass>();
      if (!seen.has(t)) {
        seen.add(t);
        info.types.set(path, seen);
        changed = true;
      }
    }
    if (changed) this.saveTypes(info);
    return keys;
  }

  private typesFn(info: CollInfo) {
    return (p: string): Set<TypeClass> | undefined => info.types.get(p);
  }

  private indexedFn(info: CollInfo) {
    return (p: string) => p === '_id' || (info.indexedPaths.has(p) && !info.multikey.has(p));
  }

  // ---------------------------------------------------------------- reads

  private buildSelect(info: CollInfo, query: Doc, opts: FindOptions, cols: string) {
    const plan = planQuery(query, this.indexedFn(info), this.typesFn(info));
    const orderSql = planOrder(opts.order ?? [], this.indexedFn(info), pinnedPaths(query));
    const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : '';
    // A sort SQL cannot do is done by mingo (stable) over rows in natural order, so ties stay
    // in insertion order there too.
    const order = ` ORDER BY ${orderSql ?? SEQ}`;
    const sql = `SELECT ${cols} FROM "${info.table}"${where}${order}`;
    // Natural order over an index that does not yield it (a range, or equality on a prefix of a
    // compound index): sorting rows by seq would sort whole documents; `seqSql` picks the seqs
    // from the index alone (the rowid ends every entry), sorts those integers, then reads the rows.
    const seqSql = orderSql === SEQ && where ? `SELECT seq FROM "${info.table}"${where} ORDER BY seq` : null;
    return { sql, params: plan.params, exact: plan.exact, ordered: orderSql !== null, seqSql };
  }

  find(name: string, query: Doc, opts: FindOptions = {}, stored?: WeakMap<Doc, string>): Doc[] {
    const info = this.info(name);
    query = prepareQuery(query);
    const near = nearPath(query);
    if (near) {
      this.requireGeoIndex(info, near.path);
      // geoNear answers nearest first (unless the query sorts otherwise); ties in natural order.
      if (!opts.order?.length) {
        const { point } = nearSpec(near.spec);
        const all = this.findDocs(info, query, {});
        const dist = new Map(all.map((d) => [d, docDistance(d, near.path, point)]));
        const sorted = all.sort((a, b) => (dist.get(a) as number) - (dist.get(b) as number));
        const page = sorted.slice(Math.max(0, opts.skip ?? 0), opts.limit === undefined ? undefined : Math.max(0, opts.skip ?? 0) + opts.limit);
        return opts.projection && Object.keys(opts.projection).length ? project(page, opts.projection) : page;
      }
    }
    return this.findDocs(info, query, opts, stored);
  }

  private requireGeoIndex(info: CollInfo, path: string) {
    if (!info.geoPaths.has(path)) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (no geo index on ${info.name}.${path})`,
      );
    }
  }

  /** `stored`: remembers each returned document's stored text (an update compares against it). */
  private findDocs(info: CollInfo, query: Doc, opts: FindOptions, stored?: WeakMap<Doc, string>): Doc[] {
    const decode = stored
      ? (text: string) => {
          const d = decodeDoc(text);
          stored.set(d, text);
          return d;
        }
      : decodeDoc;
    const skip = Math.max(0, opts.skip ?? 0);
    const limit = opts.limit ?? Number.MAX_SAFE_INTEGER;
    const { sql, params, exact, ordered, seqSql } = this.buildSelect(info, query, opts, 'doc');
    let docs: Doc[];
    if (exact && ordered) {
      const page = seqSql ? `SELECT doc FROM "${info.table}" WHERE seq IN (${seqSql} LIMIT ? OFFSET ?) ORDER BY seq` : `${sql} LIMIT ? OFFSET ?`;
      const rows = this.stmt(page).all(...params, Math.min(limit, 2 ** 31 - 1), skip) as { doc: string }[];
      docs = rows.map((r) => decode(r.doc));
    } else if (ordered && seqSql) {
      const q = new Query(query);
      const bySeq = this.stmt(`SELECT doc FROM "${info.table}" WHERE seq = ?`);
      docs = [];
      let skipped = 0;
      for (const seq of this.stmt(seqSql)
        .pluck()
        .all(...params) as number[]) {
        const d = decode((bySeq.get(seq) as { doc: string }).doc);
        if (!q.test(d)) continue;
        if (skipped < skip) {
          skipped++;
          continue;
        }
        docs.push(d);
        if (docs.length >= limit) break;
      }
    } else if (ordered) {
      const q = new Query(query);
      docs = [];
      let skipped = 0;
      for (const row of this.stmt(sql).iterate(...params) as Iterable<{ doc: string }>) {
        const d = decode(row.doc);
        if (!q.test(d)) continue;
        if (skipped < skip) {
          skipped++;
          continue;
        }
        docs.push(d);
        if (docs.length >= limit) break;
      }
    } else {
      const all = (this.stmt(sql).all(...params) as { doc: string }[]).map((r) => decode(r.doc));
      const sort: Record<string, 1 | -1> = {};
      for (const [p, d] of opts.order ?? []) sort[p] = d;
      let cursor = mingoFind(all, exact ? {} : query).sort(sort);
      if (skip) cursor = cursor.skip(skip);
      if (opts.limit !== undefined) cursor = cursor.limit(limit);
      docs = cursor.all() as Doc[];
    }
    return opts.projection && Object.keys(opts.projection).length ? project(docs, opts.projection) : docs;
  }

  count(name: string, query: Doc): number {
    const info = this.info(name);
    query = prepareQuery(query);
    const near = nearPath(query);
    if (near) this.requireGeoIndex(info, near.path);
    const { sql, params, exact } = this.buildSelect(info, query, {}, 'doc');
    const base = sql.replace(/ ORDER BY .*$/, '');
    if (exact) return (this.stmt(base.replace(/^SELECT doc/, 'SELECT COUNT(*) AS n')).get(...params) as { n: number }).n;
    const q = new Query(query);
    let n = 0;
    for (const row of this.stmt(base).iterate(...params) as Iterable<{ doc: string }>) {
      if (q.test(decodeDoc(row.doc))) n++;
    }
    return n;
  }

  getById(name: string, id: string, txId?: string): Doc | null {
    const info = this.info(name);
    if (txId) {
      const v = this.txView(this.tx(txId), info, id);
      return v ? v.doc : null;
    }
    const row = this.readRow(info, id);
    return row ? decodeDoc(row.doc) : null;
  }

  private readRow(info: CollInfo, id: string) {
    return this.stmt(`SELECT seq, ver, doc FROM "${info.table}" WHERE _id = ?`).get(id) as { seq: number; ver: number; doc: string } | undefined;
  }

  /** A row as a transaction sees it: its own write, else the row as of its snapshot. */
  private txView(tx: Tx, info: CollInfo, id: string): { seq: number; doc: Doc } | null {
    const w = tx.writes.get(key(info.name, id));
    if (w) {
      if (!w.doc) return null;
      const base = w.insert ? null : this.snapshotRow(tx, info, id);
      return { seq: base ? base.seq : TX_SEQ_BASE, doc: cloneDoc(w.doc) };
    }
    const row = this.snapshotRow(tx, info, id);
    return row ? { seq: row.seq, doc: decodeDoc(row.doc) } : null;
  }

  private snapshotRow(tx: Tx, info: CollInfo, id: string): { seq: number; doc: string } | null {
    const im = this.imageAt(key(info.name, id), tx.snap);
    if (im) return im.doc === null ? null : { seq: im.seq as number, doc: im.doc };
    const row = this.readRow(info, id);
    return row ? { seq: row.seq, doc: row.doc } : null;
  }

  /** The before-image a snapshot at `snap` reads for a row, if the row changed since then. */
  private imageAt(k: string, snap: number): Image | undefined {
    const list = this.history.get(k);
    return list ? list.find((im) => im.upto > snap) : undefined;
  }

  /**
   * A query inside a transaction: the collection as of the transaction's snapshot, with the
   * transaction's own writes on top, in natural order (its own inserts last).
   */
  private txFind(tx: Tx, info: CollInfo, query: Doc, opts: FindOptions = {}): Doc[] {
    const cands = new Map<string, { seq: number; doc: Doc }>();
    // What SQL finds now (the indexed part of the query, as a prefilter)…
    const { sql, params } = this.buildSelect(info, query, {}, 'seq, _id, doc');
    for (const r of this.stmt(sql).iterate(...params) as Iterable<{ seq: number; _id: string; doc: string }>) {
      cands.set(r._id, { seq: r.seq, doc: decodeDoc(r.doc) });
    }
    // …rows changed since the snapshot are read as they were then…
    const prefix = `${info.name}\u0001`;
    for (const [k, list] of this.history) {
      if (!k.startsWith(prefix)) continue;
      const im = list.find((x) => x.upto > tx.snap);
      if (!im) continue;
      const id = k.slice(prefix.length);
      if (im.doc === null) cands.delete(id);
      else cands.set(id, { seq: im.seq as number, doc: decodeDoc(im.doc) });
    }
    // …and the transaction's own writes replace them.
    let added = 0;
    for (const w of tx.writes.values()) {
      if (w.coll !== info.name) continue;
      if (!w.doc) {
        cands.delete(w.id);
        continue;
      }
      const prev = cands.get(w.id) ?? (w.insert ? null : this.snapshotRow(tx, info, w.id));
      cands.set(w.id, { seq: prev ? prev.seq : TX_SEQ_BASE + added++, doc: cloneDoc(w.doc) });
    }
    const q = new Query(query);
    const docs = [...cands.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((c) => c.doc)
      .filter((d) => q.test(d));
    const sort: Record<string, 1 | -1> = {};
    for (const [p, d] of opts.order ?? []) sort[p] = d;
    let cursor = mingoFind(docs, {});
    if (Object.keys(sort).length) cursor = cursor.sort(sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    const out = cursor.all() as Doc[];
    return opts.projection && Object.keys(opts.projection).length ? project(out, opts.projection) : out;
  }

  /** Documents matching a query inside a transaction (see `txFind`). */
  findInTransaction(name: string, query: Doc, opts: FindOptions, txId: string): Doc[] {
    return this.txFind(this.tx(txId), this.info(name), prepareQuery(query), opts);
  }

  countInTransaction(name: string, query: Doc, txId: string): number {
    return this.findInTransaction(name, query, {}, txId).length;
  }

  /** The documents a transactional update/remove targets (one unless `multi`). */
  private txTargets(tx: Tx, info: CollInfo, query: Doc, multi: boolean): Doc[] {
    const keys = Object.keys(query);
    if (keys.length === 1 && typeof query._id === 'string') {
      const v = this.txView(tx, info, query._id);
      return v ? [v.doc] : [];
    }
    return this.txFind(tx, info, query, multi ? {} : { limit: 1 });
  }

  /** Records a transaction's write of one document (null: delete) after the checks CloudBase makes. */
  private txWrite(tx: Tx, info: CollInfo, id: string, doc: Doc | null, insert: boolean) {
    const k = key(info.name, id);
    // Written by another since this transaction's snapshot: MongoDB's write conflict, which
    // also ends the transaction.
    if (this.imageAt(k, tx.snap)) {
      this.abort(tx.id);
      throw conflict();
    }
    this.lock(tx, k);
    const prev = tx.writes.get(k);
    tx.writes.set(k, { coll: info.name, id, doc, insert: prev ? prev.insert : insert });
  }

  aggregate(name: string, stages: Doc[]): Doc[] {
    const info = this.info(name);
    let source: Doc[];
    let pipeline = stages.map(prepareStage);
    const first = pipeline[0];
    if (first && first.$geoNear && typeof first.$geoNear === 'object') {
      source = this.geoNearStage(info, first.$geoNear);
      pipeline = pipeline.slice(1);
    } else if (first && first.$match && typeof first.$match === 'object') {
      source = this.find(name, first.$match);
      pipeline = pipeline.slice(1);
    } else {
      source = this.find(info.name, {});
    }
    // A `$lookup` by localField/foreignField over scalar keys is answered with one indexed find of
    // the keys (CloudBase uses the foreign collection's index too); mingo's own $lookup scans the
    // whole foreign collection for every call, which made a join cost the size of that collection.
    const resolver = { collectionResolver: (other: string) => this.find(other, {}) };
    let docs = source;
    let from = 0;
    for (let i = 0; i < pipeline.length; i++) {
      const spec = pipeline[i].$lookup;
      if (!isSimpleLookup(spec)) continue;
      if (i > from) docs = mingoAggregate(docs, pipeline.slice(from, i), resolver) as Doc[];
      const keys = docs.map((d) => d[spec.localField]);
      if (keys.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))) {
        const byKey = new Map<unknown, Doc[]>();
        for (const f of this.find(spec.from, { [spec.foreignField]: { $in: [...new Set(keys)] } })) {
          const v = f[spec.foreignField];
          for (const k of new Set(Array.isArray(v) ? v : [v])) byKey.set(k, [...(byKey.get(k) ?? []), f]);
        }
        docs = docs.map((d) => ({ ...d, [spec.as]: byKey.get(d[spec.localField]) ?? [] }));
      } else {
        docs = mingoAggregate(docs, [pipeline[i]], resolver) as Doc[];
      }
      from = i + 1;
    }
    return (from < pipeline.length ? mingoAggregate(docs, pipeline.slice(from), resolver) : docs) as Doc[];
  }

  /** The `$geoNear` stage (`aggregate().geoNear({...})`): nearest first, with the distance in metres. */
  private geoNearStage(info: CollInfo, spec: Doc): Doc[] {
    if (typeof spec.distanceField !== 'string' || !spec.distanceField) throw invalid('$geoNear requires a distanceField');
    const key = typeof spec.key === 'string' ? spec.key : info.geoPaths.size === 1 ? [...info.geoPaths][0] : null;
    if (!key)
      throw new DbError('DATABASE_REQUEST_FAILED', `$geoNear requires a 'key' option when the collection has ${info.geoPaths.size ? 'several geo indexes' : 'no geo index'}`);
    this.requireGeoIndex(info, key);
    const { point, min, max } = nearSpec({ $geometry: spec.near, $minDistance: spec.minDistance, $maxDistance: spec.maxDistance });
    const mult = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
    const rows = this.find(info.name, spec.query && typeof spec.query === 'object' ? spec.query : {})
      .map((doc) => ({ doc, d: docDistance(doc, key, point) }))
      .filter((r) => r.d >= min && r.d <= max)
      .sort((a, b) => a.d - b.d);
    return rows.map(({ doc, d }) => {
      const out = setPath(doc, spec.distanceField, d * mult);
      return typeof spec.includeLocs === 'string' ? setPath(out, spec.includeLocs, getPath(doc, key)) : out;
    });
  }

  // ---------------------------------------------------------------- writes

  insert(name: string, docs: Doc[], txId?: string): string[] {
    const info = this.info(name);
    const prepared = docs.map((d) => {
      if (!d || typeof d !== 'object' || Array.isArray(d)) throw invalid('document must be an object');
      const id = d._id === undefined ? newId() : d._id;
      if (typeof id !== 'string' && typeof id !== 'number') throw invalid('_id must be a string');
      return { ...d, _id: String(id) };
    });
    const seenIds = new Set<string>();
    for (const d of prepared) {
      if (seenIds.has(d._id)) throw duplicate(name, d._id);
      seenIds.add(d._id);
    }
    if (txId) {
      const tx = this.tx(txId);
      for (const d of prepared) {
        if (this.txView(tx, info, d._id)) throw duplicate(name, d._id);
        this.txWrite(tx, info, d._id, d, true);
      }
      return prepared.map((d) => d._id);
    }
    this.db.transaction(() => {
      for (const d of prepared) this.writeRow(info, d._id, d, 'insert');
    })();
    return prepared.map((d) => d._id);
  }

  /**
   * Update documents. `replace` replaces the whole document (doc().set()); otherwise
   * `data` is a Mongo update document. Returns how many documents changed.
   */
  update(name: string, query: Doc, data: Doc, opts: { multi: boolean; replace: boolean; upsert: boolean }, txId?: string): { updated: number; upsertId?: string; doc?: Doc } {
    const info = this.info(name);
    query = prepareQuery(query);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('update data must be an object');
    const modifier = opts.replace ? null : toModifier(data);
    const apply = (current: Doc | null, id: string): Doc => {
      if (opts.replace) {
        const { _id: _ignored, ...rest } = data;
        return { _id: id, ...rest };
      }
      const next = cloneDoc(current ?? { _id: id });
      try {
        mingo.update(next, modifier as any, undefined, undefined, { cloneMode: 'none' });
      } catch (e) {
        throw invalid(`invalid update: ${(e as Error).message}`);
      }
      next._id = id;
      return next;
    };

    if (txId) {
      const tx = this.tx(txId);
      const targets = this.txTargets(tx, info, query, opts.multi);
      if (targets.length === 0) {
        if (!opts.upsert) return { updated: 0 };
        const id = typeof query._id === 'string' ? query._id : newId();
        const doc = apply(opts.replace ? null : { ...equalityFields(query), _id: id }, id);
        this.txWrite(tx, info, id, doc, true);
        return { updated: 0, upsertId: id, doc };
      }
      let updated = 0;
      let last: Doc | undefined;
      for (const current of targets) {
        const next = apply(current, current._id);
        last = next;
        this.txWrite(tx, info, current._id, next, false);
        if (encodeDoc(next) !== encodeDoc(current)) updated++;
      }
      return { updated, doc: last };
    }

    let result: { updated: number; upsertId?: string; doc?: Doc } = { updated: 0 };
    this.db.transaction(() => {
      // The documents read for this update are this call's own: they are changed in place (not
      // copied first) and compared with the text they were stored as (not encoded again).
      const stored = new WeakMap<Doc, string>();
      const targets = this.find(name, query, opts.multi ? {} : { limit: 1 }, stored);
      if (targets.length === 0) {
        if (!opts.upsert) return;
        const id = typeof query._id === 'string' ? query._id : newId();
        const seed = opts.replace ? null : { ...equalityFields(query), _id: id };
        const doc = apply(seed, id);
        this.writeRow(info, id, doc, 'insert');
        result = { updated: 0, upsertId: id, doc };
        return;
      }
      let updated = 0;
      let last: Doc | undefined;
      const ids = targets.map((t) => t._id as string);
      const before = targets.map((t) => stored.get(t) ?? encodeDoc(t));
      const keys = targets.map((t) => this.indexKeys(info, t));
      // Many targets: one mingo update for all of them (it sets up its operators per call).
      const nexts = opts.replace ? targets.map((t) => apply(t, t._id)) : updateInPlace(targets, modifier as Doc);
      for (const [i, next] of nexts.entries()) {
        next._id = ids[i];
        last = next;
        const text = encodeDoc(next);
        if (text === before[i]) continue;
        this.writeRow(info, ids[i], next, 'update', text, keys[i]);
        updated++;
      }
      result = { updated, doc: last };
    })();
    return result;
  }

  remove(name: string, query: Doc, multi: boolean, txId?: string): number {
    const info = this.info(name);
    query = prepareQuery(query);
    if (txId) {
      const tx = this.tx(txId);
      const targets = this.txTargets(tx, info, query, multi);
      for (const t of targets) this.txWrite(tx, info, t._id, null, false);
      return targets.length;
    }
    let deleted = 0;
    this.db.transaction(() => {
      const targets = multi ? this.find(name, query, { projection: { _id: 1 } }) : this.find(name, query, { limit: 1, projection: { _id: 1 } });
      for (const t of targets) {
        deleted += this.deleteRow(info, t._id);
      }
    })();
    return deleted;
  }

  /**
   * Before any committed change to a row: counts it, and while transactions are open keeps the
   * row's previous state for their snapshots.
   */
  private recordChange(info: CollInfo, id: string) {
    const v = ++this.version;
    if (this.txs.size === 0) return;
    this.expireTransactions();
    if (this.txs.size === 0) return;
    const row = this.readRow(info, id);
    const k = key(info.name, id);
    const list = this.history.get(k) ?? [];
    list.push({ upto: v, seq: row ? row.seq : null, doc: row ? row.doc : null });
    this.history.set(k, list);
  }

  private deleteRow(info: CollInfo, id: string): number {
    this.recordChange(info, id);
    return this.stmt(`DELETE FROM "${info.table}" WHERE _id = ?`).run(id).changes;
  }

  /**
   * Stores a document and the values of its indexed paths (`addPathColumns`), each computed by
   * SQLite from the stored text exactly as `json_extract` reads it. An update given the document's
   * `before` values (`indexKeys`) sets only the columns that changed, and so touches only their
   * indexes.
   */
  private writeRow(info: CollInfo, id: string, doc: Doc, mode: 'insert' | 'update', text = encodeDoc(doc), before?: string[]) {
    this.recordChange(info, id);
    const after = this.scanPaths(info, doc);
    const value = (p: string) => `json_extract(@doc, '$.${p}')`;
    try {
      if (mode === 'insert') {
        const cols = info.paths.map((p) => `, ${pathExpr(p)}`).join('');
        this.stmt(`INSERT INTO "${info.table}" (_id, ver, doc${cols}) VALUES (@id, 1, @doc${info.paths.map((p) => `, ${value(p)}`).join('')})`).run({ id, doc: text });
      } else {
        const changed = info.paths.filter((p, i) => !before || after[i] !== before[i]);
        const sets = changed.map((p) => `, ${pathExpr(p)} = ${value(p)}`).join('');
        this.stmt(`UPDATE "${info.table}" SET doc = @doc, ver = ver + 1${sets} WHERE _id = @id`).run({ id, doc: text });
      }
    } catch (e: any) {
      if (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw duplicate(info.name, id);
      if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).endsWith(`${info.table}._id`)) throw duplicate(info.name, id);
      if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE') throw uniqueViolation(info.name, violatedIndex(info, String(e.message)));
      throw e;
    }
  }

  // ---------------------------------------------------------------- transactions

  startTransaction(): string {
    this.expireTransactions();
    const id = `tx-${newId()}`;
    this.txs.set(id, { id, startedAt: Date.now(), snap: this.version, writes: new Map() });
    return id;
  }

  private tx(id: string): Tx {
    const tx = this.txs.get(id);
    if (!tx) throw txFail();
    if (Date.now() - tx.startedAt > TX_TTL_MS) {
      this.release(tx);
      throw txFail();
    }
    return tx;
  }

  private lock(tx: Tx, k: string) {
    const holder = this.locks.get(k);
    if (holder && holder !== tx.id) {
      this.abort(tx.id);
      throw conflict();
    }
    this.locks.set(k, tx.id);
  }

  commit(txId: string) {
    const tx = this.tx(txId);
    try {
      // A document this transaction writes that another write changed since its snapshot
      // (a plain write after the transaction's own): the commit fails as a conflict.
      for (const k of tx.writes.keys()) if (this.imageAt(k, tx.snap)) throw conflict();
      this.db.transaction(() => {
        for (const w of tx.writes.values()) {
          const info = this.info(w.coll);
          if (w.doc === null) this.deleteRow(info, w.id);
          else if (this.readRow(info, w.id)) this.writeRow(info, w.id, w.doc, 'update');
          else this.writeRow(info, w.id, w.doc, 'insert');
        }
      })();
    } finally {
      this.release(tx);
    }
  }

  abort(txId: string) {
    const tx = this.txs.get(txId);
    if (!tx) throw txFail();
    this.release(tx);
  }

  private release(tx: Tx) {
    for (const [k, holder] of this.locks) if (holder === tx.id) this.locks.delete(k);
    this.txs.delete(tx.id);
    // Keep only the images an open snapshot can still read.
    if (this.txs.size === 0) {
      this.history.clear();
      return;
    }
    let min = Infinity;
    for (const t of this.txs.values()) min = Math.min(min, t.snap);
    for (const [k, list] of this.history) {
      const keep = list.filter((im) => im.upto > min);
      if (keep.length) this.history.set(k, keep);
      else this.history.delete(k);
    }
  }

  private expireTransactions() {
    const now = Date.now();
    for (const tx of [...this.txs.values()]) if (now - tx.startedAt > TX_TTL_MS) this.release(tx);
  }

  openTransactions() {
    return this.txs.size;
  }
}

/** Applies a Mongo update to documents in place: one mingo update for all of them (it sets up its operators per call). */
function updateInPlace(docs: Doc[], modifier: Doc): Doc[] {
  try {
    if (docs.length === 1) mingo.update(docs[0], modifier as any, undefined, undefined, { cloneMode: 'none' });
    else if (docs.length > 1) mingo.updateMany(docs, {}, modifier as any, { cloneMode: 'none' });
  } catch (e) {
    throw invalid(`invalid update: ${(e as Error).message}`);
  }
  return docs;
}

/**
 * The unique index a SQLite constraint error names (`… failed: c_x.ix:code`: its columns), as the
 * error named an index on expressions (`index 'ix_x_code'`).
 */
function violatedIndex(info: CollInfo, message: string): string {
  const cols = message.replace(/^.*?failed: /, '');
  const ix = info.indexes.find((i) => i.unique && i.keys.map(([p]) => `${info.table}.${p === '_id' ? '_id' : pathColumn(p)}`).join(', ') === cols);
  return ix ? `index 'ix_${info.name}_${ix.name}'` : cols;
}

/**
 * A value as a string that is equal for two values exactly when their JSON (as `encodeDoc`
 * writes it) is: whether an indexed path's column must be set again.
 */
function valueKey(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v}${JSON.stringify(v)}`;
  if (isDate(v)) return `d${v.getTime()}`;
  return `j${encodeDoc({ v })}`;
}

/** The value at a dot path (an array on the way counts as the value: it is multikey anyway). */
function getPath(doc: Doc, path: string): unknown {
  return valueAt(doc, path.split('.'));
}

/** `getPath` over a path already split. */
function valueAt(doc: Doc, parts: string[]): unknown {
  let cur: any = doc;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || isDate(cur)) return Array.isArray(cur) ? cur : undefined;
    cur = cur[part];
  }
  return cur;
}

/** A query as the engine runs it: numeric _ids as stored, $elemMatch as MongoDB means it. */
function prepareQuery(query: Doc): Doc {
  return rewriteElemMatch(normaliseIdQuery(query));
}

/** `$lookup` joining a top-level local field to a top-level foreign field (no pipeline). */
function isSimpleLookup(spec: any): spec is { from: string; localField: string; foreignField: string; as: string } {
  const plain = (x: unknown) => typeof x === 'string' && x.length > 0 && !x.includes('.') && !x.startsWith('$');
  return (
    !!spec &&
    typeof spec === 'object' &&
    plain(spec.from) &&
    plain(spec.localField) &&
    plain(spec.foreignField) &&
    plain(spec.as) &&
    spec.pipeline === undefined &&
    spec.let === undefined
  );
}

/** Stages whose queries mingo runs: `$match` gets the same preparation as a find. */
function prepareStage(stage: Doc): Doc {
  if (stage && stage.$match && typeof stage.$match === 'object') return { $match: rewriteElemMatch(stage.$match) };
  return stage;
}

/**
 * MongoDB's `$elemMatch` with field conditions (`{value: _.exists(true)}`) matches only elements
 * that are documents; mingo also tries them on scalar elements (so `{value: {$mod: [4, 3]}}`
 * matched the number 7). The rewrite adds "the element is a document" to such criteria.
 */
function rewriteElemMatch(q: any): any {
  if (Array.isArray(q)) return q.map(rewriteElemMatch);
  if (!q || typeof q !== 'object' || isDate(q) || Object.prototype.toString.call(q) === '[object RegExp]') return q;
  const out: Doc = {};
  for (const [k, v] of Object.entries(q)) {
    if (k === '$elemMatch' && v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = rewriteElemMatch(v);
      const fieldKeys = Object.keys(inner).filter((x) => !x.startsWith('$'));
      out[k] = fieldKeys.length ? { $and: [inner, { $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } }] } : inner;
    } else out[k] = rewriteElemMatch(v);
  }
  return out;
}

/** A copy of `doc` with `value` at a dot path. */
function setPath(doc: Doc, path: string, value: unknown): Doc {
  const out = { ...doc };
  const parts = path.split('.');
  let cur: any = out;
  for (const p of parts.slice(0, -1)) {
    cur[p] = cur[p] && typeof cur[p] === 'object' && !Array.isArray(cur[p]) ? { ...cur[p] } : {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
  return out;
}

/** A numeric `_id` in a query means the string it is stored as (`doc(123)`, `add({_id: 123})`). */
export function normaliseIdQuery(query: Doc): Doc {
  const id = query?._id;
  if (typeof id === 'number') return { ...query, _id: String(id) };
  if (id && typeof id === 'object' && Array.isArray(id.$in)) return { ...query, _id: { ...id, $in: id.$in.map((x: unknown) => (typeof x === 'number' ? String(x) : x)) } };
  return query;
}

function toModifier(data: Doc): Doc {
  const ops: Doc = {};
  const plain: Doc = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) ops[k] = v;
    else plain[k] = v;
  }
  if (Object.keys(plain).length) ops.$set = { ...(ops.$set ?? {}), ...plain };
  if (Object.keys(ops).length === 0) throw invalid('update data is empty');
  return ops;
}

/** Fields fixed by equality in a query, which an upsert copies into the new document. */
function equalityFields(query: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (v === null || typeof v !== 'object' || isDate(v)) out[k] = v;
  }
  return out;
}

function project(docs: Doc[], projection: Record<string, unknown>): Doc[] {
  return mingoFind(docs, {}, projection as any).all() as Doc[];
}

export { DbError };

/**
 * A collection's table: `seq` (the rowid) is the insertion sequence — the natural order a query
 * without orderBy returns, as CloudBase/MongoDB do — and the tiebreak of every sort; `_id` is
 * unique. Every index entry ends with the rowid, so an index scan yields ties in insertion order
 * without a sort step.
 */
function createTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS "${table}" (seq INTEGER PRIMARY KEY, _id TEXT NOT NULL UNIQUE, ver INTEGER NOT NULL, doc TEXT NOT NULL)`;
}

function createIndexSql(info: { name: string; table: string }, ix: IndexDef): string {
  const scalar = ix.keys.filter(([, d]) => d !== '2dsphere');
  if (scalar.length === 0) return 'SELECT 1'; // a geo-only index has no SQL part
  const cols = scalar.map(([p, d]) => `${pathExpr(p)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ');
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "ix_${info.name}_${ix.name}" ON "${info.table}" (${cols})`;
}
