import { onboardingInputs as I } from '../../src/domain/onboarding-api';
import { act } from '../_lib/handler';
import { limits } from '../_lib/rate-limit';
import { me, redeemSetupCode } from './admin';
import { appointExisting, appointStaff, createCommunity, listCommunities, listPeople } from './communities';
import { confirmImport, continueImports, importStatus, prepareUpload, previewImport, template } from './imports';
import { addUnit, generateUnits, listUnits, previewUnits, removeUnit, renameUnit } from './units';
import { z } from 'zod';
import { companyAdminById } from './access';

/**
 * Day-one onboarding (issue #17): the first company admin, communities, units, Excel imports.
 * The shared handler's audiences know one community's staff roles only, so every action here
 * is open to `any` identified caller and checks the company admin / community admin itself
 * (onboarding/access.ts).
 */
export const onboardingActions = {
  me: act(['any'], I.me, me, '我的管理身份：是否公司管理员、管理的小区'),
  // A guessable code: a few tries per ten minutes, ten a day, per person.
  redeemSetupCode: act(['any'], I.redeemSetupCode, redeemSetupCode, '使用一次性初始化码成为公司管理员（由 npm run admin:bootstrap 生成，24 小时有效）', {
    rateLimit: limits(3, 600, 10),
  }),
  createCommunity: act(['any'], I.createCommunity, createCommunity, '新建小区（公司管理员）'),
  listCommunities: act(['any'], I.listCommunities, listCommunities, '小区列表及房屋、业主、住户、员工、未结工单数', {
    needs: ['staff'],
    prefetch: (_i, ctx) => companyAdminById(ctx.db, ctx.openid),
  }),
  appointStaff: act(['any'], I.appointStaff, appointStaff, '生成员工邀请码：公司管理员任命小区管理员/主管，小区管理员邀请本小区员工'),
  previewUnits: act(['any'], I.previewUnits, previewUnits, '按规则生成房屋：预览'),
  generateUnits: act(['any'], I.generateUnits, generateUnits, '按规则生成房屋（已存在的跳过）'),
  listUnits: act(['any'], I.listUnits, listUnits, '小区楼栋与某楼栋的房屋（管理）'),
  addUnit: act(['any'], I.addUnit, addUnit, '手动添加房屋'),
  renameUnit: act(['any'], I.renameUnit, renameUnit, '修改房号（无人绑定的房屋）'),
  removeUnit: act(['any'], I.removeUnit, removeUnit, '删除房屋（无人绑定的房屋）'),
  prepareUpload: act(['any'], I.prepareUpload, prepareUpload, '申请导入文件（.xlsx）的上传位置'),
  previewImport: act(['any'], I.previewImport, previewImport, '导入预览：逐行检查，列出错误，不写入'),
  confirmImport: act(['any'], I.confirmImport, confirmImport, '确认导入：写入所有有效行（可重复调用以继续）'),
  importStatus: act(['any'], I.importStatus, importStatus, '导入进度与结果'),
  template: act(['any'], I.template, template, '下载导入模板（.xlsx）'),
  listPeople: act(['any'], I.listPeople, listPeople, '公司的员工（按人汇总所属小区），用于任命到其他小区'),
  appointExisting: act(['any'], I.appointExisting, appointExisting, '任命已有员工到另一个小区（公司管理员；按小区设置角色）'),
  'timer:continue': act(['system'], z.object({}), continueImports, '定时：继续未完成的导入'),
};
