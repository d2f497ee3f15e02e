import { facilitiesInputs as I } from '../../src/domain/facilities-api';
import { issueUploadSlot } from '../_lib/files';
import { action } from '../_lib/handler';
import * as F from './facilities';
import { generate } from './generate';

/** Staff who look after facilities: 工程, 秩序, 主管, 管理员 (each action checks the caller's community). */
const staff = ['engineer', 'security', 'supervisor', 'admin'] as const;
const managers = ['supervisor', 'admin'] as const;
/** Opening an asset by its label code: codes are random (≈ 60 bits), still a scan per few seconds is plenty. */
const FIND_LIMITS = [
  { limit: 60, windowSec: 600 },
  { limit: 600, windowSec: 86400 },
];

/** 设施设备 (manual 2.1): asset register, inspection rounds, preventive maintenance, records, analysis. */
export const facilitiesActions = {
  systems: action({ description: '设备系统：内置八类及管理员添加的', audience: staff, input: I.systems, run: F.systems }),
  addSystem: action({ description: '管理员添加设备系统', audience: ['admin'], input: I.addSystem, run: F.addSystem }),
  saveAsset: action({
    description: '登记或修改设备（位置、型号、厂家、安装日期、维保单位、是否特种设备）；新设备得到随机标签码',
    audience: ['engineer', ...managers],
    input: I.saveAsset,
    run: F.saveAsset,
  }),
  assets: action({ description: '本小区设备台账', audience: staff, input: I.assets, run: F.assets }),
  asset: action({
    description: '设备页（扫码或输入标签码）：资料、待办维护、读数、维护记录、工单',
    audience: staff,
    input: I.asset,
    rateLimit: FIND_LIMITS,
    run: F.asset,
  }),
  labels: action({ description: '设备标签（二维码）打印数据', audience: staff, input: I.labels, run: F.labels }),
  report: action({ description: '从设备页报修：生成关联该设备的维修工单（同一请求只生成一张）', audience: staff, input: I.report, run: F.report }),
  savePlan: action({
    description: '巡检计划：范围、频次、检查表（修改检查表生成新版本，仅影响以后的巡检）',
    audience: ['engineer', ...managers],
    input: I.savePlan,
    run: F.savePlan,
  }),
  plans: action({ description: '巡检计划列表', audience: staff, input: I.plans, run: F.plans }),
  rounds: action({ description: '巡检任务：待巡检/已超时/已完成', audience: staff, input: I.rounds, run: F.rounds }),
  round: action({ description: '一次巡检：巡检点、检查表（所用版本）、已同步读数（可离线使用）', audience: staff, input: I.round, run: F.round }),
  sync: action({
    description: '同步巡检读数（可离线后补传，带真实时间）：按（巡检、点位、检查项）只存一次；异常生成一张维修工单；可同时结束巡检',
    audience: staff,
    input: I.sync,
    rateLimit: [{ limit: 120, windowSec: 60 }],
    run: F.sync,
  }),
  saveMaintenancePlan: action({
    description: '预防性维护计划：固定周期（特种设备法定周期）或按上次完成后 N 天',
    audience: ['engineer', ...managers],
    input: I.saveMaintenancePlan,
    run: F.saveMaintenancePlan,
  }),
  maintenancePlans: action({ description: '维护计划及下次日期', audience: staff, input: I.maintenancePlans, run: F.maintenancePlans }),
  tasks: action({ description: '维护任务（到期/已完成）', audience: staff, input: I.tasks, run: F.tasks }),
  recordMaintenance: action({ description: '记录维护（含外包单位到场、见证人、配件、报告附件）', audience: staff, input: I.recordMaintenance, run: F.recordMaintenance }),
  record: action({ description: '《设施设备维护记录表》（单台设备或全小区）', audience: staff, input: I.record, run: F.record }),
  exportRecord: action({ description: '导出《设施设备维护记录表》Excel', audience: staff, input: I.exportRecord, rateLimit: [{ limit: 20, windowSec: 600 }], run: F.exportRecord }),
  analysis: action({ description: '分析：巡检完成率与准时率、异常分布、重复故障、MTBF、合规、配件成本', audience: staff, input: I.analysis, run: F.analysis }),
  publicStatus: action({ description: '住户：本楼电梯维保、水箱清洗日期与最新水质结果', audience: ['resident'], input: I.publicStatus, needs: ['homes'], run: F.publicStatus }),
  prepareUpload: action({
    description: '上传维保报告（照片/PDF）的位置',
    audience: staff,
    input: I.prepareUpload,
    run: (input, ctx) => issueUploadSlot(ctx, 'facility', input.contentType),
  }),
  'timer:generate': action({ description: '定时：生成到期巡检任务与维护任务（按计划+时段键控，不重复），超时升级提醒', audience: ['system'], input: I.generate, run: generate }),
};
