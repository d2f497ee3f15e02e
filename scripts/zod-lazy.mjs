// The `zod` of the function bundles (scripts/build-functions.mjs; issue #18: cold start).
//
// Each `src/domain/*-api.ts` and action table builds its schemas when its module loads, and a zod 4
// schema is costly to build (every step of `z.string().trim().max(40)` is an object with some sixty
// closures): building all of a function's schemas was about a third of its cold load, while one
// invocation validates one action's input. Here a schema is a stand-in that records how it is built
// and builds the real zod schema the first time it is used (parsed, read, or handed to zod), once:
// a cold start builds only the schemas of the action it serves. A stand-in used in several places
// (`const id = z.string()…`) builds one real schema shared by all, as eagerly.
//
// What counts as "building" is listed below (factories on `z`, methods that return a new schema);
// anything else on a stand-in — safeParse, shape, _zod, instanceof… — first builds the real schema
// and answers from it, so a method missing from the lists is only built early, never wrong. Values
// given to zod (shapes, option lists, arguments of the other `z.*` functions such as toJSONSchema)
// are handed over with their stand-ins replaced by the real schemas.
//
// Arguments are read when the schema is built, not when the factory is called: an array or object
// given to a factory (`z.enum(LIST)`, a shape) must not be changed afterwards, or the schema would
// see the change. Every one in the repo is a constant; keep it so.
import { z as real } from 'linli-real-zod';

/** `z.*` functions that return a new schema from their arguments. */
const FACTORIES = [
  'any',
  'array',
  'bigint',
  'boolean',
  'custom',
  'date',
  'discriminatedUnion',
  'enum',
  'instanceof',
  'int',
  'intersection',
  'lazy',
  'literal',
  'looseObject',
  'map',
  'nan',
  'never',
  'null',
  'nullable',
  'nullish',
  'number',
  'object',
  'optional',
  'partialRecord',
  'pipe',
  'preprocess',
  'record',
  'set',
  'strictObject',
  'string',
  'symbol',
  'tuple',
  'undefined',
  'union',
  'unknown',
  'void',
];
/** Schema methods that return a new schema (no side effect: not register/meta/describe). */
const BUILDERS = new Set([
  // every schema
  'optional',
  'nullable',
  'nullish',
  'nonoptional',
  'array',
  'or',
  'and',
  'transform',
  'default',
  'prefault',
  'catch',
  'pipe',
  'readonly',
  'refine',
  'superRefine',
  'check',
  'overwrite',
  // strings, numbers, arrays
  'min',
  'max',
  'length',
  'nonempty',
  'regex',
  'includes',
  'startsWith',
  'endsWith',
  'trim',
  'normalize',
  'toLowerCase',
  'toUpperCase',
  'lowercase',
  'uppercase',
  'datetime',
  'date',
  'time',
  'duration',
  'email',
  'url',
  'uuid',
  'gt',
  'gte',
  'lt',
  'lte',
  'int',
  'safe',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'multipleOf',
  'step',
  'finite',
  // objects, enums
  'strict',
  'strip',
  'passthrough',
  'loose',
  'catchall',
  'extend',
  'safeExtend',
  'merge',
  'pick',
  'omit',
  'partial',
  'required',
  'keyof',
  'extract',
  'exclude',
]);

const real$ = new WeakMap(); // stand-in → { build, schema }

/** The real schema behind a stand-in, built on first use. */
function force(state) {
  if (!state.schema) {
    state.schema = state.build();
    state.build = undefined;
  }
  return state.schema;
}

/** `x` with every stand-in in it (itself, or inside plain objects and arrays) replaced by its real schema. */
function unwrap(x) {
  if (x === null || typeof x !== 'object') return x;
  const state = real$.get(x);
  if (state) return force(state);
  if (Array.isArray(x)) {
    const out = x.map(unwrap);
    return out.some((v, i) => v !== x[i]) ? out : x;
  }
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return x;
  const descriptors = Object.getOwnPropertyDescriptors(x);
  let changed = false;
  for (const d of Object.values(descriptors)) {
    if ('value' in d) {
      const v = unwrap(d.value);
      if (v !== d.value) ((d.value = v), (changed = true));
    } else if (d.get) {
      // A getter (zod's recursive shapes) is kept lazy; what it answers is unwrapped.
      const get = d.get;
      d.get = function () {
        return unwrap(get.call(this));
      };
      changed = true;
    }
  }
  return changed ? Object.create(proto, descriptors) : x;
}

const handler = {
  get(state, key) {
    if (typeof key === 'string' && BUILDERS.has(key)) return (...args) => standIn(() => force(state)[key](...args.map(unwrap)));
    const schema = force(state);
    return Reflect.get(schema, key, schema);
  },
  set: (state, key, value) => Reflect.set(force(state), key, value),
  has: (state, key) => Reflect.has(force(state), key),
  ownKeys: (state) => Reflect.ownKeys(force(state)),
  getOwnPropertyDescriptor(state, key) {
    const d = Reflect.getOwnPropertyDescriptor(force(state), key);
    return d && { ...d, configurable: true };
  },
  defineProperty: (state, key, d) => Reflect.defineProperty(force(state), key, d),
  deleteProperty: (state, key) => Reflect.deleteProperty(force(state), key),
  getPrototypeOf: (state) => Reflect.getPrototypeOf(force(state)),
};

function standIn(build) {
  const state = { build, schema: undefined };
  const proxy = new Proxy(state, handler);
  real$.set(proxy, state);
  return proxy;
}

/** A namespace like `z` whose factories give stand-ins and whose other functions get real schemas. */
function lazyNamespace(ns, factories) {
  const out = {};
  for (const key of Object.keys(ns)) {
    const v = ns[key];
    if (factories.includes(key)) out[key] = (...args) => standIn(() => v(...args.map(unwrap)));
    else if (typeof v === 'function' && /^[a-z]/.test(key)) out[key] = (...args) => v(...args.map(unwrap));
    else out[key] = v;
  }
  return out;
}

export const z = lazyNamespace(real, FACTORIES);
z.iso = lazyNamespace(real.iso, ['date', 'datetime', 'duration', 'time']);
z.coerce = lazyNamespace(real.coerce, ['bigint', 'boolean', 'date', 'number', 'string']);
