import { inboxInputs as I } from '../../src/domain/inbox-api';
import { action } from '../_lib/handler';
import { list, prefetchList, prefetchUnread, read, unread } from './inbox';
import { retention } from './retention';

/** Anyone WeChat identifies reads their own messages: residents and staff, and also a person whose binding is pending or was revoked (they are told why). */
const everyone = ['any'] as const;

/** 消息中心: each person's messages and their role's shared alerts, read state, retention. */
export const inboxActions = {
  list: action({
    description: '我的消息（personal）或本岗位共享提醒（alerts），最新在前，游标分页',
    audience: everyone,
    input: I.list,
    // One's own messages need nobody resolved; the role alerts need the staff record.
    needs: (input) => (input.box === 'personal' ? [] : ['staff']),
    prefetch: prefetchList,
    run: list,
  }),
  unread: action({ description: '未读数量：我的消息、岗位提醒、合计', audience: everyone, input: I.unread, needs: ['staff'], prefetch: prefetchUnread, run: unread }),
  read: action({ description: '标记已读：一条（返回其链接及我能否查看），或全部', audience: everyone, input: I.read, run: read }),
  'timer:retention': action({ description: '定时：删除超过保留期（默认 90 天）的已读消息；未读消息不删除', audience: ['system'], input: I.retention, run: retention }),
};
