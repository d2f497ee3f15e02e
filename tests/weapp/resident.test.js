/** Resident pages of the compiled mini-program (main package) render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, UNITS, home, summary, ticket } = require('./fixtures')

const owner = home({ phoneMasked: '13800000001' })
const pending = home({ membershipId: 'm2', unitId: 'u-2-1-101', label: '2栋1单元101', status: 'pending', relation: 'tenant' })

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-res-1', homes: [owner, pending], staff: null, community: COMMUNITY },
      listCommunities: [{ _id: 'c1', name: COMMUNITY.name }],
      listUnits: (d) => UNITS.filter((u) => !d.building || u.building === d.building),
      householdMembers: [owner, home({ membershipId: 'm3', name: '张小雨', relation: 'family', phoneMasked: '139****0002' })],
      listMine: {
        items: [
          summary(),
          summary({
            ticketId: 't-2',
            type: 'complaint',
            typeLabel: '投诉',
            category: 'noise',
            categoryLabel: '噪音',
            status: 'resolved',
            statusLabel: '待确认',
            nextDue: undefined,
          }),
        ],
        total: 2,
      },
      get: (d) => ticket({ ticketId: d.ticketId }),
      // Nothing published for this home yet: the notices section says so.
      'announcements.feed': { items: [], total: 0, unread: 0 },
      'events.list': { items: [], profileSet: true },
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('resident pages (dist/weapp)', () => {
  it('首页 shows the community, quick actions and the honest empty notices; 报修 opens the form, 入住预约 opens its page', async () => {
    const comp = await h.render('pages/home/index')
    expect(text(comp)).toContain(COMMUNITY.name)
    expect(text(comp)).toContain('便民服务')
    expect(text(comp)).toContain('入住预约')
    expect(text(comp)).toContain('暂无通知')
    expect(text(comp)).not.toContain('去绑定') // an approved home: no bind card
    expect(text(comp)).not.toContain('功能即将上线')
    expect(h.wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true }))

    await h.tap(comp, 'quick-action--repair')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/report/index?type=repair' }))
    expect(text(comp)).not.toContain('功能即将上线')
    await h.tap(comp, 'quick-action--move-in')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/movein/index' }))
    expect(text(comp)).not.toContain('功能即将上线')

    await h.tap(comp, 'home-header__hotline')
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: COMMUNITY.hotline }))
  })

  it('服务 lists my requests with filters; 活动 says what is coming', async () => {
    const service = await h.render('pages/service/index')
    await h.waitForText(service, '报修·水电')
    expect(text(service)).toContain('我要报修')
    expect(text(service)).toContain('处理中')
    expect(text(service)).toContain('投诉·噪音')
    expect(text(service)).toContain('到场时限 · 剩余 9 分')
    expect(text(service)).toContain('共 2 条')
    const calls = h.wx.cloud.callFunction.mock.calls.filter((c) => c[0].data.action === 'listMine')
    expect(calls[0][0]).toEqual(expect.objectContaining({ name: 'tickets', data: { action: 'listMine', data: { status: 'all', pageSize: 20 } } }))
    const events = await h.render('pages/events/index')
    await h.waitForText(events, '近期暂无活动')
    expect(text(events)).not.toContain('即将上线')
  })

  it('报修 (?type=repair) shows the categories, my home, my phone and the submit button', async () => {
    const comp = await h.render('pages/report/index', 600, { type: 'repair' })
    await h.waitForText(comp, '问题类别')
    expect(text(comp)).toContain('紧急情况')
    expect(text(comp)).toContain('电梯困人')
    expect(text(comp)).toContain('日常维修')
    expect(text(comp)).toContain('水电')
    expect(text(comp)).not.toContain('噪音')
    expect(text(comp)).toContain('1栋1单元101')
    expect(text(comp)).toContain('公共区域')
    expect(text(comp)).toContain('0/500')
    expect(text(comp)).toContain('提交报修')
    expect(h.wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: '在线报修' }))
  })

  it('工单详情 shows the status, promised times, handler, log and the allowed action', async () => {
    const comp = await h.render('pages/ticket/index', 600, { id: 't-1' })
    await h.waitForText(comp, '报修·水电')
    const get = h.wx.cloud.callFunction.mock.calls.find((c) => c[0].data.action === 'get')
    expect(get[0]).toEqual(expect.objectContaining({ name: 'tickets', data: { action: 'get', data: { ticketId: 't-1' } } }))
    expect(text(comp)).toContain('单号 BX-20261128-0001')
    expect(text(comp)).toContain('处理中')
    expect(text(comp)).toContain('服务时限')
    expect(text(comp)).toContain('按时响应 · 11-28 09:20')
    expect(text(comp)).toContain('剩余 9 分')
    expect(text(comp)).toContain('李强')
    expect(text(comp)).toContain('处理记录')
    expect(text(comp).indexOf('已抢单')).toBeLessThan(text(comp).indexOf('厨房水龙头一直滴水', text(comp).indexOf('处理记录')))
    expect(text(comp)).toContain('留言')
    expect(text(comp)).not.toContain('确认完成')
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
