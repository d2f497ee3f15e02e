import { z } from 'zod';
import { moveinInputs as I } from '../../src/domain/movein-api';
import { prepareUploadInput } from '../_lib/files';
import { act } from '../_lib/handler';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import { createBatch, getBatch, listBatches, publishBatch, setPreparation, slots, updateBatch } from './batches';
import { book, cancel, documentUrls, getBooking, listBookings, myMovein, prepareUpload, reviewDocument, submitDocument } from './bookings';
import { dashboard, exportBatch, remindTomorrow } from './dashboard';
import { handover, receipt, signReceipt } from './handover';
import { inspect, reinspect } from './inspection';
import { BATCH_MANAGERS, MOVEIN_STAFF } from './model';

/**
 * A person not yet bound books with the owner registry's name and phone, so the resident
 * actions are open to anyone WeChat identifies; each checks the booking is the caller's.
 */
const anyone = ['any'] as const;
/** An upload slot's file type, and the booking it is for (a person not yet bound has no other claim to one). */
const uploadInput = prepareUploadInput.extend({ bookingId: z.string().max(64).optional() });

/** 入住与交接 (issue #13): batches, booking, document review, key handover, house inspection, dashboard. */
export const moveinActions = {
  prepareUpload: act(anyone, uploadInput, prepareUpload, '申请上传位置（入住资料、签名、抄表照片：JPG/PNG/PDF）；未绑定房屋的人须先有有效预约'),
  createBatch: act(BATCH_MANAGERS, I.createBatch, createBatch, '新建入住批次：楼栋/房号范围、日期、每日时段与容量、所需资料、收费告知、准备事项（按请求号幂等）'),
  updateBatch: act(BATCH_MANAGERS, I.updateBatch, updateBatch, '修改入住批次：草稿可全部修改；已开放的批次只能改名称、收费告知、准备事项与截止时间'),
  getBatch: act(MOVEIN_STAFF, I.getBatch, getBatch, '入住批次详情（编辑用）'),
  publishBatch: act(BATCH_MANAGERS, I.publishBatch, publishBatch, '开放批次预约，并经公告流程向该范围房屋发布入住通知（客服发布须主管审核，按社区设置）'),
  setPreparation: act(MOVEIN_STAFF, I.setPreparation, setPreparation, '更新准备事项（负责人、是否完成）'),
  listBatches: act(MOVEIN_STAFF, I.listBatches, listBatches, '本小区的入住批次'),
  slots: act(anyone, I.slots, slots, '我的房屋所在批次（或指定批次）的可预约时段：slotId、startAt、endAt、capacity、booked'),
  book: act(
    anyone,
    I.book,
    book,
    '预约时段：已绑定本批次房屋的人只需 slotId；未绑定的人另填 unitId、业主姓名与手机号（按业主登记信息核对，与绑定共用猜测次数限制）；再次预约即改约',
    { rateLimit: GUESS_LIMITS.binding },
  ),
  cancel: act(anyone, I.cancel, cancel, '取消我的预约（截止时间前）'),
  myMovein: act(anyone, I.myMovein, myMovein, '我的入住预约：时段、资料审核结果、交接、验房问题进度'),
  submitDocument: act(anyone, I.submitDocument, submitDocument, '上传/重新上传一项入住资料（JPG/PNG/PDF，单个不超过 5 MB）'),
  documentUrls: act(anyone, I.documentUrls, documentUrls, '资料的临时下载地址（10 分钟有效）：仅预约本人与本小区物业人员'),
  listBookings: act(MOVEIN_STAFF, I.listBookings, listBookings, '批次的预约列表（审核台：review = 有待审核资料）'),
  getBooking: act(anyone, I.getBooking, getBooking, '预约详情：预约本人或本小区物业人员'),
  reviewDocument: act(['desk', 'supervisor', 'admin'], I.reviewDocument, reviewDocument, '逐项审核资料（不通过须填原因）；全部通过后业主绑定到该房屋'),
  handover: act(MOVEIN_STAFF, I.handover, handover, '交房当日的交接步骤：到场、资料核验、钥匙清点、抄表（含照片）、移交说明书与收费告知'),
  signReceipt: act(anyone, I.signReceipt, signReceipt, '业主在手机上签收钥匙交接单（签名图片）'),
  receipt: act(anyone, I.receipt, receipt, '钥匙交接单（可打印）：预约本人或本小区物业人员'),
  inspect: act(MOVEIN_STAFF, I.inspect, inspect, '验房：逐房间逐项记录，问题项生成报修工单（或开发商保修）'),
  reinspect: act(anyone, I.reinspect, reinspect, '复验签收：全部问题整改完成后业主签字；不认可的问题重新整改'),
  dashboard: act(MOVEIN_STAFF, I.dashboard, dashboard, '批次看板：已预约、已到场、资料待审/未通过、已交钥匙、已验房、未完成问题（按时长）'),
  exportBatch: act(MOVEIN_STAFF, I.exportBatch, exportBatch, '导出批次 Excel（.xlsx），返回临时下载地址'),
  'timer:remind': act(['system'], I.remindTomorrow, remindTomorrow, '定时：提醒明天办理入住的业主（消息中心，按预约与时段去重）'),
};
