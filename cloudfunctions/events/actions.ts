import { z } from 'zod';
import { EVENT_CHECKERS, EVENT_PLANNERS, EVENT_REVIEWERS } from '../../src/domain/events';
import { eventInputs as I } from '../../src/domain/events-api';
import { uploadSlotAction } from '../_lib/files';
import { act } from '../_lib/handler';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import * as R from './residents';
import * as S from './staff';
import { tick } from './timer';

const PLANNERS = EVENT_PLANNERS;
const STAFF = [...new Set([...EVENT_PLANNERS, ...EVENT_CHECKERS])];

/** Community events (issue 14): plan, review, publish, sign up with a waitlist, check in, feedback, summary. */
export const eventActions = {
  prepareUpload: uploadSlotAction(STAFF, 'event', '申请上传位置（活动封面/现场照片）'),
  create: act(PLANNERS, I.create, S.create, '新建活动方案（草稿）：主题、时间、地点、内容、对象、组织、安全措施、名额、报名窗口等'),
  update: act(PLANNERS, I.update, S.update, '修改草稿'),
  submit: act(PLANNERS, I.submit, S.submit, '提交发布；需审核时（同公告审核开关）非主管提交给主管审核'),
  review: act(EVENT_REVIEWERS, I.review, S.review, '主管审核：通过即发布，或退回草稿'),
  change: act(PLANNERS, I.change, S.change, '变更已发布活动的时间/地点，通知所有报名住户'),
  cancelEvent: act(PLANNERS, I.cancelEvent, S.cancelEvent, '取消活动，通知所有报名住户'),
  staffList: act(STAFF, I.staffList, S.staffList, '本小区活动（员工）', { needs: ['staff'] }),
  staffGet: act(STAFF, I.get, S.get, '活动详情（员工），含可执行操作'),
  registrations: act(STAFF, I.registrations, S.registrations, '报名名单与候补队列'),
  export: act(PLANNERS, I.export, S.exportXlsx, '导出报名名单 Excel（临时下载链接）'),
  checkIn: act(EVENT_CHECKERS, I.checkIn, S.checkIn, '签到：扫描/输入住户签到码，或从名单选择', { rateLimit: GUESS_LIMITS.eventCode }),
  note: act(STAFF, I.note, S.note, '现场记录与照片'),
  close: act(PLANNERS, I.close, S.close, '活动总结：实际花费、保留与改进'),
  summary: act(PLANNERS, I.summary, S.summary, '活动总结数据：报名、到场率、未到、满意度、评价、照片、费用'),
  analysis: act(PLANNERS, I.analysis, S.analysis, '跨活动分析：主题、星期、时段 × 年龄段'),
  list: act(['resident'], I.list, R.list, '住户活动列表：即将开始（按家庭年龄段/兴趣推荐在前）、我的、往期', { needs: ['homes'] }),
  get: act(['resident'], I.get, R.get, '活动详情（住户），含可执行操作'),
  signUp: act(['resident'], I.signUp, R.signUp, '报名（people = 本户人数）：返回 confirmed 或 waitlisted'),
  cancel: act(['resident'], I.cancel, R.cancel, '取消报名（截止前）；空出的名额按候补顺序递补并通知'),
  myCode: act(['resident'], I.myCode, R.myCode, '我的签到码'),
  feedback: act(['resident'], I.feedback, R.feedback, '活动结束后评价'),
  profile: act(['resident'], I.profile, R.profile, '设置家庭年龄段与兴趣（用于推荐）'),
  'timer:tick': act(['system'], z.object({}), tick, '定时：开始前提醒、结束后邀请评价'),
};
