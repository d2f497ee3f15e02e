/** Resident notice pages of the compiled mini-program (main package) render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, home } = require('./fixtures')

/** `announcements` contract shapes (src/domain/announcements-api.ts). */
const notice = (over = {}) => ({
  announcementId: 'an-1',
  type: 'water',
  typeLabel: '停水',
  title: '1栋停水通知',
  summary: '二次供水水箱清洗',
  body: '因二次供水水箱年度清洗消毒，届时1栋将暂停供水，请提前储水。',
  status: 'published',
  statusLabel: '已发布',
  scope: { kind: 'buildings', buildings: ['1栋'] },
  scopeLabel: '1栋',
  pinned: true,
  images: [],
  attachments: [],
  interruption: { reason: '二次供水水箱清洗消毒', startAt: '2026-11-29T01:00:00.000Z', endAt: '2026-11-29T07:00:00.000Z' },
  publishAt: '2026-11-28T01:30:00.000Z',
  publishedAt: '2026-11-28T01:30:00.000Z',
  updatedAt: '2026-11-28T01:30:00.000Z',
  revised: false,
  communityName: COMMUNITY.name,
  read: false,
  ...over,
})
const drill = notice({
  announcementId: 'an-2',
  type: 'general',
  typeLabel: '通知',
  title: '小区消防演练',
  summary: '周六上午消防演练',
  scope: { kind: 'community' },
  scopeLabel: '全小区',
  pinned: false,
  interruption: undefined,
  read: true,
})

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-res-1', homes: [home()], staff: null, community: COMMUNITY },
      'announcements.feed': (d) => (d.unreadOnly ? { items: [notice()], total: 1, unread: 1 } : { items: [notice(), drill], total: 2, unread: 1 }),
      'announcements.get': (d) => notice({ announcementId: d.announcementId, revised: true, updatedAt: '2026-11-28T03:05:00.000Z' }),
      'announcements.read': { read: true },
      'announcements.shared': { shared: true },
    },
  })
})

const text = (comp) => comp.dom.textContent
const calls = (action) => h.wx.cloud.callFunction.mock.calls.filter((c) => c[0].data.action === action).map((c) => c[0])

describe('notice pages (dist/weapp)', () => {
  it('首页 shows the pinned water cut first with its window and the unread count', async () => {
    const comp = await h.render('pages/home/index')
    await h.waitForText(comp, '1栋停水通知')
    expect(text(comp)).toContain('社区通知')
    expect(text(comp)).toContain('1 条未读')
    expect(text(comp)).toContain('查看全部')
    expect(text(comp)).toContain('11月29日 09:00–15:00')
    expect(text(comp).indexOf('1栋停水通知')).toBeLessThan(text(comp).indexOf('小区消防演练'))
    expect(comp.dom.querySelectorAll('.main--notice-card__dot, .comp--notice-card__dot').length).toBe(1)
    expect(calls('feed')[0]).toEqual(expect.objectContaining({ name: 'announcements', data: { action: 'feed', data: { pageSize: 4 } } }))
  })

  it('社区通知 lists the notices with 全部 / 未读', async () => {
    const comp = await h.render('pages/notices/index')
    await h.waitForText(comp, '小区消防演练')
    expect(text(comp)).toContain('全部')
    expect(text(comp)).toContain('未读 1')
    expect(text(comp)).toContain('1栋停水通知')
    expect(text(comp)).toContain('共 2 条')
  })

  it('通知详情 shows the interruption card and 已更新, marks it read and turns on forwarding with a share ticket', async () => {
    const comp = await h.render('pages/notice/index', 600, { id: 'an-1' })
    await h.waitForText(comp, '停水安排')
    expect(text(comp)).toContain('1栋停水通知')
    expect(text(comp)).toContain('翠湖花园')
    expect(text(comp)).toContain('已更新 · 11月28日 11:05')
    expect(text(comp)).toContain('原因')
    expect(text(comp)).toContain('二次供水水箱清洗消毒')
    expect(text(comp)).toContain('影响范围')
    expect(text(comp)).toContain('预计恢复')
    expect(text(comp)).toContain('11月29日（周日）15:00')
    expect(text(comp)).toContain('有疑问？提问')
    expect(text(comp)).toContain('转发给邻居')
    expect(calls('get')[0]).toEqual(expect.objectContaining({ name: 'announcements', data: { action: 'get', data: { announcementId: 'an-1' } } }))
    await h.sleep(100)
    expect(calls('read')).toHaveLength(1)
    expect(h.wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true, menus: ['shareAppMessage'] }))
  })
})
