// Issue #20 §4 — aggregation stages and operators as CloudBase (MongoDB) documents them, through
// the real SDK's aggregate() and db.command.aggregate, with natural order as the input order.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let db: any;
let _: any;
let $: any;
beforeAll(async () => {
  lc = await startLocal({ schema: false });
  db = lc.db;
  _ = db.command;
  $ = db.command.aggregate;
});
afterAll(() => lc.stop());

let n = 0;
async function fresh(docs: Record<string, unknown>[]) {
  const name = `pa_${++n}`;
  await db.createCollection(name);
  if (docs.length) await db.collection(name).add(docs);
  return db.collection(name);
}
const rows = async (agg: any) => (await agg.end()).data;

describe('stages', () => {
  const SIZES = [
    { product: 'tshirt', size: ['S', 'M', 'L'] },
    { product: 'pants', size: [] },
    { product: 'socks', size: null },
    { product: 'scarf', size: 'M' },
    { product: 'hat' },
    { product: 'sweater', size: ['M', 'L'] },
  ];

  test('unwind: plain, includeArrayIndex, preserveNullAndEmptyArrays (MongoDB’s outputs)', async () => {
    const c = await fresh(SIZES);
    expect(await rows(c.aggregate().unwind('$size').project({ _id: 0 }))).toEqual([
      { product: 'tshirt', size: 'S' },
      { product: 'tshirt', size: 'M' },
      { product: 'tshirt', size: 'L' },
      { product: 'scarf', size: 'M' },
      { product: 'sweater', size: 'M' },
      { product: 'sweater', size: 'L' },
    ]);
    expect(await rows(c.aggregate().unwind({ path: '$size', includeArrayIndex: 'i' }).project({ _id: 0 }))).toEqual([
      { product: 'tshirt', size: 'S', i: 0 },
      { product: 'tshirt', size: 'M', i: 1 },
      { product: 'tshirt', size: 'L', i: 2 },
      { product: 'scarf', size: 'M', i: null },
      { product: 'sweater', size: 'M', i: 0 },
      { product: 'sweater', size: 'L', i: 1 },
    ]);
    expect(await rows(c.aggregate().unwind({ path: '$size', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true }).project({ _id: 0 }))).toEqual([
      { product: 'tshirt', size: 'S', i: 0 },
      { product: 'tshirt', size: 'M', i: 1 },
      { product: 'tshirt', size: 'L', i: 2 },
      { product: 'pants', i: null },
      { product: 'socks', size: null, i: null },
      { product: 'scarf', size: 'M', i: null },
      { product: 'hat', i: null },
      { product: 'sweater', size: 'M', i: 0 },
      { product: 'sweater', size: 'L', i: 1 },
    ]);
  });

  test('replaceRoot: an existing field, and a computed document', async () => {
    const c = await fresh([
      { name: 'SFLS', teachers: { chinese: 22, math: 18 }, first: '四郎', last: '黄' },
      { name: 'B', teachers: { chinese: 1, math: 2 }, first: '邦德', last: '马' },
    ]);
    expect(await rows(c.aggregate().replaceRoot({ newRoot: '$teachers' }))).toEqual([
      { chinese: 22, math: 18 },
      { chinese: 1, math: 2 },
    ]);
    expect(await rows(c.aggregate().replaceRoot({ newRoot: { full: $.concat(['$last', '$first']) } }))).toEqual([{ full: '黄四郎' }, { full: '马邦德' }]);
  });

  test('mergeObjects outside group (in replaceRoot and project)', async () => {
    const c = await fresh([{ _id: 'o1', item: 'abc', price: 12, extra: { qty: 2, price: 10 } }]);
    expect(
      await rows(
        c
          .aggregate()
          .replaceRoot({ newRoot: $.mergeObjects(['$extra', '$$ROOT']) })
          .project({ extra: 0 }),
      ),
    ).toEqual([{ _id: 'o1', item: 'abc', price: 12, qty: 2 }]);
    expect(await rows(c.aggregate().project({ _id: 0, m: $.mergeObjects([{ a: 1, price: 0 }, '$extra', { b: '$item' }]) }))).toEqual([
      { m: { a: 1, price: 10, qty: 2, b: 'abc' } },
    ]);
  });

  test('lookup with let and pipeline', async () => {
    const orders = await fresh([
      { _id: 'o1', item: 'almonds', qty: 5 },
      { _id: 'o2', item: 'pecans', qty: 1 },
    ]);
    const stock = await fresh([
      { sku: 'almonds', instock: 120 },
      { sku: 'pecans', instock: 0 },
      { sku: 'almonds', instock: 3 },
    ]);
    const res = await rows(
      orders.aggregate().lookup({
        from: stock.collectionName ?? stock.name,
        let: { want: '$item', qty: '$qty' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$sku', '$$want']), $.gte(['$instock', '$$qty'])])))
          .project({ _id: 0, sku: 0 })
          .done(),
        as: 'stock',
      }),
    );
    expect(res).toEqual([
      { _id: 'o1', item: 'almonds', qty: 5, stock: [{ instock: 120 }] },
      { _id: 'o2', item: 'pecans', qty: 1, stock: [] },
    ]);
  });

  test('skip after sort, and skip/limit without sort (natural order)', async () => {
    const c = await fresh([
      { author: 'stark', score: 80 },
      { author: 'bob', score: 60 },
      { author: 'li', score: 55 },
      { author: 'jimmy', score: 60 },
      { author: 'justan', score: 95 },
    ]);
    expect((await rows(c.aggregate().sort({ score: -1 }).skip(1).limit(3).project({ _id: 0, author: 1 }))).map((d: any) => d.author)).toEqual(['stark', 'bob', 'jimmy']);
    expect((await rows(c.aggregate().skip(3).project({ _id: 0, author: 1 }))).map((d: any) => d.author)).toEqual(['jimmy', 'justan']);
  });
});

describe('expression operators', () => {
  test('literal, cond, ifNull, switch', async () => {
    const c = await fresh([
      { name: 'a', price: 5, note: null },
      { name: 'b', price: 50, note: '急' },
      { name: 'c', price: 500 },
    ]);
    const res = await rows(
      c.aggregate().project({
        _id: 0,
        name: 1,
        dollar: $.literal('$price'),
        cheap: $.cond({ if: $.lt(['$price', 10]), then: 'yes', else: 'no' }),
        cheap2: $.cond([$.lt(['$price', 100]), 1, 0]),
        note: $.ifNull(['$note', '无']),
        band: $.switch({
          branches: [
            { case: $.lt(['$price', 10]), then: 'low' },
            { case: $.lt(['$price', 100]), then: 'mid' },
          ],
          default: 'high',
        }),
      }),
    );
    expect(res).toEqual([
      { name: 'a', dollar: '$price', cheap: 'yes', cheap2: 1, note: '无', band: 'low' },
      { name: 'b', dollar: '$price', cheap: 'no', cheap2: 1, note: '急', band: 'mid' },
      { name: 'c', dollar: '$price', cheap: 'no', cheap2: 0, note: '无', band: 'high' },
    ]);
  });

  test('set operators', async () => {
    const c = await fresh([{ a: ['x', 'y'], b: ['y', 'z', 'y'], flags: [true, 0], ok: [1, true] }]);
    const [r] = await rows(
      c.aggregate().project({
        _id: 0,
        union: $.setUnion(['$a', '$b']),
        inter: $.setIntersection(['$a', '$b']),
        diff: $.setDifference(['$a', '$b']),
        eq: $.setEquals(['$a', ['y', 'x', 'x']]),
        sub: $.setIsSubset([['y'], '$a']),
        all: $.allElementsTrue(['$flags']),
        allOk: $.allElementsTrue(['$ok']),
        any: $.anyElementTrue(['$flags']),
      }),
    );
    expect([...r.union].sort()).toEqual(['x', 'y', 'z']);
    expect(r).toMatchObject({ inter: ['y'], diff: ['x'], eq: true, sub: true, all: false, allOk: true, any: true });
  });

  test('string operators: concat, split, substr, substrBytes, indexOfBytes, indexOfCP, toLower, toUpper', async () => {
    const c = await fresh([{ s: '邻里物业', e: 'Hello World' }]);
    const [r] = await rows(
      c.aggregate().project({
        _id: 0,
        concat: $.concat(['$s', '-', '$e']),
        split: $.split(['$e', ' ']),
        substr: $.substr(['$s', 3, 6]),
        substrBytes: $.substrBytes(['$s', 0, 3]),
        substrCP: $.substrCP(['$s', 1, 2]),
        indexOfBytes: $.indexOfBytes(['$s', '物']),
        indexOfCP: $.indexOfCP(['$s', '物']),
        notFound: $.indexOfCP(['$e', 'z']),
        lower: $.toLower('$e'),
        upper: $.toUpper('$e'),
        strLenBytes: $.strLenBytes('$s'),
        strLenCP: $.strLenCP('$s'),
      }),
    );
    expect(r).toEqual({
      concat: '邻里物业-Hello World',
      split: ['Hello', 'World'],
      // $substr is MongoDB's alias of $substrBytes: byte offsets (UTF-8, three bytes per 汉字).
      substr: '里物',
      substrBytes: '邻',
      substrCP: '里物',
      indexOfBytes: 6,
      indexOfCP: 2,
      notFound: -1,
      lower: 'hello world',
      upper: 'HELLO WORLD',
      strLenBytes: 12,
      strLenCP: 4,
    });
  });

  test('date operators (UTC and with a time zone) and dateToString with a format and a time zone', async () => {
    // 2019-05-14T09:38:51.686Z is 17:38 on the 14th in Beijing; 2023-12-31T20:00Z is already 2024 there.
    const c = await fresh([{ d: new Date(1557826731686) }, { d: new Date('2023-12-31T20:00:00Z') }]);
    const res = await rows(
      c.aggregate().project({
        _id: 0,
        year: $.year('$d'),
        month: $.month('$d'),
        day: $.dayOfMonth('$d'),
        hour: $.hour('$d'),
        minute: $.minute('$d'),
        dayOfWeek: $.dayOfWeek('$d'),
        dayOfYear: $.dayOfYear('$d'),
        week: $.week('$d'),
        isoWeek: $.isoWeek('$d'),
        isoDayOfWeek: $.isoDayOfWeek('$d'),
        bjYear: $.year({ date: '$d', timezone: 'Asia/Shanghai' }),
        bjHour: $.hour({ date: '$d', timezone: 'Asia/Shanghai' }),
        bjText: $.dateToString({ date: '$d', format: '%Y-%m-%d %H:%M:%S', timezone: 'Asia/Shanghai' }),
        utcText: $.dateToString({ date: '$d', format: '%Y/%m/%d %H:%M:%S.%L' }),
        offsetText: $.dateToString({ date: '$d', format: '%H:%M', timezone: '+08:00' }),
      }),
    );
    expect(res).toEqual([
      {
        year: 2019,
        month: 5,
        day: 14,
        hour: 9,
        minute: 38,
        dayOfWeek: 3,
        dayOfYear: 134,
        week: 19,
        isoWeek: 20,
        isoDayOfWeek: 2,
        bjYear: 2019,
        bjHour: 17,
        bjText: '2019-05-14 17:38:51',
        utcText: '2019/05/14 09:38:51.686',
        offsetText: '17:38',
      },
      {
        year: 2023,
        month: 12,
        day: 31,
        hour: 20,
        minute: 0,
        dayOfWeek: 1,
        dayOfYear: 365,
        week: 53,
        isoWeek: 52,
        isoDayOfWeek: 7,
        bjYear: 2024,
        bjHour: 4,
        bjText: '2024-01-01 04:00:00',
        utcText: '2023/12/31 20:00:00.000',
        offsetText: '04:00',
      },
    ]);
    const parts = await rows(
      c
        .aggregate()
        .limit(1)
        .project({ _id: 0, p: $.dateFromParts({ year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' }) }),
    );
    expect(parts[0].p).toEqual(new Date('2017-02-08T17:00:00.000Z'));
  });
});
