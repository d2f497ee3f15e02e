/** Facilities pages of the compiled mini-program (subpackage staff/): a round and an asset render. */
const { createHarness } = require('./harness')
const { COMMUNITY, staff } = require('./fixtures')

const engineer = staff(['engineer'], { staffId: 's2', name: '李强' })
const asset = {
  id: 'fa-1',
  code: 'ABCDEFGH2345',
  name: '1栋1号电梯',
  system: 'elevator',
  systemLabel: '电梯',
  location: '1栋 顶层 电梯机房',
  model: 'GeN2',
  manufacturer: '奥的斯',
  installDate: '2020-05-01',
  contractor: '奥的斯维保',
  contractorPhone: '4008000000',
  regulatedLabel: '电梯维保',
}

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      me: { openid: 'o-eng', homes: [], staff: engineer, community: COMMUNITY },
      'facilities.round': {
        round: {
          id: 'fr-1',
          planName: '电梯机房巡检',
          window: '2026-12-01 10:00 – 12:00',
          status: 'open',
          overdue: false,
          statusLabel: '待巡检',
          readings: 1,
          anomalies: 1,
          version: 1,
        },
        items: [
          { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
          { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
        ],
        stops: [
          { index: 0, assetId: 'fa-1', area: '电梯机房', assetName: '1栋1号电梯', assetCode: 'ABCDEFGH2345', arrivedAt: null },
          { index: 1, assetId: null, area: '地下泵房', assetName: null, assetCode: null, arrivedAt: null },
        ],
        readings: [
          { clientId: 'c1', stop: 0, itemId: 'temp', text: '41 ℃（高于正常范围 5–35 ℃）', anomaly: true, at: '2026-12-01T02:10:00.000Z', syncedAt: '2026-12-01T02:11:00.000Z' },
        ],
      },
      'facilities.asset': {
        asset,
        due: [{ id: 'ft-1', dueDate: '2026-12-16', planName: '电梯半月保养', tasks: ['清洁', '润滑'], sets: ['半月保养'] }],
        readings: [],
        rounds: 3,
        maintenance: [
          {
            id: 'r1',
            assetName: '1栋1号电梯',
            what: '清洁、润滑；半月保养',
            when: '2026-12-10 11:00',
            who: '奥的斯维保 孙师傅',
            witness: '李强',
            parts: '门滑块×2',
            cost: 80,
            result: '合格',
            nextDue: '2026-12-16',
          },
        ],
        tickets: [{ ticketId: 't-1', no: 'BX-20261201-0001', label: '巡检异常', at: '2026-12-01T02:10:00.000Z' }],
      },
    },
  })
})

const text = (comp) => comp.dom.textContent
const calls = (action) => h.wx.cloud.callFunction.mock.calls.filter((c) => c[0].name === 'facilities' && c[0].data.action === action).map((c) => c[0])

describe('facilities pages (dist/weapp, subpackage staff/)', () => {
  it('巡检 shows the stops, the flagged reading and the sync state', async () => {
    const comp = await h.render('staff/round/index', 600, { id: 'fr-1' })
    await h.waitForText(comp, '电梯机房巡检')
    expect(text(comp)).toContain('1. 1栋1号电梯')
    expect(text(comp)).toContain('2. 地下泵房')
    expect(text(comp)).toContain('41 ℃（高于正常范围 5–35 ℃）')
    expect(text(comp)).toContain('全部已同步')
    expect(text(comp)).toContain('完成巡检')
    expect(calls('round')[0].data).toEqual({ action: 'round', data: { roundId: 'fr-1' } })
    // Nothing was queued offline, so nothing is synced; the round is kept on the phone for offline use.
    expect(calls('sync')).toHaveLength(0)
    expect(h.wx.storage.get('linli:round-data:fr-1')).toEqual(expect.objectContaining({ round: expect.objectContaining({ id: 'fr-1' }) }))
  })

  it('设备 shows the asset, what is due, the maintenance record and 报修', async () => {
    const comp = await h.render('staff/asset/index', 600, { id: 'fa-1' })
    await h.waitForText(comp, '1栋1号电梯')
    expect(text(comp)).toContain('特种设备：电梯维保')
    expect(text(comp)).toContain('2026-12-16 电梯半月保养')
    expect(text(comp)).toContain('维护人员：奥的斯维保 孙师傅（见证：李强）')
    expect(text(comp)).toContain('巡检异常 BX-20261201-0001')
    expect(text(comp)).toContain('报修')
    expect(calls('asset')[0].data).toEqual({ action: 'asset', data: { assetId: 'fa-1' } })
  })
})
