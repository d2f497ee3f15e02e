import { AppError } from '../../src/domain/errors';
import type { ActionContext } from '../_lib/handler';

/** User text goes through WeChat's content check (msgSecCheck v2); the local CloudBase emulates it. */
export async function checkText(ctx: ActionContext, text: string) {
  if (!text.trim() || !ctx.caller.openid) return;
  let res: any;
  try {
    res = await ctx.app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: { content: text, version: 2, scene: 1, openid: ctx.caller.openid } } as any);
  } catch (e) {
    // The check being unreachable must not stop a resident reporting a leak; it is logged.
    console.warn('msgSecCheck unavailable', (e as Error).message);
    return;
  }
  const result = res?.result ?? res;
  if (result?.result?.suggest === 'risky') throw new AppError('INVALID_INPUT', '内容含有不当信息，请修改后再提交');
}
