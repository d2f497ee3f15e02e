import { accountInputs as I } from '../../src/domain/identity';
import { STAFF_ROLES } from '../../src/domain/roles';
import { action } from '../_lib/handler';
import { GUESS_LIMITS } from '../_lib/rate-limit';
import { bindingHistory, decideBinding, householdMembers, householdOf, listBindingRequests, removeMember, requestBinding, revokeMembership, undoBindingApproval } from './bindings';
import { listCommunities, listUnits } from './directory';
import { me, myHomes } from './me';
import { createInvite, listStaff, redeemInvite, setOnDuty, updateStaff } from './staff';
import { subscribe, subscriptions } from './subscriptions';

/** Identity: who the caller is, their homes, households, and staff membership. */
export const accountActions = {
  me: action({ description: '当前用户：我的房屋、员工身份、所在小区', audience: ['any'], input: I.me, needs: ['staff'], prefetch: myHomes, run: me }),
  listCommunities: action({ description: '可绑定的小区列表', audience: ['any'], input: I.listCommunities, needs: [], run: listCommunities }),
  listUnits: action({ description: '小区的楼栋/单元/房号（不含业主登记信息）', audience: ['any'], input: I.listUnits, needs: [], run: listUnits }),
  requestBinding: action({
    description: '申请绑定房屋；业主信息与登记一致时自动通过',
    audience: ['any'],
    input: I.requestBinding,
    rateLimit: GUESS_LIMITS.binding,
    run: requestBinding,
  }),
  householdMembers: action({
    description: '我所在房屋的家庭成员',
    audience: ['resident'],
    input: I.householdMembers,
    needs: ['homes'],
    prefetch: householdOf,
    run: householdMembers,
  }),
  removeMember: action({ description: '业主移除家庭成员/租户，或本人解除绑定', audience: ['resident'], input: I.removeMember, run: removeMember }),
  listBindingRequests: action({
    description: '本小区的房屋绑定申请（分页）',
    audience: ['desk', 'admin'],
    input: I.listBindingRequests,
    needs: ['staff'],
    run: listBindingRequests,
  }),
  decideBinding: action({ description: '审核绑定申请：客服/管理员，或业主审核家属与租户', audience: ['desk', 'admin', 'resident'], input: I.decideBinding, run: decideBinding }),
  revokeMembership: action({
    description: '撤销任一已绑定或待审核的成员（客服/管理员，需填写原因；住户会收到通知，之后重新申请需人工审核）',
    audience: ['desk', 'admin'],
    input: I.revokeMembership,
    run: revokeMembership,
  }),
  createInvite: action({ description: '生成一次性员工邀请码（7 天有效）', audience: ['admin'], input: I.createInvite, run: createInvite }),
  redeemInvite: action({ description: '使用邀请码成为员工', audience: ['any'], input: I.redeemInvite, rateLimit: GUESS_LIMITS.inviteCode, run: redeemInvite }),
  listStaff: action({ description: '本小区员工列表', audience: ['admin'], input: I.listStaff, needs: ['staff'], run: listStaff }),
  updateStaff: action({ description: '修改员工角色或停用员工', audience: ['admin'], input: I.updateStaff, run: updateStaff }),
  subscribe: action({ description: '记录用户刚同意的订阅消息（每次同意可发送一条）', audience: ['any'], input: I.subscribe, run: subscribe }),
  subscriptions: action({ description: '我剩余的订阅消息次数（按模板）', audience: ['any'], input: I.subscriptions, run: subscriptions }),
  setOnDuty: action({ description: '员工设置本人上班/下班', audience: [...STAFF_ROLES], input: I.setOnDuty, run: setOnDuty }),
  bindingHistory: action({
    description: '绑定审核记录：本小区已通过/未通过的申请，谁在何时审核（分页）',
    audience: ['desk', 'admin', 'supervisor'],
    input: I.bindingHistory,
    needs: ['staff'],
    run: bindingHistory,
  }),
  undoBindingApproval: action({
    description: '撤回刚做出的绑定审核通过（10 分钟内，审核人本人或主管）；申请恢复为待审核并通知住户',
    audience: ['desk', 'admin', 'supervisor'],
    input: I.undoBindingApproval,
    run: undoBindingApproval,
  }),
};
