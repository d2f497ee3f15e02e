import { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { onboardingInputs } from '../../src/domain/onboarding-api';
import type { ActionContext } from '../_lib/handler';
import { companyAdminOf, hashCode } from './access';

type In<K extends keyof typeof onboardingInputs> = z.infer<(typeof onboardingInputs)[K]>;

/** What the onboarding pages need to know about the caller. */
export async function me(_input: unknown, ctx: ActionContext) {
  const admin = await companyAdminOf(ctx);
  const staff = ctx.caller.staff;
  return {
    companyAdmin: !!admin,
    name: admin?.name ?? staff?.name ?? null,
    /** Communities the caller manages as a community admin (a company admin manages all). */
    manages: staff && ctx.caller.roles.has('admin') ? [staff.communityId] : [],
  };
}

/**
 * Redeems the one-time setup code `npm run admin:bootstrap` printed. The code is stored only
 * as a hash; checking it, marking it used and making the caller the company admin happen in
 * one transaction, so it can never be used twice. Guesses are rate-limited by the action.
 */
export async function redeemSetupCode(input: In<'redeemSetupCode'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const openid = ctx.caller.openid!;
  const now = clock.now();
  const id = hashCode(input.code);
  try {
    await db.runTransaction(async (tx: any) => {
      const code = (await tx.collection('setup_codes').doc(id).get()).data as any;
      if (!code || code.revoked) throw new AppError('NOT_FOUND', '初始化码无效');
      if (code.redeemedBy) throw new AppError('CONFLICT', '该初始化码已被使用');
      if (new Date(code.expiresAt).getTime() < now.getTime()) throw new AppError('CONFLICT', '初始化码已过期，请让部署人员重新运行 admin:bootstrap');
      await tx.collection('company_admins').doc(openid).set({ name: input.name, active: true, createdAt: now, via: id });
      await tx.collection('setup_codes').doc(id).update({ redeemedBy: openid, redeemedAt: now });
    }, 1);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') throw new AppError('CONFLICT', '该初始化码已被使用');
    throw e;
  }
  await db.collection('audit_log').add({ communityId: '', actor: openid, action: 'company-admin.created', target: openid, at: now });
  return { companyAdmin: true, name: input.name };
}
