import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { accountInputs } from '../../src/domain/identity';
import type { ActionContext } from '../_lib/handler';
import { grantConsents } from '../_lib/subscriptions';
import { TEMPLATES } from '../_lib/templates';

const KNOWN = () => new Set(Object.values(TEMPLATES));

export async function subscribe(input: z.infer<typeof accountInputs.subscribe>, ctx: ActionContext) {
  const unknown = input.templateIds.filter((t) => !KNOWN().has(t));
  if (unknown.length) throw new AppError('INVALID_INPUT', '未知的订阅消息模板');
  await grantConsents(ctx.db, ctx.caller.openid!, input.templateIds, ctx.clock.now());
  return subscriptions({}, ctx);
}

export async function subscriptions(_input: unknown, ctx: ActionContext) {
  const res = await ctx.db.collection('subscriptions').where({ openid: ctx.caller.openid }).limit(20).get();
  const left = new Map(res.data.map((s: any) => [s.templateId, s.remaining]));
  return Object.fromEntries(Object.entries(TEMPLATES).map(([key, id]) => [key, { templateId: id, remaining: left.get(id) ?? 0 }]));
}
