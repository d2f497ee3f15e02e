import type { ActionContext } from '../_lib/handler';
import { communitySettings } from '../_lib/community-settings';

/** 工单设置: the community's ticket switches (today: whether completing a repair needs a photo). */
export async function getTicketSettings(_input: unknown, ctx: ActionContext) {
  const { completionPhotoRequired } = await communitySettings(ctx.db, ctx.caller.staff!.communityId);
  return { completionPhotoRequired };
}

export async function setTicketSettings(input: { completionPhotoRequired: boolean }, ctx: ActionContext) {
  await ctx.db.collection('communities').doc(ctx.caller.staff!.communityId).update({ 'settings.completionPhotoRequired': input.completionPhotoRequired });
  return getTicketSettings({}, ctx);
}
