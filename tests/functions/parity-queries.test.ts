// Issue #20 §3 — query operators as CloudBase documents them (db.command: exists, mod,
// elemMatch, jsonSchema, nor, geoNear, geoWithin, geoIntersects), through the real SDK.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
let db: any;
let _: any;
beforeAll(async () => {
  lc = await startLocal({ schema: false });
  db = lc.db;
  _ = db.command;
});
afterAll(() => lc.stop());

let n = 0;
async function fresh(docs: Record<string, unknown>[], indexes: { name: string; keys: [string, 1 | -1 | '2dsphere'][] }[] = []) {
  const name = `pq_${++n}`;
  await db.createCollection(name);
  if (indexes.length) lc.server.ctx.engine.ensureIndexes(name, indexes);
  if (docs.length) await db.collection(name).add(docs);
  return db.collection(name);
}
const cats = (res: any) => res.data.map((d: any) => d.category);

describe('$exists and $mod reaching into arrays of embedded documents', () => {
  const DATA = [
    { category: 'Web', tags: ['JavaScript', 'C#'], index: 0 },
    { category: 'luke', tags: ['Go'] },
    { category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 3 },
    { category: 'embedded', tags: [{ value: 1 }, { value: 7 }], index: 4 },
    { category: 'nested', items: [{ sub: { v: 10 } }, { other: true }] },
  ];

  test('elemMatch with exists: only elements that are documents having the field', async () => {
    const c = await fresh(DATA);
    expect(cats(await c.where({ tags: _.elemMatch({ value: _.exists(true) }) }).get())).toEqual(['embedded']);
    // Strings and numbers are not documents: no element of them has (or lacks) a field.
    expect(cats(await c.where({ tags: _.elemMatch({ value: _.exists(false) }) }).get())).toEqual([]);
    expect(cats(await c.where({ tags: _.exists(true) }).get())).toEqual(['Web', 'luke', 'number', 'embedded']);
  });

  test('elemMatch with mod: the number 7 in a plain array is not an element with value 7', async () => {
    const c = await fresh(DATA);
    expect(cats(await c.where({ tags: _.elemMatch({ value: _.mod([4, 3]) }) }).get())).toEqual(['embedded']);
    expect(cats(await c.where({ tags: _.elemMatch({ value: _.mod([2, 0]) }) }).get())).toEqual([]);
    // On the array itself (no elemMatch), mod applies to each number.
    expect(cats(await c.where({ tags: _.mod([4, 3]) }).get())).toEqual(['number']);
  });

  test('dot paths through arrays of documents ("tags.value", "items.sub.v")', async () => {
    const c = await fresh(DATA);
    expect(cats(await c.where({ 'tags.value': _.exists(true) }).get())).toEqual(['embedded']);
    expect(cats(await c.where({ 'tags.value': _.mod([4, 3]) }).get())).toEqual(['embedded']);
    expect(cats(await c.where({ 'items.sub.v': _.mod([5, 0]) }).get())).toEqual(['nested']);
    expect(cats(await c.where({ 'items.other': _.exists(true) }).get())).toEqual(['nested']);
  });
});

