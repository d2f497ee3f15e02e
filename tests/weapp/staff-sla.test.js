/** 服务时限 (staff subpackage) and its workbench tile, from the compiled mini-program. */
const fs = require('node:fs')
const path = require('node:path')
const { createHarness, DIST } = require('./harness')
const { COMMUNITY, staff } = require('./fixtures')

const DEFAULTS = {
  emergency: { accept: 5, arrive: 15, resolve: 240 },
  categories: { elevator_trapped: { arrive: 30 } },
  repair: { accept: 30, arrive: 40, resolve: 1440 },
  complaint: { accept: 1440, resolve: 4320 },
  consultation: { reply: 1440 },
  warnBeforeMinutes: 30,
  autoConfirmDays: 3,
}

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-admin', homes: [], staff: staff(['admin']), community: COMMUNITY },
      listBindingRequests: { items: [], total: 0 },
      queueCounts: { assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 },
      getSla: { sla: { ...DEFAULTS, repair: { accept: 30, arrive: 60, resolve: 1440 } }, defaults: DEFAULTS },
    },
  })
})

const text = (comp) => comp.dom.textContent

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

describe('服务时限 (dist/weapp, subpackage staff/)', () => {
  it('is a staff subpackage page whose code stays out of the main package', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.subPackages[0].pages).toContain('sla/index')
    expect(app.pages).not.toContain('pages/sla/index')
    const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('staff' + path.sep) && /\.(js|wxml|wxss)$/.test(f))
    expect(main.filter((f) => /sla-row|sla-override|setSla|getSla/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
  })

  it('renders the first screen: the note, the timers with words and defaults, the overrides and 保存', async () => {
    const comp = await h.render('staff/sla/index', 600)
    await h.waitForText(comp, '报修')
    expect(text(comp)).toContain('修改后对新提交和重新处理的工单生效')
    for (const t of ['紧急', '投诉', '咨询', '响应', '到场', '完成', '答复', '自动确认天数']) expect(text(comp)).toContain(t)
    expect(text(comp)).toContain('默认 40 分钟')
    // Every timer but 自动确认天数 has its unit switch (分钟/小时/天).
    expect(text(comp).split('分钟小时天').length - 1).toBe(13 - 1)
    expect(text(comp)).toContain('恢复默认')
    expect(text(comp)).toContain('24 小时')
    expect(text(comp)).toContain('3 天')
    expect(text(comp)).toContain('电梯困人')
    expect(text(comp)).toContain('+ 添加类别')
    expect(text(comp)).toContain('已保存')
    // 9 type timers, 电梯困人's three (one set, two left to follow 紧急), 自动确认天数.
    expect(comp.querySelectorAll('.sla-row').length).toBe(13)
    const calls = h.wx.cloud.callFunction.mock.calls.map((c) => c[0]).filter((c) => c.data.action === 'getSla')
    expect(calls).toHaveLength(1)
    expect(calls[0].name).toBe('tickets')
  })

  it('the workbench offers the 服务时限 tile to an admin', async () => {
    const comp = await h.render('staff/workbench/index')
    expect(text(comp)).toContain('服务时限')
    expect(text(comp)).toContain('响应、到场、完成的时限')
  })
})
