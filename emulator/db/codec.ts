/**
 * How documents are stored in SQLite.
 *
 * Documents are JSON text. Dates are encoded as the string "\u0000D" + ISO-8601 so that
 * `json_extract` yields a value that sorts chronologically, is distinct from every
 * user string, and can be indexed. Everything else is plain JSON.
 */
export const DATE_PREFIX = '\u0000D';
/** Lowest text value that is not an encoded date; every ordinary string sorts at or above it. */
export const STRING_FLOOR = '\u0001';
export const DATE_FLOOR = '\u0000D';
export const DATE_CEIL = '\u0000E';

export type Doc = Record<string, any>;

/**
 * Realm-safe type checks: a Date made by structuredClone or in another vm context (jest runs
 * the emulator in one) is not `instanceof` this realm's Date, but it is still a Date.
 */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
export const isRegExp = (v: unknown): v is RegExp => Object.prototype.toString.call(v) === '[object RegExp]';

export function encodeDate(d: Date): string {
  return DATE_PREFIX + d.toISOString();
}

export function encodeDoc(doc: Doc): string {
  return JSON.stringify(doc, function (this: any, key: string, value: unknown) {
    const raw = this[key];
    if (isDate(raw)) return encodeDate(raw);
    if (isRegExp(raw)) return { $regex: raw.source, $options: raw.flags };
    return value;
  });
}

export function decodeDoc(text: string): Doc {
  // JSON.parse without a reviver, then dates restored in place: a reviver call per value cost
  // twice the parse (every read of a document, bench:reminders).
  const doc = JSON.parse(text);
  if (doc !== null && typeof doc === 'object') reviveDates(doc);
  return doc;
}

const isDateText = (v: string) => v.charCodeAt(0) === 0 && v.charCodeAt(1) === 68; /* "\u0000D" */

/** Turns encoded dates back into Dates, in place, at any depth of a freshly parsed value. */
function reviveDates(v: any): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string') {
        if (isDateText(x)) v[i] = new Date(x.slice(2));
      } else if (x !== null && typeof x === 'object') reviveDates(x);
    }
    return;
  }
  for (const k in v) {
    const x = v[k];
    if (typeof x === 'string') {
      if (!isDateText(x)) continue;
      // A stored "__proto__" key is an own property (as JSON.parse made it), never the prototype.
      if (k === '__proto__') Object.defineProperty(v, k, { value: new Date(x.slice(2)), enumerable: true, writable: true, configurable: true });
      else v[k] = new Date(x.slice(2));
    } else if (x !== null && typeof x === 'object') reviveDates(x);
  }
}

/** A value as it appears inside SQL (the same encoding `json_extract` returns). */
export function sqlScalar(v: unknown): string | number | null {
  if (isDate(v)) return encodeDate(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return null;
  return v as string | number;
}
