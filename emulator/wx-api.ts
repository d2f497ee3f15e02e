import type { AdminContext } from './admin';
import { getOpenData } from './open-data';

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
    default:
      return { errcode: 40001, errmsg: `api not emulated locally: ${apiName}` };
  }
}
