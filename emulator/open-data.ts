import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeChat open data behind a cloudID (share tickets, group enter info), emulated. WeChat gives the
 * mini-program a cloudID for data only it knows (e.g. a group's openGId); a function exchanges it
 * with `getOpenData` (`POST /wxa/getopendata`). Locally a cloudID is signed with this process's
 * secret, names the user it was issued to and expires after 5 minutes, as in WeChat.
 */
const secret = randomBytes(32);
const TTL_MS = 5 * 60_000;

const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** What WeChat's client would hand the mini-program (tests and local tools mint them here). */
export function mintCloudId(openid: string, data: Record<string, unknown>, nowMs: number): string {
  const payload = Buffer.from(JSON.stringify({ o: openid, d: data, e: nowMs + TTL_MS })).toString('base64url');
  return `local_${payload}.${sign(payload)}`;
}

function open(cloudID: string, openid: string, nowMs: number): { data?: unknown; errcode?: number; errmsg?: string } {
  const m = /^local_([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(cloudID);
  if (!m) return { errcode: -601007, errmsg: 'cloudID invalid.' };
  const good = Buffer.from(sign(m[1]));
  const given = Buffer.from(m[2]);
  if (good.length !== given.length || !timingSafeEqual(good, given)) return { errcode: -601007, errmsg: 'cloudID invalid.' };
  const p = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  if (p.o !== openid) return { errcode: -601007, errmsg: 'cloudID invalid.' };
  if (nowMs > p.e) return { errcode: -601006, errmsg: 'cloudID expired.' };
  return { data: p.d };
}

/** `POST /wxa/getopendata` `{ cloudid_list, openid }` → `{ errcode, errmsg, data_list: [{ cloud_id, json }] }`. */
export function getOpenData(req: any, nowMs: number): Record<string, unknown> {
  const list = Array.isArray(req?.cloudid_list) ? req.cloudid_list.filter((x: unknown) => typeof x === 'string').slice(0, 20) : [];
  const openid = String(req?.openid ?? '');
  const data_list = list.map((cloudID: string) => {
    const r = open(cloudID, openid, nowMs);
    return { cloud_id: cloudID, json: JSON.stringify(r.data !== undefined ? { cloudID, data: r.data } : { cloudID, errCode: r.errcode, errMsg: r.errmsg }) };
  });
  return { errcode: 0, errmsg: 'ok', data_list };
}
