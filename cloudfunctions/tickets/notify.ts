import type { ActionContext } from '../_lib/handler';
import { notify, type Outgoing } from '../_lib/notify';
import { assignedMessage, residentTicketPage, staffData, staffTicketPage, target, what, type TicketRef } from '../_lib/ticket-messages';
import { clip } from '../_lib/templates';
import type { EventDoc, TicketDoc } from './model';
import { ACTION_LABELS, STATUS_LABELS } from '../../src/domain/tickets/state-machine';
import { DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import { UNCLAIMED_ALERT_ROLE } from '../../src/domain/inbox';
import { formatMinute } from '../../src/domain/time';

/** What residents hear of each step, and the template that carries it. */
const RESIDENT: Partial<Record<string, { kind: 'progress' | 'done' | 'reply'; title: string; template: 'progress' | 'done' | 'reply' }>> = {
  accept: { kind: 'progress', title: '工单已受理', template: 'progress' },
  grab: { kind: 'progress', title: '工单已受理', template: 'progress' },
  arrive: { kind: 'progress', title: '维修人员已到场', template: 'progress' },
  complete: { kind: 'done', title: '工单已处理完成，请您确认', template: 'done' },
  answer: { kind: 'reply', title: '您的咨询已答复', template: 'reply' },
};

/** What staff hear of a step someone else took. */
const STAFF: Partial<Record<string, { kind: 'message' | 'reopened' | 'cancelled' | 'confirmed' | 'rated' | 'done' | 'progress'; title: string; ownerOnly?: boolean }>> = {
  message: { kind: 'message', title: '住户留言' },
  reopen: { kind: 'reopened', title: '工单被重新打开' },
  cancel: { kind: 'cancelled', title: '工单已取消' },
  confirm: { kind: 'confirmed', title: '住户已确认完成' },
  rate: { kind: 'rated', title: '住户已评价' },
  complete: { kind: 'done', title: '工单已完工', ownerOnly: true },
  answer: { kind: 'done', title: '工单已答复', ownerOnly: true },
};

/** After a ticket action: the resident (progress), the new assignee, the owner and the assignee. */
export async function notifyAct(ctx: ActionContext, t: TicketDoc, action: string, event: EventDoc, byStaffId?: string) {
  const out: Outgoing[] = [];
  const text = event.text ? clip(event.text, 60) : '';
  const r = RESIDENT[action];
  if (r && t.reporterOpenid) {
    out.push({
      key: `${t._id}:${event.seq}:resident`,
      to: [{ openid: t.reporterOpenid }],
      kind: r.kind,
      title: r.title,
      body: action === 'accept' || action === 'grab' ? `${t.no} ${what(t)}：${t.assigneeName ?? '工作人员'} 已接单` : `${t.no} ${what(t)}${text ? `：${text}` : ''}`,
      communityId: t.communityId,
      target: target(t),
      subscribe: {
        template: r.template,
        page: residentTicketPage(t._id),
        data: {
          character_string1: { value: t.no },
          thing2: { value: clip(what(t), 20) },
          phrase3: { value: clip(STATUS_LABELS[t.status], 5) },
          time4: { value: formatMinute(event.at) },
        },
      },
    });
  }
  if ((action === 'dispatch' || action === 'transfer') && t.assigneeStaffId && t.assigneeStaffId !== byStaffId) {
    out.push(assignedMessage(t, t.assigneeStaffId, `${t._id}:${event.seq}:assigned`, `${t.no} ${what(t)}${action === 'transfer' ? `（${text}）` : ''}`, event.at));
  }
  // The first-contact owner (首问负责制) hears of every other step too.
  const s = STAFF[action] ?? { kind: 'progress' as const, title: `工单进展：${ACTION_LABELS[action as keyof typeof ACTION_LABELS] ?? '更新'}`, ownerOnly: true };
  {
    out.push({
      key: `${t._id}:${event.seq}:staff`,
      to: (s.ownerOnly ? [t.ownerStaffId] : [t.ownerStaffId, t.assigneeStaffId]).filter((x): x is string => !!x).map((staffId) => ({ staffId })),
      exceptStaffId: byStaffId,
      kind: s.kind,
      title: s.title,
      body: `${t.no}${text ? `：${text}` : ''}`,
      communityId: t.communityId,
      target: target(t),
    });
  }
  await notify(ctx, out);
}
