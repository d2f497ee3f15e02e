import { DATE_CEIL, DATE_FLOOR, STRING_FLOOR, sqlScalar, isDate, isRegExp } from './codec';

/**
 * Turns the indexable part of a Mongo query into SQL over the collection table.
 *
 * Only conditions on `_id` and on declared index paths are pushed down, and only the
 * operator/value combinations whose SQL meaning equals Mongo's meaning for scalar
 * values (string, number, boolean, date, null). `exact` says whether the SQL alone
 * decides the query; when it is false the caller filters the SQL candidates with mingo.
 */
export interface SqlPlan {
  where: string[];
  params: (string | number | null)[];
  exact: boolean;
}

const PATH_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * An indexed path in SQL: its own column, which the engine keeps equal to
 * `json_extract(doc, '$.<path>')` for every row (the indexes are on these columns).
 */
export function pathExpr(path: string): string {
  if (path === '_id') return '_id';
  if (!PATH_RE.test(path)) throw new Error(`unindexable path ${path}`);
  return `"${pathColumn(path)}"`;
}

/** The name of the column that holds an indexed path's value (see `pathExpr`). */
export const pathColumn = (path: string) => `ix:${path}`;

type Kind = 'string' | 'number' | 'boolean' | 'date' | 'null' | 'other';
function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (isDate(v)) return 'date';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isFinite(v) ? 'number' : 'other';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

/** The type classes a path has held; undefined means unknown (assume anything). */
export type TypesOf = (path: string) => Set<string> | undefined;
const mayHold = (types: TypesOf, path: string, ...classes: string[]) => {
  const seen = types(path);
  return !seen || classes.some((c) => seen.has(c));
};

function typeGuard(path: string, kind: Kind, expr: string, out: SqlPlan, types: TypesOf) {
  // Restrict a comparison to values of one BSON type class, as Mongo does — but only where
  // the path has actually held a colliding kind of value: a guard that reads the document
  // (json_type) costs a JSON parse per candidate row, which an index alone would not.
  if (kind === 'string') {
    if (!mayHold(types, path, 'object', 'array', 'date')) return;
    // Text that is not an encoded date: '' (which sorts below the date prefix) or anything
    // from STRING_FLOOR up; json_type keeps out objects, whose json_extract is JSON text.
    if (path === '_id') return;
    out.where.push(`json_type(doc, '$.${path}') = 'text' AND (${expr} >= ? OR ${expr} = '')`);
    out.params.push(STRING_FLOOR);
  } else if (kind === 'date') {
    out.where.push(`${expr} >= ? AND ${expr} < ?`);
    out.params.push(DATE_FLOOR, DATE_CEIL);
  } else if (kind === 'number' && path !== '_id') {
    // SQLite sorts text (strings, and dates as encoded) above every number: a range on a path that
    // has held them needs the guard as much as an equality against booleans (1 = true) does.
    if (mayHold(types, path, 'boolean', 'string', 'date', 'object', 'array')) out.where.push(`json_type(doc, '$.${path}') IN ('integer','real')`);
  } else if (kind === 'boolean') {
    if (mayHold(types, path, 'number')) out.where.push(`json_type(doc, '$.${path}') IN ('true','false')`);
  }
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** Top-level paths a query fixes to one scalar value (`{status: 'open'}`). */
export function pinnedPaths(query: Record<string, any>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$')) continue;
    const kind = kindOf(v);
    if (kind === 'string' || kind === 'number' || kind === 'boolean' || kind === 'date') out.add(k);
  }
  return out;
}

export function planQuery(query: Record<string, any>, indexed: (path: string) => boolean, types: TypesOf = () => undefined): SqlPlan {
  const out: SqlPlan = { where: [], params: [], exact: true };
  addConjunction(query, indexed, out, types);
  return out;
}

function addConjunction(query: Record<string, any>, indexed: (path: string) => boolean, out: SqlPlan, types: TypesOf) {
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) {
        if (sub && typeof sub === 'object' && !Array.isArray(sub)) addConjunction(sub, indexed, out, types);
        else out.exact = false;
      }
      continue;
    }
    if (key === '$or' && Array.isArray(cond) && cond.length > 0) {
      addDisjunction(cond, indexed, out, types);
      continue;
    }
    if (key.startsWith('$') || !indexed(key)) {
      out.exact = false;
      continue;
    }
    addField(key, cond, out, types);
  }
}

/** The most `$or` branches pushed into SQL (the ticket timer's batches use 100). */
export const MAX_OR_BRANCHES = 200;

