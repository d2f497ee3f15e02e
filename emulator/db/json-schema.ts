import { invalid } from './errors';
import { isDate, isRegExp } from './codec';

/**
 * MongoDB's `$jsonSchema` (what CloudBase's `_.jsonSchema()` sends): JSON Schema draft 4 with
 * `bsonType`, without `$ref`/`$schema`/`default`/`definitions`/`format`/`id` (MongoDB rejects
 * those). A general JSON Schema library does not know `bsonType` or MongoDB's refusals, so the
 * dialect is checked here; mingo calls `compileJsonSchema` through its `jsonSchemaValidator` option.
 */
type Schema = Record<string, any>;

const KNOWN = new Set([
  'bsonType',
  'type',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
]);

function bsonTypeOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (isDate(v)) return ['date'];
  if (isRegExp(v)) return ['regex'];
  if (Array.isArray(v)) return ['array'];
  switch (typeof v) {
    case 'string':
      return ['string'];
    case 'boolean':
      return ['bool'];
    case 'number':
      // JSON numbers carry no int/double distinction: an integral value counts as int, long and double.
      return Number.isInteger(v) ? ['int', 'long', 'double', 'number', 'decimal'] : ['double', 'number', 'decimal'];
    case 'object':
      return ['object'];
    default:
      return [];
  }
}

function jsonTypeOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (isDate(v) || isRegExp(v)) return [];
  const t = typeof v;
  if (t === 'boolean') return ['boolean'];
  if (t === 'number') return ['number'];
  if (t === 'string') return ['string'];
  if (t === 'object') return ['object'];
  return [];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v) && !isRegExp(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function check(schema: Schema) {
  if (!isPlainObject(schema)) throw invalid('$jsonSchema must be an object');
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k)) throw invalid(`$jsonSchema keyword '${k}' is not currently supported`);
  }
  if (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))) {
    throw invalid("$jsonSchema type 'integer' is not currently supported");
  }
  for (const k of ['properties', 'patternProperties']) if (schema[k]) Object.values(schema[k]).forEach((s) => check(s as Schema));
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (schema[k]) (schema[k] as Schema[]).forEach(check);
  for (const k of ['not', 'additionalProperties', 'additionalItems']) if (isPlainObject(schema[k])) check(schema[k]);
  if (isPlainObject(schema.items)) check(schema.items);
  if (Array.isArray(schema.items)) schema.items.forEach(check);
}

function valid(s: Schema, v: unknown): boolean {
  if (s.bsonType !== undefined) {
    const want: string[] = Array.isArray(s.bsonType) ? s.bsonType : [s.bsonType];
    const have = bsonTypeOf(v);
    if (!want.some((t) => have.includes(t))) return false;
  }
  if (s.type !== undefined) {
    const want: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const have = jsonTypeOf(v);
    if (!want.some((t) => have.includes(t))) return false;
  }
  if (s.enum && !s.enum.some((e: unknown) => deepEqual(e, v))) return false;
  if (typeof v === 'number') {
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) return false;
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) return false;
    if (s.multipleOf !== undefined && v % s.multipleOf !== 0) return false;
  }
  if (typeof v === 'string') {
    const len = [...v].length;
    if (s.minLength !== undefined && len < s.minLength) return false;
    if (s.maxLength !== undefined && len > s.maxLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) return false;
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return false;
    if (s.maxItems !== undefined && v.length > s.maxItems) return false;
    if (s.uniqueItems && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i)) return false;
    if (isPlainObject(s.items) && !v.every((x) => valid(s.items, x))) return false;
    if (Array.isArray(s.items)) {
      if (!s.items.every((sub: Schema, i: number) => i >= v.length || valid(sub, v[i]))) return false;
      const rest = v.slice(s.items.length);
      if (s.additionalItems === false && rest.length) return false;
      if (isPlainObject(s.additionalItems) && !rest.every((x) => valid(s.additionalItems, x))) return false;
    }
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (s.required && !s.required.every((k: string) => k in v)) return false;
    if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
    const props: Record<string, Schema> = s.properties ?? {};
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>).map(([p, sub]) => [new RegExp(p, 'u'), sub] as const);
    for (const k of keys) {
      let covered = false;
      if (props[k]) {
        covered = true;
        if (!valid(props[k], v[k])) return false;
      }
      for (const [re, sub] of patterns) {
        if (!re.test(k)) continue;
        covered = true;
        if (!valid(sub, v[k])) return false;
      }
      if (!covered && s.additionalProperties === false) return false;
      if (!covered && isPlainObject(s.additionalProperties) && !valid(s.additionalProperties, v[k])) return false;
    }
    if (isPlainObject(s.dependencies)) {
      for (const [k, dep] of Object.entries(s.dependencies as Record<string, unknown>)) {
        if (!(k in v)) continue;
        if (Array.isArray(dep) ? !dep.every((d) => d in v) : !valid(dep as Schema, v)) return false;
      }
    }
  }
  if (s.allOf && !s.allOf.every((sub: Schema) => valid(sub, v))) return false;
  if (s.anyOf && !s.anyOf.some((sub: Schema) => valid(sub, v))) return false;
  if (s.oneOf && s.oneOf.filter((sub: Schema) => valid(sub, v)).length !== 1) return false;
  if (s.not && valid(s.not, v)) return false;
  return true;
}

/** A validator for one `$jsonSchema` (throws INVALID_PARAM for what MongoDB refuses). */
export function compileJsonSchema(schema: Schema): (doc: unknown) => boolean {
  check(schema);
  return (doc) => valid(schema, doc);
}
