import { z } from 'zod';
import { ticketInputs as I } from '../../src/domain/tickets/api';
import { STAFF_ROLES } from '../../src/domain/roles';
import { action } from '../_lib/handler';
import { issueUploadSlot, prepareUploadInput } from '../_lib/files';
import { act } from './act';
import { create, createOnBehalf, placeOfReport, reportEmergency, reportersHome, reportNeeds, staffReport } from './create';
import { departmentStaff, get, listMine, listQueue, queueCounts, ticketWithPlace } from './queries';
import { getRouting, setRouting } from './rules';
import { getSla, setSla } from './sla-settings';
import { sweep } from './sweep';
import { lookupCaller, search } from './search';
import { getTicketSettings, setTicketSettings } from './ticket-settings';
import { GUESS_LIMITS } from '../_lib/rate-limit';

/** Repairs, complaints and consultations: one ticket flow with routing and first-contact ownership. */
export const ticketActions = {
  prepareUpload: action({
    description: '申请上传位置（照片/视频）：服务端选定路径并记录上传人，提交时只接受自己上传的文件',
    audience: ['resident', ...STAFF_ROLES],
    input: prepareUploadInput,
    run: (i, ctx) => issueUploadSlot(ctx, 'ticket', i.contentType),
  }),
  create: action({
    description: '住户提交报修/投诉/咨询（按客户端请求号幂等）',
    audience: ['resident'],
    input: I.create,
    needs: reportNeeds,
    prefetch: placeOfReport,
    homesFrom: reportersHome,
    run: create,
  }),
  createOnBehalf: action({ description: '客服代住户登记来电/来访，登记人为首问负责人', audience: ['desk', 'supervisor', 'admin'], input: I.createOnBehalf, run: createOnBehalf }),
  // Anyone signed in: a person without an approved home sees (and acts on) only what they reported themselves.
  listMine: action({ description: '我和家人的工单（分页）', audience: ['any'], input: I.listMine, needs: ['homes'], run: listMine }),
  get: action({
    description: '工单详情：时限、时间线、可执行的操作',
    audience: ['any'],
    input: I.get,
    prefetch: (i, ctx) => ticketWithPlace(ctx.db, i.ticketId),
    run: get,
  }),
  act: action({
    description: '工单操作（接单、抢单、派单、转派、到场、暂停、完工、确认、评价…），按状态机与角色校验',
    audience: ['any'],
    input: I.act,
    run: act,
  }),
  queueCounts: action({ description: '工作台各队列数量', audience: [...STAFF_ROLES], input: I.queueCounts, needs: ['staff'], run: queueCounts }),
  listQueue: action({
    description: '工作台队列：派给我、抢单池、我负责的、待派单、即将超时、已超时、未完成、已关闭、全部（分页；超时与紧急在前）',
    audience: [...STAFF_ROLES],
    input: I.listQueue,
    needs: ['staff'],
    run: listQueue,
  }),
  departmentStaff: action({ description: '可派单/转派的员工', audience: [...STAFF_ROLES], input: I.departmentStaff, run: departmentStaff }),
  getRouting: action({ description: '本小区的派单规则', audience: ['admin', 'supervisor'], input: I.getRouting, run: getRouting }),
  setRouting: action({ description: '修改派单规则', audience: ['admin'], input: I.setRouting, run: setRouting }),
  getSla: action({ description: '本小区的服务时限（默认值来自服务标准，可按小区调整）', audience: [...STAFF_ROLES], input: I.getSla, run: getSla }),
  setSla: action({ description: '修改服务时限（新建与重新处理的工单使用）', audience: ['admin'], input: I.setSla, run: setSla }),
  search: action({
    description: '员工查找工单：工单号、电话（客服/主管/管理员）、房屋或姓名，按类型、类别、楼栋、状态、日期筛选，含已关闭（分页）',
    audience: [...STAFF_ROLES],
    input: I.search,
    // A phone or a name is a guessable value: searching is counted like a lookup.
    rateLimit: GUESS_LIMITS.staffLookup,
    run: search,
  }),
  lookupCaller: action({
    description: '代客登记：按电话或房屋查找来电人，填入姓名与房屋',
    audience: ['desk', 'supervisor', 'admin'],
    input: I.lookupCaller,
    rateLimit: GUESS_LIMITS.staffLookup,
    run: lookupCaller,
  }),
  getTicketSettings: action({
    description: '本小区的工单设置（完工是否必须拍照）',
    audience: [...STAFF_ROLES],
    input: I.getTicketSettings,
    run: getTicketSettings,
  }),
  setTicketSettings: action({ description: '修改工单设置', audience: ['admin'], input: I.setTicketSettings, run: setTicketSettings }),
  reportEmergency: action({
    description: '公共区域紧急情况上报（未绑定或待审核的人也可以，按人每天限次，客服核实报告人）',
    audience: ['any'],
    input: I.reportEmergency,
    needs: ['homes'],
    run: reportEmergency,
  }),
  'timer:sweep': action({ description: '定时：抢单超时转派、超期自动确认', audience: ['system'], input: z.object({}), run: sweep }),
  staffReport: action({
    description: '工程/秩序人员上报巡查中发现的问题（公共区域或本小区房屋），照常派单，上报人为首问负责人',
    audience: ['engineer', 'security'],
    input: I.staffReport,
    run: staffReport,
  }),
};
