import { invalid } from './errors';

/**
 * The geo query operators the SDK's `_.geoNear` / `_.geoWithin` / `_.geoIntersects` and the
 * aggregate `geoNear` stage send (MongoDB's `$nearSphere`, `$geoWithin`, `$geoIntersects`,
 * `$geoNear`), over GeoJSON values as the SDK stores `db.Geo.*` (`{type, coordinates}`,
 * longitude first). Distances are on a sphere of MongoDB's radius (6378.1 km): great-circle
 * distance for points, and edges of shapes taken as straight in longitude/latitude — exact for
 * the community-sized areas this app queries, not for shapes spanning hundreds of kilometres.
 */
export const EARTH_RADIUS_M = 6378100;

type Pos = [number, number];
export interface Geometry {
  type: string;
  coordinates: any;
}

const toRad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Pos, b: Pos): number {
  const [lng1, lat1] = a.map(toRad);
  const [lng2, lat2] = b.map(toRad);
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function isPos(p: unknown): p is Pos {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

/** A stored value as GeoJSON, or null when it is not one (such documents never match). */
export function asGeometry(v: unknown): Geometry | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const g = v as Geometry;
  switch (g.type) {
    case 'Point':
      return isPos(g.coordinates) ? g : null;
    case 'MultiPoint':
    case 'LineString':
      return Array.isArray(g.coordinates) && g.coordinates.every(isPos) ? g : null;
    case 'MultiLineString':
    case 'Polygon':
      return Array.isArray(g.coordinates) && g.coordinates.every((l: unknown) => Array.isArray(l) && l.every(isPos)) ? g : null;
    case 'MultiPolygon':
      return Array.isArray(g.coordinates) && g.coordinates.every((p: unknown) => Array.isArray(p) && p.every((l: unknown) => Array.isArray(l) && l.every(isPos))) ? g : null;
    default:
      return null;
  }
}

function geometryArg(v: unknown, what: string): Geometry {
  const g = asGeometry(v);
  if (!g) throw invalid(`${what}: invalid GeoJSON geometry`);
  return g;
}

interface Parts {
  points: Pos[];
  segments: [Pos, Pos][];
  polygons: Pos[][][];
}

function parts(g: Geometry): Parts {
  const out: Parts = { points: [], segments: [], polygons: [] };
  const line = (l: Pos[]) => {
    out.points.push(...l);
    for (let i = 1; i < l.length; i++) out.segments.push([l[i - 1], l[i]]);
  };
  const poly = (rings: Pos[][]) => {
    out.polygons.push(rings);
    rings.forEach(line);
  };
  switch (g.type) {
    case 'Point':
      out.points.push(g.coordinates);
      break;
    case 'MultiPoint':
      out.points.push(...g.coordinates);
      break;
    case 'LineString':
      line(g.coordinates);
      break;
    case 'MultiLineString':
      g.coordinates.forEach(line);
      break;
    case 'Polygon':
      poly(g.coordinates);
      break;
    case 'MultiPolygon':
      g.coordinates.forEach(poly);
      break;
  }
  return out;
}

/** Ray casting; a point on the boundary counts as inside (as MongoDB's $geoWithin does). */
function inRing(p: Pos, ring: Pos[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (onSegment(p, [ring[j], ring[i]])) return true;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(p: Pos, rings: Pos[][]): boolean {
  if (!rings.length || !inRing(p, rings[0])) return false;
  // A point strictly inside a hole is outside the polygon.
  return !rings.slice(1).some((hole) => inRing(p, hole) && !hole.some((_v, i) => i > 0 && onSegment(p, [hole[i - 1], hole[i]])));
}

const EPS = 1e-12;
const cross = (o: Pos, a: Pos, b: Pos) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function onSegment(p: Pos, [a, b]: [Pos, Pos]): boolean {
  if (Math.abs(cross(a, b, p)) > EPS) return false;
  return p[0] >= Math.min(a[0], b[0]) - EPS && p[0] <= Math.max(a[0], b[0]) + EPS && p[1] >= Math.min(a[1], b[1]) - EPS && p[1] <= Math.max(a[1], b[1]) + EPS;
}

function segmentsIntersect(s: [Pos, Pos], t: [Pos, Pos]): boolean {
  const [a, b] = s;
  const [c, d] = t;
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))) return true;
  return onSegment(a, t) || onSegment(b, t) || onSegment(c, s) || onSegment(d, s);
}

function touches(p: Pos, g: Parts): boolean {
  return g.points.some((q) => q[0] === p[0] && q[1] === p[1]) || g.segments.some((s) => onSegment(p, s)) || g.polygons.some((rings) => inPolygon(p, rings));
}

