import type { AdminContext } from './admin';
import { getOpenData } from './open-data';
import { qrPng } from './qr-png';

/**
 * The WeChat open APIs the product uses, emulated. Messages land in the outbox;
 * content checks flag a small list of words so the rejection path can be exercised.
 */
const RISKY_WORDS = ['违禁词', '赌博', '色情', '诈骗'];

export function wxApi(ctx: AdminContext, apiName: string, req: any): Record<string, unknown> {
  const name = apiName.replace(/^\/+/, '');
  switch (name) {
    case 'cgi-bin/message/subscribe/send': {
      const missing = ['touser', 'template_id', 'data'].filter((k) => !req?.[k]);
      if (missing.length) return { errcode: 47003, errmsg: `argument invalid! missing ${missing.join(',')}` };
      const fault = ctx.outbox.takeFault(String(req.touser));
      if (fault !== null) {
        ctx.outbox.record(new Date(ctx.clock.now()), 'subscribeMessage.send', req, fault);
        return { errcode: fault, errmsg: 'injected by /api/dev/wx-faults' };
      }
      ctx.outbox.record(new Date(ctx.clock.now()), 'subscribeMessage.send', req, 0);
      return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
    }
    case 'wxa/msg_sec_check': {
      const content = String(req?.content ?? '');
      const hit = RISKY_WORDS.find((w) => content.includes(w));
      return {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: hit ? 'risky' : 'pass', label: hit ? 20001 : 100 },
        detail: hit ? [{ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20001, keyword: hit }] : [],
      };
    }
    case 'wxa/getopendata':
      return getOpenData(req, ctx.clock.now());
    case 'wxa/getwxacodeunlimit':
      return wxacodeUnlimited(req);
    default:
      return { errcode: 40001, errmsg: `api not emulated locally: ${apiName}` };
  }
}

/** WeChat's rule for `scene`: 1–32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;

/**
 * wxacode.getUnlimited, emulated with a scannable stand-in: a plain QR code (PNG) of the path the
 * real code would open, `<page>?scene=<scene>`, answered as the cloud call's `{contentType, buffer}`
 * (base64). Refuses what WeChat refuses: a bad scene (40169), a page with a leading slash or a
 * query (41030), a width outside 280–1280 (40097).
 */
function wxacodeUnlimited(req: any): Record<string, unknown> {
  const scene = String(req?.scene ?? '');
  if (!SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
  const page = req?.page === undefined ? 'pages/index/index' : String(req.page);
  if (!page || page.startsWith('/') || page.includes('?')) return { errcode: 41030, errmsg: 'invalid page rid: local' };
  const width = req?.width === undefined ? 430 : Number(req.width);
  if (!Number.isFinite(width) || width < 280 || width > 1280) return { errcode: 40097, errmsg: 'invalid args' };
  const png = qrPng(`${page}?scene=${encodeURIComponent(scene)}`, width);
  return { errcode: 0, errmsg: 'ok', contentType: 'image/png', buffer: png.toString('base64') };
}
