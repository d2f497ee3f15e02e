/** Staff notice pages of the compiled mini-program (subpackage staff/) render their first screen. */
const { createHarness } = require('./harness')
const { COMMUNITY, staff } = require('./fixtures')

const notice = (over = {}) => ({
  // What the server's announcement state machine allows a supervisor on a published water cut.
  actions: ['edit', 'withdraw', 'pin', 'restore', 'poster'],
  announcementId: 'an-1',
  type: 'water',
  typeLabel: '停水',
  title: '1栋停水通知',
  summary: '二次供水水箱清洗',
  body: '因二次供水水箱年度清洗消毒，届时1栋将暂停供水。',
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
  ...over,
})

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-sup', homes: [], staff: staff(['supervisor']), community: COMMUNITY },
      'announcements.list': (d) =>
        d.status === 'review'
          ? {
              items: [
                notice({ announcementId: 'an-3', title: '2栋电梯年检', type: 'elevator', typeLabel: '电梯停用', status: 'review', statusLabel: '待审核', publishedAt: undefined }),
              ],
              total: 1,
            }
          : {
              items: [
                notice(),
                notice({
                  announcementId: 'an-2',
                  type: 'general',
                  typeLabel: '通知',
                  title: '小区消防演练',
                  status: 'draft',
                  statusLabel: '草稿',
                  pinned: false,
                  publishedAt: undefined,
                  interruption: undefined,
                }),
              ],
              total: 2,
            },
      'announcements.get': notice(),
      'announcements.reach': {
        targeted: 8,
        sent: 5,
        failed: 1,
        failures: [{ errcode: '40003', count: 1 }],
        withoutConsent: 2,
        pending: 0,
        read: 4,
        shared: 2,
        groups: [],
        state: 'done',
      },
      queueCounts: { assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 },
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('staff notice pages (dist/weapp, subpackage staff/)', () => {
  it('公告管理 shows the status tabs, 新建公告 and the notices with their status', async () => {
    const comp = await h.render('staff/notices/index')
    await h.waitForText(comp, '1栋停水通知')
    for (const tab of ['全部', '草稿', '待审核', '定时发布', '已发布', '已撤回', '已过期']) expect(text(comp)).toContain(tab)
    expect(text(comp)).toContain('新建公告')
    expect(text(comp)).toContain('小区消防演练')
    expect(text(comp)).toContain('11月28日 09:30 发布')
    expect(text(comp)).toContain('共 2 条')
  })

  it('公告详情 shows the reach and the actions for a published interruption', async () => {
    const comp = await h.render('staff/notice/index', 600, { id: 'an-1' })
    await h.waitForText(comp, '触达情况')
    await h.waitForText(comp, '推送完成')
    expect(text(comp)).toContain('范围内住户 8 人')
    expect(text(comp)).toContain('已送达')
    expect(text(comp)).toContain('用户标识无效')
    expect(text(comp)).toContain('一键发布「已恢复」')
    expect(text(comp)).toContain('撤回')
  })

  it('员工工作台 shows the live 公告 tile with what waits for review', async () => {
    const comp = await h.render('staff/workbench/index')
    await h.waitForText(comp, '1 条公告待审核')
  })
})
