import type { z } from 'zod';
import type { ticketInputs } from '../../src/domain/tickets/api';
import { DEFAULT_SLA, type SlaMinutes, type SlaPolicy } from '../../src/domain/tickets/sla';
import type { Database } from '../_lib/cloud';
import type { ActionContext } from '../_lib/handler';

/** The community's service levels: the defaults of service-levels.md under its own overrides. */
export async function slaFor(db: Database, communityId: string): Promise<SlaPolicy> {
  const c = (await db.collection('communities').doc(communityId).field({ settings: true }).get()).data[0] as any;
  return mergeSla(c?.settings?.sla);
}

export function mergeSla(own: Partial<SlaPolicy> | undefined): SlaPolicy {
  if (!own) return DEFAULT_SLA;
  const m = (a: SlaMinutes, b?: SlaMinutes) => ({ ...a, ...(b ?? {}) });
  return {
    emergency: m(DEFAULT_SLA.emergency, own.emergency),
    categories: { ...DEFAULT_SLA.categories, ...(own.categories ?? {}) },
    repair: m(DEFAULT_SLA.repair, own.repair),
    complaint: m(DEFAULT_SLA.complaint, own.complaint),
    consultation: m(DEFAULT_SLA.consultation, own.consultation),
    warnBeforeMinutes: DEFAULT_SLA.warnBeforeMinutes,
    autoConfirmDays: own.autoConfirmDays ?? DEFAULT_SLA.autoConfirmDays,
  };
}

export async function getSla(_input: unknown, ctx: ActionContext) {
  return { sla: await slaFor(ctx.db, ctx.caller.staff!.communityId), defaults: DEFAULT_SLA };
}

/** Admins change their community's service levels; new and reopened tickets use them. */
export async function setSla(input: z.infer<typeof ticketInputs.setSla>, ctx: ActionContext) {
  const communityId = ctx.caller.staff!.communityId;
  // Replace the whole sub-document: a category override removed in the form is removed here too.
  await ctx.db.collection('communities').doc(communityId).update({ 'settings.sla': ctx.db.command.set(input.sla) });
  return getSla({}, ctx);
}
