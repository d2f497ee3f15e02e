/** 消息 (subpackage inbox/) from the compiled mini-program: unread items, in 北京时间, and opening one. */
const { createHarness } = require('./harness')
const { COMMUNITY } = require('./fixtures')

const items = [
  {
    id: 'm-1',
    box: 'personal',
    kind: 'progress',
    kindLabel: '工单进度',
    tone: 'info',
    title: '工单已受理',
    body: 'BX-20261128-0001 报修·1栋1单元101：李强 已接单',
    at: '2026-11-28T02:05:00.000Z',
    read: false,
    target: { kind: 'ticket', id: 't-1' },
  },
  {
    id: 'm-2',
    box: 'personal',
    kind: 'notice',
    kindLabel: '社区公告',
    tone: 'warning',
    title: '1、2栋计划停水通知',
    body: '后天 9:00-15:00 停水',
    at: '2026-11-27T08:00:00.000Z',
    read: false,
    target: { kind: 'notice', id: 'a-1' },
  },
  {
    id: 'm-3',
    box: 'personal',
    kind: 'done',
    kindLabel: '处理完成',
    tone: 'info',
    title: '工单已处理完成，请您确认',
    body: 'BX-20261127-0002',
    at: '2026-11-27T01:00:00.000Z',
    read: true,
    target: { kind: 'ticket', id: 't-2' },
  },
]

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: {
        openid: 'o-res-1',
        homes: [{ unitId: 'u-1-1-101', communityId: COMMUNITY._id, status: 'approved', relation: 'owner', label: '1栋1单元101', name: '张伟' }],
        staff: null,
        community: COMMUNITY,
      },
      'inbox.list': () => ({ items, total: 3, unread: 2 }),
      'inbox.unread': () => ({ personal: 2, alerts: 0, total: 2 }),
      'inbox.read': (d) => ({ target: items.find((i) => i.id === d.id).target, allowed: true, unread: { personal: 1, alerts: 0, total: 1 } }),
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('消息 (dist/weapp)', () => {
  it('renders unread messages first-class, with tone and 北京时间, and opens the ticket on a tap', async () => {
    const comp = await h.render('inbox/index', 600)
    await h.waitForText(comp, '工单已受理')
    expect(text(comp)).toContain('1、2栋计划停水通知')
    expect(text(comp)).toContain('2 条未读')
    expect(text(comp)).toMatch(/11月28日 10:05/)
    expect(text(comp)).toMatch(/11月27日 16:00/)
    expect(comp.dom.querySelectorAll('.main--msg--unread, .comp--msg--unread').length).toBe(2)
    expect(comp.dom.querySelectorAll('.main--msg__dot, .comp--msg__dot').length).toBe(2)
    expect(text(comp)).toContain('全部已读')

    await h.tap(comp, 'msg', 400)
    const reads = h.wx.cloud.callFunction.mock.calls.map((c) => c[0]).filter((c) => c.name === 'inbox' && c.data.action === 'read')
    expect(reads.map((c) => c.data.data)).toEqual([{ id: 'm-1' }])
    expect(h.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/ticket/index?id=t-1' }))
  })
})
