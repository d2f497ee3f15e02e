import { onboardingInputs as I } from '../../src/domain/onboarding-api';
import { action } from '../_lib/handler';
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
  me: action({ description: '我的管理身份：是否公司管理员、管理的小区', audience: ['any'], input: I.me, run: me }),
  redeemSetupCode: action({
    description: '使用一次性初始化码成为公司管理员（由 npm run admin:bootstrap 生成，24 小时有效）',
    audience: ['any'],
    input: I.redeemSetupCode,
    // A guessable code: a few tries per ten minutes, ten a day, per person.
    rateLimit: [
      { limit: 3, windowSec: 600 },
      { limit: 10, windowSec: 86400 },
    ],
    run: redeemSetupCode,
  }),
  createCommunity: action({ description: '新建小区（公司管理员）', audience: ['any'], input: I.createCommunity, run: createCommunity }),
  listCommunities: action({
    description: '小区列表及房屋、业主、住户、员工、未结工单数',
    audience: ['any'],
    input: I.listCommunities,
    needs: ['staff'],
    prefetch: (_i, ctx) => companyAdminById(ctx.db, ctx.openid),
    run: listCommunities,
  }),
  appointStaff: action({ description: '生成员工邀请码：公司管理员任命小区管理员/主管，小区管理员邀请本小区员工', audience: ['any'], input: I.appointStaff, run: appointStaff }),
  previewUnits: action({ description: '按规则生成房屋：预览', audience: ['any'], input: I.previewUnits, run: previewUnits }),
  generateUnits: action({ description: '按规则生成房屋（已存在的跳过）', audience: ['any'], input: I.generateUnits, run: generateUnits }),
  listUnits: action({ description: '小区楼栋与某楼栋的房屋（管理）', audience: ['any'], input: I.listUnits, run: listUnits }),
  addUnit: action({ description: '手动添加房屋', audience: ['any'], input: I.addUnit, run: addUnit }),
  renameUnit: action({ description: '修改房号（无人绑定的房屋）', audience: ['any'], input: I.renameUnit, run: renameUnit }),
  removeUnit: action({ description: '删除房屋（无人绑定的房屋）', audience: ['any'], input: I.removeUnit, run: removeUnit }),
  prepareUpload: action({ description: '申请导入文件（.xlsx）的上传位置', audience: ['any'], input: I.prepareUpload, run: prepareUpload }),
  previewImport: action({ description: '导入预览：逐行检查，列出错误，不写入', audience: ['any'], input: I.previewImport, run: previewImport }),
  confirmImport: action({ description: '确认导入：写入所有有效行（可重复调用以继续）', audience: ['any'], input: I.confirmImport, run: confirmImport }),
  importStatus: action({ description: '导入进度与结果', audience: ['any'], input: I.importStatus, run: importStatus }),
  template: action({ description: '下载导入模板（.xlsx）', audience: ['any'], input: I.template, run: template }),
  listPeople: action({ description: '公司的员工（按人汇总所属小区），用于任命到其他小区', audience: ['any'], input: I.listPeople, run: listPeople }),
  appointExisting: action({ description: '任命已有员工到另一个小区（公司管理员；按小区设置角色）', audience: ['any'], input: I.appointExisting, run: appointExisting }),
  'timer:continue': action({ description: '定时：继续未完成的导入', audience: ['system'], input: z.object({}), run: continueImports }),
};
