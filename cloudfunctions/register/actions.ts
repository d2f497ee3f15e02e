import { ANALYSIS_ROLES, REGISTER_ROLES } from '../../src/domain/register';
import { registerInputs as I } from '../../src/domain/register/api';
import { action, type ActionContext } from '../_lib/handler';
import { continueExports, download, expireExports, exportXlsx } from './export';
import { backfill, project } from './project';
import { analysis, list, log } from './register';

/** 客户沟通记录表 and 服务分析: the register (a projection of the ticket log plus desk-logged contacts), the period analysis, exports. */
export const registerActions = {
  list: action({ description: '沟通记录：按日期、类型、类别、楼栋、人员、渠道、结果、状态筛选，文字搜索，游标分页（本小区）', audience: REGISTER_ROLES, input: I.list, run: list }),
  log: action({ description: '客服登记一次未成工单的沟通（当场答复、建议、表扬等），同一 requestKey 只记一次', audience: ['desk', 'supervisor', 'admin'], input: I.log, run: log }),
  analysis: action({ description: '服务分析（周/月，北京时间）：按小区、楼栋、部门、人员的预先汇总', audience: ANALYSIS_ROLES, input: I.analysis, run: analysis }),
  export: action({ description: '导出 Excel（客户沟通记录表或服务分析），返回仅本人可取的短时链接', audience: REGISTER_ROLES, input: I.export, run: exportXlsx }),
  download: action({ description: '重新获取本人导出文件的短时链接（过期或非本人导出则拒绝）', audience: REGISTER_ROLES, input: I.download, run: download }),
  project: action({ description: '系统：把新的工单日志投影到沟通记录与汇总（水位线之后，幂等）', audience: ['system'], input: I.project, run: project }),
  backfill: action({ description: '系统：从日志重建沟通记录与全部汇总', audience: ['system'], input: I.backfill, run: backfill }),
  'timer:project': action({
    description: '定时：投影新的工单日志、刷新公告触达、继续后台导出并通知导出人、清理过期导出',
    audience: ['system'],
    input: I.project,
    run: async (input, ctx: ActionContext) => ({ ...(await project(input, ctx)), exports: await continueExports(ctx), expired: await expireExports(ctx) }),
  }),
};