/** Whether two geometries share any point ($geoIntersects). */
export function intersects(a: Geometry, b: Geometry): boolean {
  const pa = parts(a);
  const pb = parts(b);
  if (pa.points.some((p) => touches(p, pb)) || pb.points.some((p) => touches(p, pa))) return true;
  return pa.segments.some((s) => pb.segments.some((t) => segmentsIntersect(s, t)));
}

/** Whether `g` lies within the (multi)polygon `area` ($geoWithin with $geometry). */
export function within(g: Geometry, area: Geometry): boolean {
  const polys = parts(area).polygons;
  const pg = parts(g);
  if (!pg.points.every((p) => polys.some((rings) => inPolygon(p, rings)))) return false;
  // An edge of `g` leaving the area (crossing its boundary between two inside vertices).
  const boundary = parts(area).segments;
  return pg.segments.every((s) => {
    const mid: Pos = [(s[0][0] + s[1][0]) / 2, (s[0][1] + s[1][1]) / 2];
    return polys.some((rings) => inPolygon(mid, rings)) && !boundary.some((t) => properCross(s, t));
  });
}

function properCross([a, b]: [Pos, Pos], [c, d]: [Pos, Pos]): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

/** The nearest point of a geometry to `p` (its vertices; exact for points). */
function nearestDistance(g: Geometry, p: Pos): number {
  return Math.min(...parts(g).points.map((q) => distanceM(p, q)));
}

// ------------------------------------------------------------------ mingo query operators

/** Values at a dot path, descending through arrays (a field may hold several geometries). */
function valuesAt(doc: unknown, path: string): unknown[] {
  let cur: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && part in (x as object)) next.push((x as any)[part]);
      } else if (v && typeof v === 'object' && part in (v as object)) next.push((v as any)[part]);
    }
    cur = next;
  }
  return cur.flatMap((v) => (Array.isArray(v) && !isPos(v) ? v : [v]));
}

const geometries = (doc: unknown, path: string) =>
  valuesAt(doc, path)
    .map(asGeometry)
    .filter((g): g is Geometry => !!g);

/** `$nearSphere`/`$near` with `$geometry` (metres), as `_.geoNear` sends it. */
export function nearSpec(arg: any): { point: Pos; min: number; max: number } {
  const spec = arg?.$geometry ? arg : { $geometry: arg };
  const g = geometryArg(spec.$geometry, '$nearSphere');
  if (g.type !== 'Point') throw invalid('$nearSphere: $geometry must be a Point');
  const num = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 ? v : d);
  return { point: g.coordinates, min: num(spec.$minDistance, 0), max: num(spec.$maxDistance, Infinity) };
}

/** Distance of a document's nearest geometry at `path` to `point`, or Infinity. */
export function docDistance(doc: unknown, path: string, point: Pos): number {
  const ds = geometries(doc, path).map((g) => nearestDistance(g, point));
  return ds.length ? Math.min(...ds) : Infinity;
}

function $nearSphere(selector: string, value: any) {
  const { point, min, max } = nearSpec(value);
  return (doc: unknown) => {
    const d = docDistance(doc, selector, point);
    return d >= min && d <= max;
  };
}

function $geoWithin(selector: string, value: any) {
  if (value?.$centerSphere) {
    const [center, radius] = value.$centerSphere;
    if (!isPos(center) || typeof radius !== 'number' || radius < 0) throw invalid('$centerSphere: expects [[lng, lat], radiusInRadians]');
    const maxM = radius * EARTH_RADIUS_M;
    return (doc: unknown) => geometries(doc, selector).some((g) => parts(g).points.every((p) => distanceM(center, p) <= maxM));
  }
  const area = geometryArg(value?.$geometry, '$geoWithin');
  if (area.type !== 'Polygon' && area.type !== 'MultiPolygon') throw invalid('$geoWithin: $geometry must be a Polygon or MultiPolygon');
  return (doc: unknown) => geometries(doc, selector).some((g) => within(g, area));
}

function $geoIntersects(selector: string, value: any) {
  const other = geometryArg(value?.$geometry, '$geoIntersects');
  return (doc: unknown) => geometries(doc, selector).some((g) => intersects(g, other));
}

export const geoQueryOperators = { $nearSphere, $near: $nearSphere, $geoWithin, $geoIntersects };

/** The path of the first `$nearSphere`/`$near` in a query (top level or under `$and`), if any. */
export function nearPath(query: Record<string, any>): { path: string; spec: any } | null {
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) {
        const hit = sub && typeof sub === 'object' ? nearPath(sub) : null;
        if (hit) return hit;
      }
    } else if (!k.startsWith('$') && v && typeof v === 'object') {
      if (v.$nearSphere) return { path: k, spec: v.$nearSphere };
      if (v.$near) return { path: k, spec: v.$near };
    }
  }
  return null;
}
