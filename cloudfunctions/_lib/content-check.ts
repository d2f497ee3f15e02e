import { AppError } from '../../src/domain/errors';
import type { ActionContext } from './handler';

/**
 * Every free text a person submits that others will read goes through WeChat's content check
 * (msgSecCheck v2; the local CloudBase emulates it). Several fields are checked in one call.
 */
export async function checkText(ctx: ActionContext, ...texts: (string | null | undefined)[]) {
  const content = texts.filter((t): t is string => typeof t === 'string' && t.trim().length > 0).join('\n');
  if (!content || !ctx.caller.openid) return;
  let res: any;
  try {
    res = await ctx.app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: { content, version: 2, scene: 1, openid: ctx.caller.openid } } as any);
  } catch (e) {
    // The check being unreachable must not stop a resident reporting a leak; it is logged.
    console.warn('msgSecCheck unavailable', (e as Error).message);
    return;
  }
  const result = res?.result ?? res;
  if (result?.result?.suggest === 'risky') throw new AppError('INVALID_INPUT', '内容含有不当信息，请修改后再提交');
}
