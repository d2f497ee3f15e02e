// emulator/db/codec.ts: documents as JSON text with dates encoded "\u0000D"+ISO.
import { DATE_CEIL, DATE_FLOOR, DATE_PREFIX, STRING_FLOOR, decodeDoc, encodeDate, encodeDoc, sqlScalar } from '../../emulator/db/codec';

describe('dates', () => {
  test('a date round-trips as a Date with the same instant', () => {
    const d = new Date('2024-02-29T23:59:59.123Z');
    const text = encodeDoc({ at: d });
    expect(JSON.parse(text).at).toBe('\u0000D2024-02-29T23:59:59.123Z');
    const back = decodeDoc(text);
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(d.getTime());
  });

  test('nested dates, dates in arrays, and the epoch', () => {
    const doc = { a: { b: { c: new Date(0) } }, list: [new Date(1), 'x', { d: new Date(2) }] };
    const back = decodeDoc(encodeDoc(doc));
    expect(back).toEqual(doc);
    expect(back.list[0]).toBeInstanceOf(Date);
    expect(back.list[2].d).toBeInstanceOf(Date);
  });

  test('encoded dates sort chronologically, inside [DATE_FLOOR, DATE_CEIL), below every non-empty ordinary string', () => {
    const dates = ['1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z'].map((s) => encodeDate(new Date(s)));
    expect([...dates].reverse().sort()).toEqual(dates);
    for (const e of dates) {
      expect(e.startsWith(DATE_PREFIX)).toBe(true);
      expect(e >= DATE_FLOOR && e < DATE_CEIL).toBe(true);
      expect(e < STRING_FLOOR).toBe(true);
      for (const s of ['a', 'A', '0', ' ', '\u0001', '中文']) expect(e < s).toBe(true);
    }
  });
});

describe('strings are unaffected', () => {
  test.each(['', 'D', 'DATE', '2024-01-01T00:00:00.000Z', 'D2024-01-01T00:00:00.000Z', '\u0000', '\u0000E', 'a\u0000Db', '邻里物业', '"quoted" \\ back', '\u0001x', '🙂'])(
    '%j',
    (s) => {
      const back = decodeDoc(encodeDoc({ s, list: [s], nested: { s } }));
      expect(back).toEqual({ s, list: [s], nested: { s } });
      expect(typeof back.s).toBe('string');
    },
  );

  test('other JSON values round-trip unchanged', () => {
    const doc = { n: 1.5, neg: -3, big: 2 ** 52, t: true, f: false, nul: null, arr: [1, [2, [3]]], obj: { deep: { deeper: {} } } };
    expect(decodeDoc(encodeDoc(doc))).toEqual(doc);
  });
});

test('a RegExp is stored as {$regex, $options}', () => {
  expect(JSON.parse(encodeDoc({ r: /ab+c/gi }))).toEqual({ r: { $regex: 'ab+c', $options: 'gi' } });
});

test('sqlScalar: the value as json_extract returns it', () => {
  const d = new Date(86_400_000);
  expect(sqlScalar(d)).toBe(encodeDate(d));
  expect(sqlScalar(true)).toBe(1);
  expect(sqlScalar(false)).toBe(0);
  expect(sqlScalar(null)).toBeNull();
  expect(sqlScalar(undefined)).toBeNull();
  expect(sqlScalar('x')).toBe('x');
  expect(sqlScalar(2.5)).toBe(2.5);
});
