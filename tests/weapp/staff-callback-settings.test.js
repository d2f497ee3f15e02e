/** 回访设置 (staff subpackage) and its workbench tile, from the compiled mini-program. */
const fs = require('node:fs')
const path = require('node:path')
const { createHarness, DIST } = require('./harness')
const { COMMUNITY, staff } = require('./fixtures')

const DEFAULTS = { policy: { repair: 'always', complaint: 'always', consultation: 'never' }, dueHours: 24, maxAttempts: 3, confirmReminderHours: 24 }

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-admin', homes: [], staff: staff(['admin']), community: COMMUNITY },
      listBindingRequests: { items: [], total: 0 },
      queueCounts: { assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 },
      'callbacks.counts': { open: 0, overdue: 0, mine: 0 },
      'callbacks.getSettings': { settings: { ...DEFAULTS, policy: { ...DEFAULTS.policy, repair: 'skip-if-rated-4' }, dueHours: 48 }, defaults: DEFAULTS },
    },
  })
})

const text = (comp) => comp.dom.textContent

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

describe('回访设置 (dist/weapp, subpackage staff/)', () => {
  it('is a staff subpackage page whose code stays out of the main package', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.subPackages[0].pages).toContain('callback-settings/index')
    expect(app.pages).not.toContain('pages/callback-settings/index')
    const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('staff' + path.sep) && /\.(js|wxml|wxss)$/.test(f))
    expect(main.filter((f) => /cbs__|setSettings|getSettings/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
  })

  it('renders the first screen: the note, the policies, the clocks with defaults and 保存', async () => {
    const comp = await h.render('staff/callback-settings/index', 600)
    await h.waitForText(comp, '回访策略')
    expect(text(comp)).toContain('回访须在问题解决后 24 小时内完成（服务手册 1.2），修改后对新的回访任务生效')
    for (const t of ['报修', '投诉', '咨询', '全部回访', '好评（4 星及以上）免回访', '不回访', '默认：全部回访', '默认：不回访']) expect(text(comp)).toContain(t)
    for (const t of ['时限', '回访时限（小时）', '联系不上最多尝试（次）', '完工后提醒住户确认（小时）', '默认 24 小时', '默认 3 次']) expect(text(comp)).toContain(t)
    expect(text(comp)).toContain('已保存')
    // Three policies and 回访人 (the desk by default).
    expect(comp.querySelectorAll('.chips').length).toBe(4)
    expect(text(comp)).toContain('默认：客服回访')
    // Taro renders the chips inside its `comp` template: classes are prefixed there.
    const chosen = Array.from(comp.dom.querySelectorAll('.comp--chip--selected, .main--chip--selected')).map((c) => c.textContent)
    expect(chosen).toEqual(['好评（4 星及以上）免回访', '全部回访', '不回访', '客服回访'])
    const calls = h.wx.cloud.callFunction.mock.calls.map((c) => c[0]).filter((c) => c.data.action === 'getSettings')
    expect(calls).toHaveLength(1)
    expect(calls[0].name).toBe('callbacks')
  })

  it('the workbench offers the 回访设置 tile to an admin', async () => {
    const comp = await h.render('staff/workbench/index')
    expect(text(comp)).toContain('回访设置')
    expect(text(comp)).toContain('回访策略、时限与联系次数')
  })
})
