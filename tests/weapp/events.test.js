/** The 活动 tab (main package) and an event's page (subpackage pages/event) of the compiled mini-program. */
const { createHarness } = require('./harness')
const { COMMUNITY, home } = require('./fixtures')

/** `events` contract shapes (src/domain/events-api.ts, cloudfunctions/events/views.ts). */
const item = (over = {}) => ({
  eventId: 'ev-1',
  title: '邻里亲子手工课',
  theme: 'craft',
  themeLabel: '手工',
  startAt: '2030-12-05T06:00:00.000Z',
  endAt: '2030-12-05T08:00:00.000Z',
  place: '会所二楼活动室',
  capacity: 5,
  seatsLeft: 2,
  waitlisted: 0,
  phase: 'upcoming',
  phaseLabel: '报名中',
  cover: null,
  recommended: true,
  mine: null,
  ...over,
})
const detail = (over = {}) => ({
  ...item(),
  agenda: '14:00 签到；14:15 手工纸灯笼制作；15:30 作品展示。',
  safety: '剪刀由工作人员分发回收；现场配备急救箱。',
  ageGroups: ['child', 'adult'],
  ageGroupLabels: ['儿童', '成年人'],
  interests: ['craft'],
  organisation: { lead: '王敏', staff: ['刘洋'], volunteers: ['张小雨'], roles: '' },
  perHousehold: 3,
  membersCount: true,
  signUpOpensAt: '2030-12-01T01:00:00.000Z',
  signUpClosesAt: '2030-12-04T12:00:00.000Z',
  cancelCutoffHours: 12,
  cancelDeadline: '2030-12-04T18:00:00.000Z',
  cost: '免费',
  feedbackQuestions: [],
  cancelled: null,
  changes: [],
  coverUrl: null,
  actions: [{ key: 'signUp', label: '报名' }],
  ...over,
})

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-res-1', homes: [home()], staff: null, community: COMMUNITY },
      'events.list': (d) =>
        d.tab === 'mine'
          ? {
              items: [
                item({
                  eventId: 'ev-2',
                  title: '重阳登高',
                  seatsLeft: 0,
                  waitlisted: 2,
                  mine: { status: 'waitlisted', statusLabel: '候补中', people: 1, unitLabel: '1栋1单元101', position: 2 },
                }),
              ],
              profileSet: false,
            }
          : { items: [item()], profileSet: false },
      'events.get': (d) => detail({ eventId: d.eventId }),
    },
  })
})

const text = (comp) => comp.dom.textContent
const calls = (action) => h.wx.cloud.callFunction.mock.calls.filter((c) => c[0].data.action === action).map((c) => c[0])

describe('events pages (dist/weapp)', () => {
  it('活动 tab lists upcoming events with seats (北京时间), recommended first, and asks for the household profile', async () => {
    const comp = await h.render('pages/events/index')
    await h.waitForText(comp, '邻里亲子手工课')
    expect(text(comp)).toContain('即将开始')
    expect(text(comp)).toContain('我的报名')
    expect(text(comp)).toContain('往期活动')
    expect(text(comp)).toContain('为您推荐')
    expect(text(comp)).toContain('12月5日 14:00–16:00')
    expect(text(comp)).toContain('剩余 2/5 个名额')
    expect(text(comp)).toContain('会所二楼活动室')
    expect(text(comp)).toContain('去填写')
    expect(text(comp)).not.toContain('即将上线')
    expect(calls('list')[0]).toEqual(expect.objectContaining({ name: 'events', data: { action: 'list', data: { tab: 'upcoming' } } }))
    await h.tap(comp, 'ev-card')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/event/index?id=ev-1' }))
  })

  it('活动详情 shows the plan, safety measures, organisation and the sign-up bar with household seats', async () => {
    const comp = await h.render('pages/event/index', 600, { id: 'ev-1' })
    await h.waitForText(comp, '安全保障')
    expect(text(comp)).toContain('邻里亲子手工课')
    expect(text(comp)).toContain('剪刀由工作人员分发回收')
    expect(text(comp)).toContain('王敏')
    expect(text(comp)).toContain('儿童、成年人')
    expect(text(comp)).toContain('最多 3 人，每人占一个名额')
    expect(text(comp)).toContain('1 人')
    expect(text(comp)).toContain('立即报名')
    expect(calls('get')[0]).toEqual(expect.objectContaining({ name: 'events', data: { action: 'get', data: { eventId: 'ev-1' } } }))
  })
})
