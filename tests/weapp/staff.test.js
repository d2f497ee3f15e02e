/** Staff subpackage pages of the compiled mini-program render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, home, staff, summary, ticket } = require('./fixtures')

const admin = staff(['admin', 'desk'])
const engineer = staff(['engineer'], { staffId: 's2', name: '陈工', onDuty: false })

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-admin', homes: [], staff: admin, community: COMMUNITY },
      listBindingRequests: { items: [{ ...home({ membershipId: 'm9', name: '王芳', status: 'pending', relation: 'tenant' }), openid: 'o-9' }], total: 1 },
      listStaff: [admin, engineer],
      queueCounts: { assigned: 0, pool: 2, owned: 1, dueSoon: 1, overdue: 3, open: 7, unassigned: 2 },
      listQueue: (d) => ({ items: d.queue === 'open' ? [summary({ no: 'BX-20261128-0007' })] : [], total: d.queue === 'open' ? 1 : 0 }),
      get: ticket({ status: 'assigned', statusLabel: '已派单', actions: ['dispatch', 'note', 'cancel'] }),
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('staff pages (dist/weapp, subpackage staff/)', () => {
  it('员工工作台 greets, shows roles, duty and the entries for admin + desk', async () => {
    const comp = await h.render('staff/workbench/index')
    expect(text(comp)).toContain('您好，周敏')
    expect(text(comp)).toContain('管理员')
    expect(text(comp)).toContain('客服')
    expect(text(comp)).toContain('在岗状态')
    expect(text(comp)).toContain('绑定审核')
    expect(text(comp)).toContain('1 条待审核')
    expect(text(comp)).toContain('员工管理')
    expect(text(comp)).toContain('沟通记录分析')
    expect(text(comp)).toContain('7 单待处理')
    expect(text(comp)).toContain('3 单已超时')
    expect(text(comp)).toContain('派单规则')
  })

  it('工单 shows the queues with counts and the open tickets, with 代客登记 for the desk', async () => {
    const comp = await h.render('staff/tickets/index')
    await h.waitForText(comp, '报修·水电')
    expect(text(comp)).toContain('派给我')
    expect(text(comp)).toContain('抢单池')
    expect(text(comp)).toContain('7未完成')
    expect(text(comp)).toContain('已关闭')
    expect(text(comp)).toContain('3已超时')
    expect(text(comp)).toContain('代客登记')
    expect(text(comp)).toContain('处理人 李强')
  })

  it('工单处理 shows the contact, the owner and exactly the allowed actions', async () => {
    const comp = await h.render('staff/ticket/index', 600, { id: 't-1' })
    await h.waitForText(comp, '首问负责人')
    expect(text(comp)).toContain('13800000001')
    expect(text(comp)).toContain('派单')
    expect(text(comp)).toContain('进展备注')
    expect(text(comp)).toContain('取消')
    expect(text(comp)).not.toContain('抢单池中')
    expect(text(comp)).not.toContain('完工')
  })

  it('绑定审核 lists pending requests with approve/reject', async () => {
    const comp = await h.render('staff/bindings/index')
    expect(text(comp)).toContain('待审核 1 条')
    expect(text(comp)).toContain('1栋1单元101')
    expect(text(comp)).toContain('王芳')
    expect(text(comp)).toContain('通过')
    expect(text(comp)).toContain('拒绝')
  })

  it('员工管理 shows the invite form and the team', async () => {
    const comp = await h.render('staff/members/index')
    expect(text(comp)).toContain('邀请新员工')
    expect(text(comp)).toContain('生成邀请码')
    expect(text(comp)).toContain('员工（2）')
    expect(text(comp)).toContain('陈工')
  })

  it('我的 offers staff the workbench entry', async () => {
    const comp = await h.render('pages/mine/index')
    expect(text(comp)).toContain('员工工作台')
    expect(text(comp)).toContain('物业员工')
  })
})
