/** Staff subpackage pages of the compiled mini-program render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, home, staff } = require('./fixtures')

const admin = staff(['admin', 'desk'])
const engineer = staff(['engineer'], { staffId: 's2', name: '陈工', onDuty: false })

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-admin', homes: [], staff: admin, community: COMMUNITY },
      listBindingRequests: { items: [{ ...home({ membershipId: 'm9', name: '王芳', status: 'pending', relation: 'tenant' }), openid: 'o-9' }], total: 1 },
      listStaff: [admin, engineer],
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
