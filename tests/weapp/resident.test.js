/** Resident pages of the compiled mini-program (main package) render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, UNITS, home } = require('./fixtures')

const owner = home()
const pending = home({ membershipId: 'm2', unitId: 'u-2-1-101', label: '2栋1单元101', status: 'pending', relation: 'tenant' })

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-res-1', homes: [owner, pending], staff: null, community: COMMUNITY },
      listCommunities: [{ _id: 'c1', name: COMMUNITY.name }],
      listUnits: (d) => UNITS.filter((u) => !d.building || u.building === d.building),
      householdMembers: [owner, home({ membershipId: 'm3', name: '张小雨', relation: 'family', phoneMasked: '139****0002' })],
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('resident pages (dist/weapp)', () => {
  it('首页 shows the community, quick actions and the honest empty notices; a tap says 即将上线', async () => {
    const comp = await h.render('pages/home/index')
    expect(text(comp)).toContain(COMMUNITY.name)
    expect(text(comp)).toContain('便民服务')
    expect(text(comp)).toContain('入住预约')
    expect(text(comp)).toContain('暂无通知')
    expect(text(comp)).not.toContain('去绑定') // an approved home: no bind card
    expect(text(comp)).not.toContain('功能即将上线')
    expect(h.wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true }))

    await h.tap(comp, 'quick-action--repair')
    expect(text(comp)).toContain('「报修」功能即将上线')

    await h.tap(comp, 'home-header__hotline')
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: COMMUNITY.hotline }))
  })

  it('服务 and 活动 say what is coming', async () => {
    const service = await h.render('pages/service/index')
    expect(text(service)).toContain('我的报修/投诉/咨询')
    expect(text(service)).toContain('即将上线')
    const events = await h.render('pages/events/index')
    expect(text(events)).toContain('社区活动即将上线')
  })

  it('我的 lists homes with status tags and the owner entries, without the staff entry', async () => {
    const comp = await h.render('pages/mine/index')
    expect(text(comp)).toContain('我的房屋')
    expect(text(comp)).toContain('1栋1单元101')
    expect(text(comp)).toContain('已绑定')
    expect(text(comp)).toContain('待审核')
    expect(text(comp)).toContain('家庭成员')
    expect(text(comp)).toContain('隐私保护指引')
    expect(text(comp)).not.toContain('员工工作台')
  })

  it('绑定房屋 loads buildings from listUnits', async () => {
    const comp = await h.render('pages/bind/index')
    expect(text(comp)).toContain('选择房屋')
    await h.waitForText(comp, '1栋')
    expect(text(comp)).toContain('2栋')
    expect(text(comp)).toContain('与房屋的关系')
    expect(text(comp)).toContain('提交绑定')
    const actions = h.wx.cloud.callFunction.mock.calls.map((c) => c[0].data.action)
    expect(actions).toEqual(expect.arrayContaining(['listCommunities', 'listUnits']))
  })

  it('家庭成员 lists the members of the owner’s home', async () => {
    const comp = await h.render('pages/household/index')
    expect(text(comp)).toContain('1栋1单元101 的成员')
    await h.waitForText(comp, '张小雨')
    await h.waitForText(comp, '移除')
  })

  it('员工邀请码, 隐私保护指引 and 关于 render', async () => {
    expect(text(await h.render('pages/invite/index'))).toContain('加入物业团队')
    const privacy = text(await h.render('pages/privacy/index'))
    expect(privacy).toContain('邻里物业隐私保护指引')
    expect(privacy).toContain('一、我们收集哪些信息')
    const about = text(await h.render('pages/about/index'))
    expect(about).toContain('邻里物业')
    expect(about).toMatch(/版本 \d+\.\d+\.\d+/)
  })
})
