import { z } from 'zod';
import { callbackInputs as I } from '../../src/domain/tickets/callbacks-api';
import { STAFF_ROLES } from '../../src/domain/roles';
import { action } from '../_lib/handler';
import { remind } from './remind';
import { counts, getSettings, list, record, setSettings } from './tasks';

/** Callbacks (回访) and the reminders timer: deadline warnings, breaches, escalations. */
export const callbackActions = {
  counts: action({ description: '待回访数量（全部/已超时/我的）', audience: [...STAFF_ROLES], input: I.counts, run: counts }),
  list: action({ description: '待回访列表（按到期时间）或已结束的回访（分页）', audience: [...STAFF_ROLES], input: I.list, needs: ['staff'], run: list }),
  record: action({ description: '记录回访结果：联系上与否、满意与否；不满意重新打开工单，多次联系不上则结束', audience: [...STAFF_ROLES], input: I.record, run: record }),
  getSettings: action({ description: '回访设置：各类型回访策略、回访时限、联系次数、提醒确认时间', audience: [...STAFF_ROLES], input: I.getSettings, run: getSettings }),
  setSettings: action({ description: '修改回访设置（管理员）', audience: ['admin'], input: I.setSettings, run: setSettings }),
  'timer:remind': action({ description: '定时：回访任务、时限预警/超时/上报主管、超时未接单改派、提醒住户确认', audience: ['system'], input: z.object({}), run: remind }),
};
