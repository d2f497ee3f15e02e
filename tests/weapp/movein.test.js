/** Move-in pages of the compiled mini-program: the resident's booking (pages/movein) and the desk's handover (staff/movein-booking). */
const { createHarness } = require('./harness')
const { COMMUNITY, home, staff } = require('./fixtures')

/**
 * `movein` contract shapes: batchView and slots (cloudfunctions/movein/batches.ts), bookingView
 * (cloudfunctions/movein/views.ts), labels from src/domain/movein.ts. Dates arrive as ISO strings.
 * Slots lie in 2030 so the page writes them with the year, whatever today is.
 */
const batch = {
  batchId: 'mb-1',
  title: '3栋交房（第一批）',
  building: '3栋',
  unitNos: [],
  rooms: [],
  startDate: '2030-12-05',
  endDate: '2030-12-07',
  status: 'open',
  cutoffHours: 24,
  feesNotice: '首期物业费按 2.8 元/㎡·月预收三个月',
  requiredDocuments: [
    { kind: 'id_card', label: '身份证' },
    { kind: 'purchase_contract', label: '购房合同' },
  ],
  preparation: [
    { task: '资料整理', who: '', done: false, doneAt: null },
    { task: '现场布置', who: '', done: false, doneAt: null },
    { task: '人员培训', who: '', done: false, doneAt: null },
  ],
}
const slot = (over = {}) => ({
  slotId: 'ms-1',
  date: '2030-12-05',
  startAt: '2030-12-05T01:00:00.000Z',
  endAt: '2030-12-05T03:00:00.000Z',
  capacity: 6,
  booked: 2,
  ...over,
})
const SLOTS = {
  batch,
  items: [
    slot(),
    // 13:30–15:30 北京时间, full
    slot({ slotId: 'ms-2', startAt: '2030-12-05T05:30:00.000Z', endAt: '2030-12-05T07:30:00.000Z', capacity: 4, booked: 4 }),
  ],
  bound: true,
  units: [],
}

const step = (s, label, done, byName = '') => ({ step: s, label, done, at: done ? '2030-12-05T01:10:00.000Z' : null, byName })
/** A booking on the day, in the handover: arrival and documents done, the keys next (staff view: phone masked). */
const booking = {
  bookingId: 'bk-1',
  batchId: 'mb-1',
  batchTitle: batch.title,
  unitId: 'u-3-1-201',
  unitLabel: '3栋1单元201',
  name: '陈静',
  phone: '139****0002',
  slotId: 'ms-1',
  slotStartAt: '2030-12-05T01:00:00.000Z',
  slotEndAt: '2030-12-05T03:00:00.000Z',
  slotText: '12月5日 09:00–11:00',
  status: 'arrived',
  statusLabel: '已到场',
  movable: false,
  cutoffHours: 24,
  feesNotice: batch.feesNotice,
  documents: [
    { kind: 'id_card', label: '身份证', status: 'approved', statusLabel: '已通过', reason: '', files: 1 },
    { kind: 'purchase_contract', label: '购房合同', status: 'approved', statusLabel: '已通过', reason: '', files: 2 },
  ],
  handover: [
    step('arrival', '到场登记', true, '周敏'),
    step('documents', '资料核验', true, '周敏'),
    step('keys', '钥匙清点', false),
    step('meters', '抄表（水/电/燃气）', false),
    step('manuals', '移交使用说明书与收费告知', false),
  ],
  keys: [],
  meters: [],
  readyToSign: false,
  signedAt: null,
  inspected: false,
  defects: [],
  canReinspect: false,
}

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      // A resident who is also on the desk (one harness per file shares one `me`).
      me: { openid: 'o-res-1', homes: [home()], staff: staff(['desk']), community: COMMUNITY },
      'movein.slots': SLOTS,
      'movein.myMovein': { items: [] },
      'movein.getBooking': (d) => (d.bookingId === booking.bookingId ? booking : undefined),
    },
  })
})

const text = (comp) => comp.dom.textContent
const calls = (action) => h.wx.cloud.callFunction.mock.calls.filter((c) => c[0].name === 'movein' && c[0].data.action === action).map((c) => c[0])

describe('move-in pages (dist/weapp)', () => {
  it('入住预约 shows the batch and its slots in 北京时间 with the places left, a full slot as 已约满', async () => {
    const comp = await h.render('pages/movein/index', 600)
    await h.waitForText(comp, '3栋交房（第一批）')
    expect(text(comp)).toContain('办理日期：12月05日 至 12月07日')
    expect(text(comp)).toContain('所需资料：身份证、购房合同')
    expect(text(comp)).toContain('办理前 24 小时内不能改约或取消')
    expect(text(comp)).toContain('收费告知：首期物业费')
    expect(text(comp)).toContain('选择办理时段')
    // 01:00Z–03:00Z is 09:00–11:00 in Beijing; capacity 6, booked 2.
    expect(text(comp)).toContain('2030年12月5日 09:00–11:00')
    expect(text(comp)).toContain('剩余 4 个名额')
    // 05:30Z–07:30Z is 13:30–15:30; 4 of 4 booked.
    expect(text(comp)).toContain('2030年12月5日 13:30–15:30')
    expect(text(comp)).toContain('已约满')
    expect(text(comp)).not.toContain('01:00–03:00')
    expect(text(comp)).toContain('确认预约')
    expect(calls('slots')[0].data).toEqual({ action: 'slots', data: {} })
    expect(calls('myMovein')).toHaveLength(calls('slots').length)
  })

  it('预约交接 shows the handover checklist in order, who did the done steps, and the next step (keys)', async () => {
    const comp = await h.render('staff/movein-booking/index', 600, { id: 'bk-1' })
    await h.waitForText(comp, '交房交接')
    expect(text(comp)).toContain('3栋1单元201 · 陈静')
    expect(text(comp)).toContain('12月5日 09:00–11:00 · 已到场')
    expect(text(comp)).toContain('联系电话 139****0002')
    const t = text(comp)
    const order = ['到场登记（周敏）', '资料核验（周敏）', '钥匙清点', '抄表（水/电/燃气）', '移交使用说明书与收费告知']
    const at = order.map((s) => t.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(t).toContain('✔')
    expect(t).toContain('▶')
    expect(t).toContain('入户门钥匙')
    expect(t).toContain('单元门禁卡')
    expect(t).toContain('完成：钥匙清点')
    expect(t).not.toContain('交接完成，请业主在手机上签收钥匙交接单')
    expect(calls('getBooking')[0].data).toEqual({ action: 'getBooking', data: { bookingId: 'bk-1' } })
  })
})
