import { z } from 'zod';
import { announcementInputs as I } from '../../src/domain/announcements-api';
import { action } from '../_lib/handler';
import { issueUploadSlot, prepareUploadInput } from '../_lib/files';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import { broadcast } from './broadcast';
import { posterCode } from './poster-code';
import { create, pin, publish, restore, review, update, withdraw } from './compose';
import { ask, enteredFromGroup, feed, get, list, reach, read, shared } from './read';

const AUTHORS = ['desk', 'supervisor', 'admin'] as const;

/** Announcements: publish, broadcast, share to group chats. */
export const announcementActions = {
  prepareUpload: action({
    description: '申请上传位置（公告图片/附件）：服务端选定路径并记录上传人',
    audience: AUTHORS,
    input: prepareUploadInput,
    run: (i, ctx) => issueUploadSlot(ctx, 'notice', i.contentType),
  }),
  create: action({ description: '新建公告草稿（客服/主管/管理员）', audience: AUTHORS, input: I.create, run: create }),
  update: action({
    description: '修改公告；需审核时客服对已发布公告的修改提交主管审核（原公告保持不变），已发布的公告标记为已更新',
    audience: AUTHORS,
    input: I.update,
    run: update,
  }),
  publish: action({ description: '立即或定时发布；需审核时提交主管审核；停水/停电未满通知期需填写原因', audience: AUTHORS, input: I.publish, run: publish }),
  review: action({ description: '主管审核：通过（按申请时间发布）或退回', audience: ['supervisor', 'admin'], input: I.review, run: review }),
  withdraw: action({ description: '撤回公告，未发出的消息不再发送', audience: AUTHORS, input: I.withdraw, run: withdraw }),
  pin: action({ description: '置顶/取消置顶', audience: AUTHORS, input: I.pin, run: pin }),
  restore: action({ description: '一键发布「已恢复」通知，范围同原通知', audience: AUTHORS, input: I.restore, run: restore }),
  list: action({ description: '本小区公告（分页）', audience: AUTHORS, input: I.list, needs: ['staff'], run: list }),
  reach: action({ description: '触达统计：目标、已发送、失败原因、未订阅、已读、分享、群聊', audience: AUTHORS, input: I.reach, run: reach }),
  get: action({
    description: '公告详情：已发布的公告任何已识别的用户都能阅读（群聊分享、海报小程序码），附未覆盖其楼栋的提示和物业电话；草稿、待审核、已撤回的仅本小区客服/主管/管理员可见',
    audience: ['any'],
    input: I.get,
    rateLimit: GUESS_LIMITS.publicNotice,
    run: get,
  }),
  posterCode: action({
    description: '海报小程序码（wxacode.getUnlimited，scene 为公告编号），每条公告生成一次并存储',
    audience: AUTHORS,
    input: I.posterCode,
    run: posterCode,
  }),
  feed: action({ description: '首页公告：置顶在前、最新在前、未读标记', audience: ['resident'], input: I.feed, needs: ['homes'], run: feed }),
  read: action({ description: '标记已读', audience: ['resident'], input: I.read, run: read }),
  ask: action({ description: '就公告提问，生成关联的咨询工单', audience: ['resident'], input: I.ask, run: ask }),
  shared: action({ description: '记录分享（含群聊）', audience: ['resident'], input: I.shared, run: shared }),
  enteredFromGroup: action({ description: '从群聊打开公告时记录群（任何能阅读该公告的人）', audience: ['any'], input: I.enteredFromGroup, run: enteredFromGroup }),
  'timer:broadcast': action({ description: '定时：定时发布、过期、按范围生成投递并按速率发送订阅消息', audience: ['system'], input: z.object({}), run: broadcast }),
};
