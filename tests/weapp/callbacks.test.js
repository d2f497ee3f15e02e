/** 回访 (staff subpackage) and the workbench's 回访 tile, from the compiled mini-program. */
const { createHarness } = require('./harness')
const { COMMUNITY, staff } = require('./fixtures')

const HOUR = 3600_000
const at = (ms) => new Date(Date.now() + ms).toISOString()
const callback = (over = {}) => ({
  callbackId: 'cb-1',
  ticketId: 't-1',
  no: 'BX-20261128-0001',
  typeLabel: '报修',
  categoryLabel: '水电',
  locationLabel: '1栋1单元101',
  contactName: '张伟',
  contactPhone: '13900000001',
  assigneeName: '客服',
  status: 'open',
  statusLabel: '待回访',
  dueAt: at(5 * HOUR),
  overdue: false,
  attempts: [],
  resolvedAt: at(-19 * HOUR),
  ...over,
})

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-desk', homes: [], staff: staff(['desk']), community: COMMUNITY },
      listBindingRequests: { items: [], total: 0 },
      queueCounts: { assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 },
      'callbacks.counts': { open: 3, overdue: 1, mine: 0 },
      'callbacks.list': (d) =>
        d.status === 'open'
          ? { items: [callback({ callbackId: 'cb-0', no: 'BX-20261127-0009', categoryLabel: '门窗', dueAt: at(-2 * HOUR), overdue: true }), callback()], total: 2 }
          : { items: [], total: 0 },
    },
  })
})

const text = (comp) => comp.dom.textContent

describe('回访 (dist/weapp, subpackage staff/)', () => {
  it('shows the open callbacks, soonest due first, with the overdue one marked', async () => {
    const comp = await h.render('staff/callbacks/index', 600)
    await h.waitForText(comp, 'BX-20261128-0001')
    expect(text(comp)).toContain('待回访')
    expect(text(comp)).toContain('已结束')
    expect(text(comp)).toContain('只看我的')
    expect(text(comp)).toContain('1 条已超时，请尽快回访')
    expect(text(comp)).toContain('报修·门窗')
    expect(text(comp)).toContain('报修·水电')
    expect(text(comp)).toContain('张伟')
    expect(text(comp)).toContain('拨打')
    expect(text(comp)).toContain('记录回访')
    expect(text(comp).indexOf('BX-20261127-0009')).toBeLessThan(text(comp).indexOf('BX-20261128-0001'))
    expect(text(comp)).toMatch(/已超时 2 小时/)
    expect(text(comp)).toMatch(/剩余 \d+ 小时/)
    const calls = h.wx.cloud.callFunction.mock.calls.map((c) => c[0]).filter((c) => c.name === 'callbacks' && c.data.action === 'list')
    expect(calls[0].data.data).toEqual({ status: 'open', pageSize: 20 })

    await h.tap(comp, 'callback-card__call')
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '13900000001' }))

    await h.tap(comp, 'callback-card__record', 400)
    await h.waitForText(comp, '住户是否满意')
    expect(text(comp)).toContain('联系上')
    expect(text(comp)).toContain('未联系上')
    expect(text(comp)).toContain('上门')
  })

  it('the workbench 回访 tile counts open callbacks and the overdue ones', async () => {
    const comp = await h.render('staff/workbench/index', 600)
    await h.waitForText(comp, '3 条待回访')
    expect(text(comp)).toContain('1 条已超时')
  })
})
