import type { z } from 'zod';
import type { ticketInputs } from '../../src/domain/tickets/api';
import { DEFAULT_SLA } from '../../src/domain/tickets/sla';
import { communitySettings } from '../_lib/community-settings';
import type { ActionContext } from '../_lib/handler';

export async function getSla(_input: unknown, ctx: ActionContext) {
  const settings = await communitySettings(ctx.db, ctx.caller.staff!.communityId);
  return { sla: settings.sla, defaults: DEFAULT_SLA, serviceHours: settings.work.hours };
}

/** Admins change their community's service levels; new and reopened tickets use them. */
export async function setSla(input: z.infer<typeof ticketInputs.setSla>, ctx: ActionContext) {
  const communityId = ctx.caller.staff!.communityId;
  // Replace the whole sub-document: a category override removed in the form is removed here too.
  await ctx.db
    .collection('communities')
    .doc(communityId)
    .update({ 'settings.sla': ctx.db.command.set(input.sla) });
  return getSla({}, ctx);
}
