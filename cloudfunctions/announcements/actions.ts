import { z } from 'zod';
import { announcementInputs as I } from '../../src/domain/announcements-api';
import { act } from '../_lib/handler';
import { uploadSlotAction } from '../_lib/files';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import { broadcast } from './broadcast';
import { posterCode } from './poster-code';
import { create, pin, publish, restore, review, update, withdraw } from './compose';
import { ask, enteredFromGroup, feed, get, list, reach, read, shared } from './read';

const AUTHORS = ['desk', 'supervisor', 'admin'] as const;

/** Announcements: publish, broadcast, share to group chats. */
export const announcementActions = {
  prepareUpload: uploadSlotAction(AUTHORS, 'notice', '申请上传位置（公告图片/附件）：服务端选定路径并记录上传人'),
  create: act(AUTHORS, I.create, create, '新建公告草稿（客服/主管/管理员）'),
  update: act(AUTHORS, I.update, update, '修改公告；需审核时客服对已发布公告的修改提交主管审核（原公告保持不变），已发布的公告标记为已更新'),
  publish: act(AUTHORS, I.publish, publish, '立即或定时发布；需审核时提交主管审核；停水/停电未满通知期需填写原因'),
  review: act(['supervisor', 'admin'], I.review, review, '主管审核：通过（按申请时间发布）或退回'),
  withdraw: act(AUTHORS, I.withdraw, withdraw, '撤回公告，未发出的消息不再发送'),
  pin: act(AUTHORS, I.pin, pin, '置顶/取消置顶'),
  restore: act(AUTHORS, I.restore, restore, '一键发布「已恢复」通知，范围同原通知'),
  list: act(AUTHORS, I.list, list, '本小区公告（分页）', { needs: ['staff'] }),
  reach: act(AUTHORS, I.reach, reach, '触达统计：目标、已发送、失败原因、未订阅、已读、分享、群聊'),
  get: act(
    ['any'],
    I.get,
    get,
    '公告详情：已发布的公告任何已识别的用户都能阅读（群聊分享、海报小程序码），附未覆盖其楼栋的提示和物业电话；草稿、待审核、已撤回的仅本小区客服/主管/管理员可见',
    { rateLimit: GUESS_LIMITS.publicNotice },
  ),
  posterCode: act(AUTHORS, I.posterCode, posterCode, '海报小程序码（wxacode.getUnlimited，scene 为公告编号），每条公告生成一次并存储'),
  feed: act(['resident'], I.feed, feed, '首页公告：置顶在前、最新在前、未读标记', { needs: ['homes'] }),
  read: act(['resident'], I.read, read, '标记已读'),
  ask: act(['resident'], I.ask, ask, '就公告提问，生成关联的咨询工单'),
  shared: act(['resident'], I.shared, shared, '记录分享（含群聊）'),
  enteredFromGroup: act(['any'], I.enteredFromGroup, enteredFromGroup, '从群聊打开公告时记录群（任何能阅读该公告的人）'),
  'timer:broadcast': act(['system'], z.object({}), broadcast, '定时：定时发布、过期、按范围生成投递并按速率发送订阅消息'),
};
