import { z } from 'zod';
import { action } from '../_lib/handler';

/** A health check that tells the caller who CloudBase says they are. */
export const pingActions = {
  whoami: action({
    description: '返回调用者的身份（OPENID、APPID、UNIONID）及其住户/员工角色',
    audience: ['any', 'system'],
    input: z.object({}).strict(),
    run: async (_input, { caller, clock, requestId }) => ({
      openid: caller.openid,
      homes: caller.homes.map((h) => ({ unitId: h.unitId, relation: h.relation })),
      staff: caller.staff ? { communityId: caller.staff.communityId, roles: [...caller.roles] } : null,
      serverTime: clock.now().toISOString(),
      requestId,
    }),
  }),
  echo: action({
    description: '原样返回输入，用于联调传输层',
    audience: ['any', 'system'],
    input: z.object({ text: z.string().max(200) }).strict(),
    needs: [],
    run: async ({ text }) => ({ text }),
  }),
};
