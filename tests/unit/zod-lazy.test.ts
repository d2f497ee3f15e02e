/**
 * scripts/zod-lazy.mjs, the `zod` of the function bundles (issue #18, cold start): a schema is built
 * on first use, and then is zod's own. Built here the way scripts/build-functions.mjs builds it.
 * (The build also checks every action's catalogue entry both ways; the functions layer runs the
 * bundles through every action.)
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import * as zod from 'zod';

type Z = typeof zod.z;
let lazy: Z;

beforeAll(async () => {
  const out = await build({
    entryPoints: [join(__dirname, '../../scripts/zod-lazy.mjs')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    plugins: [
      {
        name: 'real-zod',
        setup(b) {
          b.onResolve({ filter: /^linli-real-zod$/ }, () => ({ path: join(dirname(require.resolve('zod/package.json')), 'index.js') }));
        },
      },
    ],
  });
  const module = { exports: {} as { z: Z } };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  lazy = module.exports.z;
});

/** The same schemas, written once, built with either zod. */
function schemas(z: Z) {
  const id = z.string().trim().min(1).max(8);
  const text = (max: number) =>
    z
      .string()
      .trim()
      .max(max, { message: `不能超过 ${max} 字` });
  const item = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('number'), id, min: z.number().int().nullable().optional() }).strict(),
    z.object({ kind: z.literal('choice'), id, options: z.array(text(4)).min(2).default(['a', 'b']) }).strict(),
  ]);
  const base = z.object({
    id,
    name: text(10),
    at: z.iso.datetime({ offset: true }).optional(),
    tags: z
      .array(z.enum(['x', 'y']))
      .max(2)
      .default([]),
  });
  const withItems = base.extend({ items: z.array(item).max(3) }).refine((v) => v.items.length !== 2, { message: '不能正好两项', path: ['items'] });
  const picked = base.pick({ id: true }).strict();
  const counts = z.partialRecord(z.enum(['a', 'b']), z.number().nonnegative());
  const either = z.union([z.literal(1), z.boolean()]);
  return { id, item, base, withItems, picked, counts, either };
}

const inputs = [
  undefined,
  null,
  {},
  { id: ' a ', name: '  名字 ' },
  { id: 'a', name: '超过十个字的名字超过十个字', tags: ['x', 'z'] },
  { id: 'a', name: 'n', at: '2026-01-02T03:04:05+08:00', tags: ['y'], items: [{ kind: 'number', id: 'n1', min: 3 }] },
  {
    id: 'a',
    name: 'n',
    items: [
      { kind: 'choice', id: 'c1' },
      { kind: 'number', id: 'n1' },
    ],
  },
  { id: 'a', name: 'n', items: [{ kind: 'choice', id: 'c1', options: ['一二三四五'], extra: 1 }] },
  { id: 'a', name: 'n', at: 'yesterday', items: [{ kind: 'other' }] },
  { id: 'abcdefghi', extra: true },
  { a: 1, b: -1 },
  { a: 2, c: 3 },
  1,
  true,
  'x',
];

test('a schema is built on first use, not when it is written', () => {
  const reads: PropertyKey[] = [];
  const values = new Proxy(['x', 'y'], { get: (t, k) => (reads.push(k), Reflect.get(t, k)) });
  const messages = new Proxy({ message: '太长' }, { get: (t, k) => (reads.push(k), Reflect.get(t, k)) });
  const s = lazy.object({ v: lazy.enum(values as unknown as ['x', 'y']).optional(), w: lazy.string().max(2, messages) });
  expect(reads).toEqual([]);
  expect(s.safeParse({ v: 'x', w: 'ab' }).success).toBe(true);
  expect(reads).not.toEqual([]);
  expect(s.safeParse({ w: 'abc' }).error?.issues[0].message).toBe('太长');
});

test('each schema answers every input as zod does: data, issues and messages', () => {
  const real = schemas(zod.z);
  const standIns = schemas(lazy);
  for (const [name, schema] of Object.entries(real)) {
    for (const input of inputs) {
      expect([name, standIns[name as keyof typeof real].safeParse(input)]).toEqual([name, schema.safeParse(input)]);
    }
  }
});

test('what is built is a zod schema: its class, shape, JSON Schema; shared parts stay shared', () => {
  const { base, picked, withItems, item, id } = schemas(lazy);
  expect(base).toBeInstanceOf(zod.z.ZodObject);
  expect(id).toBeInstanceOf(zod.z.ZodString);
  expect(Object.keys(base.shape)).toEqual(['id', 'name', 'at', 'tags']);
  expect(base.shape.id).toBe(picked.shape.id);
  expect(lazy.toJSONSchema(withItems, { io: 'input' })).toEqual(zod.z.toJSONSchema(schemas(zod.z).withItems, { io: 'input' }));
  expect(lazy.toJSONSchema(item)).toEqual(zod.z.toJSONSchema(schemas(zod.z).item));
});
