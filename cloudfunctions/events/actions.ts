import { z } from 'zod';
import { EVENT_CHECKERS, EVENT_PLANNERS, EVENT_REVIEWERS } from '../../src/domain/events';
import { eventInputs as I } from '../../src/domain/events-api';
import { issueUploadSlot, prepareUploadInput } from '../_lib/files';
import { action } from '../_lib/handler';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import * as R from './residents';
import * as S from './staff';
import { tick } from './timer';

const PLANNERS = EVENT_PLANNERS;
const STAFF = [...new Set([...EVENT_PLANNERS, ...EVENT_CHECKERS])];

/** Community events (issue 14): plan, review, publish, sign up with a waitlist, check in, feedback, summary. */
export const eventActions = {
  prepareUpload: action({
    description: '申请上传位置（活动封面/现场照片）',
    audience: STAFF,
    input: prepareUploadInput,
    run: (i, ctx) => issueUploadSlot(ctx, 'event', i.contentType),
  }),
  create: action({ description: '新建活动方案（草稿）：主题、时间、地点、内容、对象、组织、安全措施、名额、报名窗口等', audience: PLANNERS, input: I.create, run: S.create }),
  update: action({ description: '修改草稿', audience: PLANNERS, input: I.update, run: S.update }),
  submit: action({ description: '提交发布；需审核时（同公告审核开关）非主管提交给主管审核', audience: PLANNERS, input: I.submit, run: S.submit }),
  review: action({ description: '主管审核：通过即发布，或退回草稿', audience: EVENT_REVIEWERS, input: I.review, run: S.review }),
  change: action({ description: '变更已发布活动的时间/地点，通知所有报名住户', audience: PLANNERS, input: I.change, run: S.change }),
  cancelEvent: action({ description: '取消活动，通知所有报名住户', audience: PLANNERS, input: I.cancelEvent, run: S.cancelEvent }),
  staffList: action({ description: '本小区活动（员工）', audience: STAFF, input: I.staffList, needs: ['staff'], run: S.staffList }),
  staffGet: action({ description: '活动详情（员工），含可执行操作', audience: STAFF, input: I.get, run: S.get }),
  registrations: action({ description: '报名名单与候补队列', audience: STAFF, input: I.registrations, run: S.registrations }),
  export: action({ description: '导出报名名单 Excel（临时下载链接）', audience: PLANNERS, input: I.export, run: S.exportXlsx }),
  checkIn: action({ description: '签到：扫描/输入住户签到码，或从名单选择', audience: EVENT_CHECKERS, input: I.checkIn, rateLimit: GUESS_LIMITS.eventCode, run: S.checkIn }),
  note: action({ description: '现场记录与照片', audience: STAFF, input: I.note, run: S.note }),
  close: action({ description: '活动总结：实际花费、保留与改进', audience: PLANNERS, input: I.close, run: S.close }),
  summary: action({ description: '活动总结数据：报名、到场率、未到、满意度、评价、照片、费用', audience: PLANNERS, input: I.summary, run: S.summary }),
  analysis: action({ description: '跨活动分析：主题、星期、时段 × 年龄段', audience: PLANNERS, input: I.analysis, run: S.analysis }),
  list: action({ description: '住户活动列表：即将开始（按家庭年龄段/兴趣推荐在前）、我的、往期', audience: ['resident'], input: I.list, needs: ['homes'], run: R.list }),
  get: action({ description: '活动详情（住户），含可执行操作', audience: ['resident'], input: I.get, run: R.get }),
  signUp: action({ description: '报名（people = 本户人数）：返回 confirmed 或 waitlisted', audience: ['resident'], input: I.signUp, run: R.signUp }),
  cancel: action({ description: '取消报名（截止前）；空出的名额按候补顺序递补并通知', audience: ['resident'], input: I.cancel, run: R.cancel }),
  myCode: action({ description: '我的签到码', audience: ['resident'], input: I.myCode, run: R.myCode }),
  feedback: action({ description: '活动结束后评价', audience: ['resident'], input: I.feedback, run: R.feedback }),
  profile: action({ description: '设置家庭年龄段与兴趣（用于推荐）', audience: ['resident'], input: I.profile, run: R.profile }),
  'timer:tick': action({ description: '定时：开始前提醒、结束后邀请评价', audience: ['system'], input: z.object({}), run: tick }),
};
