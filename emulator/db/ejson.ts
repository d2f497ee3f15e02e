import { BSONRegExp, EJSON } from 'bson';
import { isDate, type Doc } from './codec';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../security';

/** Thrown for input the SDK would never send; the admin endpoint maps it to INVALID_PARAM. */
export class WireError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parse one EJSON string as the SDK sends it (canonical mode) into plain JS values:
 * numbers, Dates, RegExps. `{$tcb_server_date:{offset}}` becomes the server's time.
 */
export function parseEJSON(text: unknown, now: () => number, what = 'query'): any {
  if (typeof text !== 'string') throw new WireError('INVALID_PARAM', `${what} must be an EJSON string`);
  // EJSON.parse and normalise recurse: deeper input is refused before either runs.
  if (jsonTooDeep(text)) throw new WireError('INVALID_PARAM', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw new WireError('INVALID_PARAM', `malformed EJSON in ${what}: ${(e as Error).message}`);
  }
  return normalise(value, now, what);
}

function normalise(v: any, now: () => number, what: string): any {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) {
    // EJSON.parse turns {"$date":"garbage"} into an Invalid Date instead of failing.
    if (Number.isNaN(v.getTime())) throw new WireError('INVALID_PARAM', `malformed EJSON in ${what}: invalid date`);
    return v;
  }
  if (v instanceof BSONRegExp) {
    try {
      return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''));
    } catch (e) {
      throw new WireError('INVALID_PARAM', `malformed EJSON in ${what}: ${(e as Error).message}`);
    }
  }
  if (Array.isArray(v)) return v.map((x) => normalise(x, now, what));
  if (typeof v._bsontype === 'string') {
    // Long, Double, Int32, Decimal128, ObjectId...: reduce to a JS primitive.
    if (typeof v.toNumber === 'function') return v.toNumber();
    if (typeof v.toHexString === 'function') return v.toHexString();
    return v.valueOf();
  }
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const offset = Number(v.$tcb_server_date?.offset ?? 0) || 0;
    return new Date(now() + offset);
  }
  const out: Doc = {};
  for (const k of keys) {
    // A field named __proto__ stays a field (plain assignment would replace the prototype).
    if (k === '__proto__') Object.defineProperty(out, k, { value: normalise(v[k], now, what), enumerable: true, writable: true, configurable: true });
    else out[k] = normalise(v[k], now, what);
  }
  return out;
}

/** Serialise a document for the SDK, which parses each with `EJSON.parse`. */
export function stringifyEJSON(doc: unknown): string {
  return EJSON.stringify(doc as Doc, { relaxed: false });
}