describe('$jsonSchema in where and inside $nor', () => {
  const DATA = [
    { category: 'Web', index: 0, tags: ['a'] },
    { category: 'Life', index: 2.5 },
    { category: 'number', index: 3, tags: [1, 2] },
    { title: 'no category', index: 9 },
  ];

  test('required, bsonType, properties, minimum, enum, items', async () => {
    const c = await fresh(DATA);
    expect((await c.where(_.jsonSchema({ required: ['category'] })).get()).data).toHaveLength(3);
    expect(cats(await c.where(_.jsonSchema({ bsonType: 'object', properties: { index: { bsonType: 'int', minimum: 1 } }, required: ['category'] })).get())).toEqual(['number']);
    expect(cats(await c.where(_.jsonSchema({ properties: { index: { bsonType: 'double' } }, required: ['index', 'category'] })).get())).toEqual(['Web', 'Life', 'number']);
    expect(cats(await c.where(_.jsonSchema({ properties: { category: { enum: ['Web', 'Life'] } }, required: ['category'] })).get())).toEqual(['Web', 'Life']);
    expect(cats(await c.where(_.jsonSchema({ required: ['tags'], properties: { tags: { bsonType: 'array', items: { bsonType: 'string' } } } })).get())).toEqual(['Web']);
    // Combined with an ordinary condition.
    expect(cats(await c.where(_.and([_.jsonSchema({ required: ['category'] }), { index: _.gt(1) }])).get())).toEqual(['Life', 'number']);
  });

  test('inside $nor', async () => {
    const c = await fresh(DATA);
    expect((await c.where(_.nor([_.jsonSchema({ required: ['category'] })])).get()).data.map((d: any) => d.title)).toEqual(['no category']);
    expect((await c.where(_.nor([_.jsonSchema({ required: ['index'] })])).get()).data).toEqual([]);
  });

  test('a keyword MongoDB does not support is refused', async () => {
    const c = await fresh(DATA);
    await expect(c.where(_.jsonSchema({ required: ['category'], format: 'email' })).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('geo queries over a geo index', () => {
  const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat);
  const square = (x0: number, y0: number, x1: number, y1: number) => new db.Geo.Polygon([new db.Geo.LineString([P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)])]);
  // Facilities around a community gate at (116.4, 39.9): ~85 m, ~850 m, ~8.5 km east.
  const places = () => [
    { category: 'far', loc: P(116.5, 39.9) },
    { category: 'gate', loc: P(116.4, 39.9) },
    { category: 'mid', loc: P(116.41, 39.9) },
    { category: 'near', loc: P(116.401, 39.9) },
    { category: 'no location' },
  ];
  const GEO = [{ name: 'loc', keys: [['loc', '2dsphere']] as [string, '2dsphere'][] }];

  test('geoNear: within min/max distance (metres), nearest first', async () => {
    const c = await fresh(places(), GEO);
    expect(cats(await c.where({ loc: _.geoNear({ geometry: P(116.4, 39.9), maxDistance: 1000 }) }).get())).toEqual(['gate', 'near', 'mid']);
    expect(cats(await c.where({ loc: _.geoNear({ geometry: P(116.4, 39.9), maxDistance: 10000, minDistance: 100 }) }).get())).toEqual(['mid', 'far']);
    expect(
      cats(
        await c
          .where({ loc: _.geoNear({ geometry: P(116.5, 39.9) }) })
          .limit(2)
          .get(),
      ),
    ).toEqual(['far', 'mid']);
    const got = (await c.where({ loc: _.geoNear({ geometry: P(116.4, 39.9), maxDistance: 1 }) }).get()).data[0];
    expect(got.loc).toEqual(P(116.4, 39.9));
  });

  test('geoNear needs a geo index, as in CloudBase', async () => {
    const c = await fresh(places());
    await expect(c.where({ loc: _.geoNear({ geometry: P(116.4, 39.9), maxDistance: 1000 }) }).get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  test('geoWithin a polygon (holes excluded) or a multipolygon', async () => {
    const c = await fresh(places(), GEO);
    expect(cats(await c.where({ loc: _.geoWithin({ geometry: square(116.39, 39.89, 116.405, 39.91) }) }).get())).toEqual(['gate', 'near']);
    const withHole = new db.Geo.Polygon([
      new db.Geo.LineString([P(116.3, 39.8), P(116.6, 39.8), P(116.6, 40), P(116.3, 40), P(116.3, 39.8)]),
      new db.Geo.LineString([P(116.395, 39.895), P(116.405, 39.895), P(116.405, 39.905), P(116.395, 39.905), P(116.395, 39.895)]),
    ]);
    expect(cats(await c.where({ loc: _.geoWithin({ geometry: withHole }) }).get())).toEqual(['far', 'mid']);
    const multi = new db.Geo.MultiPolygon([square(116.49, 39.89, 116.51, 39.91), square(116.409, 39.89, 116.411, 39.91)]);
    expect(cats(await c.where({ loc: _.geoWithin({ geometry: multi }) }).get())).toEqual(['far', 'mid']);
  });

  test('geoWithin centerSphere (radius in radians), as a Point or as coordinates', async () => {
    const c = await fresh(places(), GEO);
    const oneKm = 1000 / 6378100;
    expect(cats(await c.where({ loc: _.geoWithin({ centerSphere: [P(116.4, 39.9), oneKm] }) }).get())).toEqual(['gate', 'mid', 'near']);
    expect(cats(await c.where({ loc: _.geoWithin({ centerSphere: [[116.5, 39.9], oneKm] }) }).get())).toEqual(['far']);
  });

  test('geoIntersects: points, a line crossing a polygon', async () => {
    const c = await fresh(
      [
        { category: 'park', area: square(116.0, 39.0, 116.1, 39.1) },
        { category: 'road', area: new db.Geo.LineString([P(115.9, 39.05), P(116.05, 39.05)]) },
        { category: 'kiosk', area: P(116.05, 39.05) },
        { category: 'elsewhere', area: P(117, 40) },
      ],
      [{ name: 'area', keys: [['area', '2dsphere']] }],
    );
    expect(cats(await c.where({ area: _.geoIntersects({ geometry: P(116.05, 39.05) }) }).get())).toEqual(['park', 'road', 'kiosk']);
    expect(cats(await c.where({ area: _.geoIntersects({ geometry: new db.Geo.LineString([P(115.95, 39.0), P(115.95, 39.2)]) }) }).get())).toEqual(['road']);
    expect(cats(await c.where({ area: _.geoIntersects({ geometry: square(116.09, 39.09, 116.2, 39.2) }) }).get())).toEqual(['park']);
  });

  test('aggregate geoNear stage: distanceField in metres, includeLocs, query, nearest first', async () => {
    const c = await fresh(places(), GEO);
    const res = await c
      .aggregate()
      .geoNear({ distanceField: 'distance', spherical: true, near: P(116.4, 39.9), maxDistance: 1000, query: { category: _.neq('gate') }, includeLocs: 'at', key: 'loc' })
      .end();
    expect(res.data.map((d: any) => d.category)).toEqual(['near', 'mid']);
    expect(res.data[0].distance).toBeGreaterThan(80);
    expect(res.data[0].distance).toBeLessThan(90);
    expect(res.data[1].distance).toBeGreaterThan(800);
    expect(res.data[1].distance).toBeLessThan(900);
    expect(res.data[0].at).toEqual({ type: 'Point', coordinates: [116.401, 39.9] });
  });
});