/**
 * `$or`: each branch is planned as a conjunction of its own; when every branch narrows by some
 * index, the SQL takes their union (`(b1) OR (b2)`, which SQLite answers with one index lookup per
 * branch, as Mongo's planner does), and it is exact when every branch is. A branch with nothing
 * indexable could match any row, so then nothing is pushed and mingo decides.
 */
function addDisjunction(branches: unknown[], indexed: (path: string) => boolean, out: SqlPlan, types: TypesOf) {
  // SQLite refuses a very deep expression tree ("Expression tree is too large"): mingo decides a huge $or.
  if (branches.length > MAX_OR_BRANCHES) {
    out.exact = false;
    return;
  }
  const planned: SqlPlan[] = [];
  for (const sub of branches) {
    if (!sub || typeof sub !== 'object' || Array.isArray(sub)) {
      out.exact = false;
      return;
    }
    const b: SqlPlan = { where: [], params: [], exact: true };
    addConjunction(sub as Record<string, any>, indexed, b, types);
    if (b.where.length === 0) {
      out.exact = false;
      return;
    }
    planned.push(b);
  }
  out.where.push(`(${planned.map((b) => `(${b.where.join(' AND ')})`).join(' OR ')})`);
  for (const b of planned) out.params.push(...b.params);
  if (planned.some((b) => !b.exact)) out.exact = false;
}

function addField(path: string, cond: any, out: SqlPlan, types: TypesOf) {
  const expr = pathExpr(path);
  const isOperatorObject =
    cond &&
    typeof cond === 'object' &&
    !isDate(cond) &&
    !isRegExp(cond) &&
    !Array.isArray(cond) &&
    Object.keys(cond).length > 0 &&
    Object.keys(cond).every((k) => k.startsWith('$'));
  if (!isOperatorObject) {
    addEquality(path, expr, cond, out, types);
    return;
  }
  for (const [op, v] of Object.entries(cond as Record<string, unknown>)) {
    if (op === '$eq') addEquality(path, expr, v, out, types);
    else if (op in RANGE_SQL) {
      const kind = kindOf(v);
      if (kind === 'string' || kind === 'number' || kind === 'date') {
        out.where.push(`${expr} ${RANGE_SQL[op]} ?`);
        out.params.push(sqlScalar(v));
        typeGuard(path, kind, expr, out, types);
      } else out.exact = false;
    } else if (op === '$in' && Array.isArray(v) && v.length > 0) {
      const kinds = new Set(v.map(kindOf));
      const [kind] = [...kinds];
      if (kinds.size === 1 && (kind === 'string' || kind === 'date')) {
        out.where.push(`${expr} IN (${v.map(() => '?').join(',')})`);
        out.params.push(...v.map(sqlScalar));
      } else out.exact = false;
    } else out.exact = false;
  }
}

function addEquality(path: string, expr: string, v: unknown, out: SqlPlan, types: TypesOf) {
  const kind = kindOf(v);
  if (kind === 'null') {
    if (path === '_id') out.exact = false;
    else out.where.push(`${expr} IS NULL`);
    return;
  }
  if (kind === 'other') {
    out.exact = false;
    return;
  }
  out.where.push(`${expr} = ?`);
  out.params.push(sqlScalar(v));
  if (kind === 'number' || kind === 'boolean') typeGuard(path, kind, expr, out, types);
}

/** The insertion-sequence column: the natural order, and the tiebreak of every sort. */
export const SEQ = 'seq';

/**
 * ORDER BY for a sort spec, or null when some key cannot be sorted by SQL. Without a sort spec
 * documents come in insertion order (natural order, as in CloudBase/MongoDB); with one, ties
 * come in insertion order too. The tiebreak costs no sort step: every index entry ends with the
 * rowid (`seq`), so an index scan already yields ties in that order.
 */
export function planOrder(order: [string, 1 | -1][], indexed: (path: string) => boolean, pinned: Set<string> = new Set()): string | null {
  if (order.length === 0) return SEQ;
  const parts: string[] = [];
  for (const [path, dir] of order) {
    if (path !== '_id' && !indexed(path)) return null;
    // A key the query fixes to one value orders nothing (and would cost a sort step).
    if (pinned.has(path)) continue;
    parts.push(`${pathExpr(path)} ${dir === -1 ? 'DESC' : 'ASC'}`);
  }
  if (parts.length === 0) return SEQ;
  // _id is unique: nothing to break after it.
  if (order[order.length - 1][0] !== '_id') parts.push(SEQ);
  return parts.join(', ');
}
