import { facilitiesInputs as I } from '../../src/domain/facilities-api';
import { uploadSlotAction } from '../_lib/files';
import { act } from '../_lib/handler';
import { limits } from '../_lib/rate-limit';
import * as F from './facilities';
import { generate } from './generate';

/** Staff who look after facilities: 工程, 秩序, 主管, 管理员 (each action checks the caller's community). */
const staff = ['engineer', 'security', 'supervisor', 'admin'] as const;
const managers = ['supervisor', 'admin'] as const;
/** Opening an asset by its label code: codes are random (≈ 60 bits), still a scan per few seconds is plenty. */
const FIND_LIMITS = limits(60, 600, 600);

/** 设施设备 (manual 2.1): asset register, inspection rounds, preventive maintenance, records, analysis. */
export const facilitiesActions = {
  systems: act(staff, I.systems, F.systems, '设备系统：内置八类及管理员添加的'),
  addSystem: act(['admin'], I.addSystem, F.addSystem, '管理员添加设备系统'),
  saveAsset: act(['engineer', ...managers], I.saveAsset, F.saveAsset, '登记或修改设备（位置、型号、厂家、安装日期、维保单位、是否特种设备）；新设备得到随机标签码'),
  assets: act(staff, I.assets, F.assets, '本小区设备台账'),
  asset: act(staff, I.asset, F.asset, '设备页（扫码或输入标签码）：资料、待办维护、读数、维护记录、工单', { rateLimit: FIND_LIMITS }),
  labels: act(staff, I.labels, F.labels, '设备标签（二维码）打印数据'),
  report: act(staff, I.report, F.report, '从设备页报修：生成关联该设备的维修工单（同一请求只生成一张）'),
  savePlan: act(['engineer', ...managers], I.savePlan, F.savePlan, '巡检计划：范围、频次、检查表（修改检查表生成新版本，仅影响以后的巡检）'),
  plans: act(staff, I.plans, F.plans, '巡检计划列表'),
  rounds: act(staff, I.rounds, F.rounds, '巡检任务：待巡检/已超时/已完成'),
  round: act(staff, I.round, F.round, '一次巡检：巡检点、检查表（所用版本）、已同步读数（可离线使用）'),
  sync: act(staff, I.sync, F.sync, '同步巡检读数（可离线后补传，带真实时间）：按（巡检、点位、检查项）只存一次；异常生成一张维修工单；可同时结束巡检', {
    rateLimit: [{ limit: 120, windowSec: 60 }],
  }),
  saveMaintenancePlan: act(['engineer', ...managers], I.saveMaintenancePlan, F.saveMaintenancePlan, '预防性维护计划：固定周期（特种设备法定周期）或按上次完成后 N 天'),
  maintenancePlans: act(staff, I.maintenancePlans, F.maintenancePlans, '维护计划及下次日期'),
  tasks: act(staff, I.tasks, F.tasks, '维护任务（到期/已完成）'),
  recordMaintenance: act(staff, I.recordMaintenance, F.recordMaintenance, '记录维护（含外包单位到场、见证人、配件、报告附件）'),
  record: act(staff, I.record, F.record, '《设施设备维护记录表》（单台设备或全小区）'),
  exportRecord: act(staff, I.exportRecord, F.exportRecord, '导出《设施设备维护记录表》Excel', { rateLimit: [{ limit: 20, windowSec: 600 }] }),
  analysis: act(staff, I.analysis, F.analysis, '分析：巡检完成率与准时率、异常分布、重复故障、MTBF、合规、配件成本'),
  publicStatus: act(['resident'], I.publicStatus, F.publicStatus, '住户：本楼电梯维保、水箱清洗日期与最新水质结果', { needs: ['homes'] }),
  prepareUpload: uploadSlotAction(staff, 'facility', '上传维保报告（照片/PDF）的位置', I.prepareUpload),
  'timer:generate': act(['system'], I.generate, generate, '定时：生成到期巡检任务与维护任务（按计划+时段键控，不重复），超时升级提醒'),
};
