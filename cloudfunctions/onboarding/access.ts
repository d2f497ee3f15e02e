import { AppError } from '../../src/domain/errors';
import type { ActionContext } from '../_lib/handler';

/**
 * Who may manage what. The shared handler's audiences know staff roles of one community only,
 * so the company admin (a `company_admins` document keyed by OPENID) is checked here, inside
 * the use cases; every action of this function declares audience `any` and calls one of these.
 */
export interface CompanyAdminDoc {
  _id: string;
  name: string;
  active: boolean;
  createdAt: Date;
  via: string;
}

export { hashSetupCode as hashCode } from '../_lib/setup-code';

export async function companyAdminOf(ctx: ActionContext): Promise<CompanyAdminDoc | null> {
  return ctx.caller.openid ? companyAdminById(ctx.db, ctx.caller.openid) : null;
}

/** The same, by OPENID (for a prefetch, sent with resolving the caller). */
export async function companyAdminById(db: ActionContext['db'], openid: string): Promise<CompanyAdminDoc | null> {
  const doc = (await db.collection('company_admins').doc(openid).get()).data[0] as CompanyAdminDoc | undefined;
  return doc && doc.active ? doc : null;
}

export async function requireCompanyAdmin(ctx: ActionContext): Promise<CompanyAdminDoc> {
  const admin = await companyAdminOf(ctx);
  if (!admin) throw new AppError('FORBIDDEN', '只有公司管理员可以进行此操作');
  return admin;
}

/** The community, when the caller is the company admin or an admin of that community; else FORBIDDEN / NOT_FOUND. */
export async function requireManager(ctx: ActionContext, communityId: string): Promise<{ community: any; companyAdmin: boolean }> {
  const ownAdmin = !!ctx.caller.staff && ctx.caller.staff.communityId === communityId && ctx.caller.roles.has('admin');
  const [company, community] = await Promise.all([ownAdmin ? null : companyAdminOf(ctx), ctx.db.collection('communities').doc(communityId).get()]);
  if (!ownAdmin && !company) throw new AppError('FORBIDDEN', '只有本小区管理员或公司管理员可以进行此操作');
  const c = community.data[0];
  if (!c) throw new AppError('NOT_FOUND', '小区不存在');
  return { community: c, companyAdmin: !!company };
}
