/** 消息订阅 (main package) from the compiled mini-program: counts, and the consent request on a tap. */
const { createHarness } = require('./harness')
const { COMMUNITY } = require('./fixtures')

// config/index.ts placeholders (no TARO_APP_TPL_* set for the test build).
const IDS = ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_NOTICE']
const left = { TPL_TICKET_PROGRESS: 2, TPL_TICKET_DONE: 0, TPL_TICKET_REPLY: 0, TPL_NOTICE: 1 }
const subs = () => ({
  progress: { templateId: 'TPL_TICKET_PROGRESS', remaining: left.TPL_TICKET_PROGRESS },
  done: { templateId: 'TPL_TICKET_DONE', remaining: left.TPL_TICKET_DONE },
  reply: { templateId: 'TPL_TICKET_REPLY', remaining: left.TPL_TICKET_REPLY },
  notice: { templateId: 'TPL_NOTICE', remaining: left.TPL_NOTICE },
})

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-res-1', homes: [], staff: null, community: COMMUNITY },
      'account.subscriptions': () => subs(),
      'account.subscribe': (d) => {
        for (const id of d.templateIds) left[id] += 1
        return subs()
      },
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('消息订阅 (dist/weapp)', () => {
  it('shows the three kinds with what each has left, and asks WeChat for all three on 订阅', async () => {
    const comp = await h.render('pages/subscriptions/index', 600)
    await h.waitForText(comp, '可接收 2 条')
    expect(text(comp)).toContain('工单进度')
    expect(text(comp)).toContain('维修完成')
    expect(text(comp)).toContain('社区公告')
    expect(text(comp)).toContain('未订阅')
    expect(text(comp)).toContain('可接收 1 条')
    expect(text(comp)).toContain('微信规定：每次授权仅可接收一条')

    await h.tap(comp, 'subs__action', 400)
    expect(h.wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: IDS }))
    await h.waitForText(comp, '可接收 3 条')
    const subscribe = h.wx.cloud.callFunction.mock.calls.map((c) => c[0]).filter((c) => c.name === 'account' && c.data.action === 'subscribe')
    expect(subscribe.map((c) => c.data.data)).toEqual([{ templateIds: IDS }])
  })
})
