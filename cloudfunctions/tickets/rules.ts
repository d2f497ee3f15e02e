import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { ticketInputs } from '../../src/domain/tickets/api';
import { CATEGORY_BY_CODE, TICKET_TYPES } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import { loadRules } from '../_lib/ticket-routing';

export async function getRouting(_input: unknown, ctx: ActionContext) {
  return { rules: await loadRules(ctx.db, ctx.caller.staff!.communityId) };
}

export async function setRouting(input: z.infer<typeof ticketInputs.setRouting>, ctx: ActionContext) {
  const valid = (m: string) => m === '*' || CATEGORY_BY_CODE.has(m) || TICKET_TYPES.some((t) => m === `type:${t}`);
  const bad = input.rules.find((r) => !valid(r.match));
  if (bad) throw new AppError('INVALID_INPUT', `未知的类别：${bad.match}`);
  const communityId = ctx.caller.staff!.communityId;
  for (const r of input.rules.filter((x) => x.mode === 'fixed')) {
    const s = (await ctx.db.collection('staff').doc(r.fixedStaffId!).get()).data[0] as any;
    if (!s || s.communityId !== communityId || !s.active) throw new AppError('INVALID_INPUT', '指定的员工不存在或已停用');
  }
  await ctx.db.collection('routing_rules').doc(communityId).set({ communityId, rules: input.rules, updatedBy: ctx.caller.staff!._id, updatedAt: ctx.clock.now() });
  return { rules: input.rules };
}
