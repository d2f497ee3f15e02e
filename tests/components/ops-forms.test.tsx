import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BatchPage from '@/staff/movein-batch/index'
import AssetEditPage from '@/staff/facility-asset-edit/index'
import PlanEditPage from '@/staff/facility-plan-edit/index'
import MaintenancePlanPage from '@/staff/facility-mplan-edit/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

/**
 * The staff forms of issues 13 and 15 (ops). The backend is mocked here; the same rules run
 * through the real functions in tests/functions/movein-ops.test.ts and facilities-ops.test.ts.
 */
afterEach(() => {
  router.params = {}
})
const asStaff = (roles: StaffRole[], handlers: Record<string, (d: any) => unknown> = {}) => mockCloud({ me: () => me({ staff: staff(roles) }), ...handlers })
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)))
const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent)

const ASSETS = [
  {
    id: 'fa-1',
    code: 'ABCDEFGHJKLM',
    name: '1栋1号电梯',
    system: 'elevator',
    systemLabel: '电梯',
    location: '1栋 顶层 电梯机房',
    building: '1栋',
    floor: '顶层',
    area: '电梯机房',
    regulated: 'elevator',
    regulatedLabel: '电梯维保',
    model: '',
    manufacturer: '',
    installDate: null,
    contractor: '',
    contractorPhone: '',
  },
  {
    id: 'fa-2',
    code: 'ABCDEFGHJKLN',
    name: '生活水泵',
    system: 'water',
    systemLabel: '给排水',
    location: 'B1 水泵房',
    building: '',
    floor: 'B1',
    area: '水泵房',
    regulated: null,
    regulatedLabel: null,
    model: '',
    manufacturer: '',
    installDate: null,
    contractor: '',
    contractorPhone: '',
  },
]

describe('入住批次 form', () => {
  it('checks before sending, in Chinese, under each field; then creates the batch with numbers and a request id', async () => {
    asStaff(['desk'], { createBatch: () => ({ batchId: 'mvb-1' }) })
    render(<BatchPage />)
    fireEvent.click(await screen.findByText('新建批次'))
    await settle()
    expect(alerts()).toEqual(expect.arrayContaining(['请填写批次名称', '请填写楼栋', '日期格式应为 2026-12-04']))
    expect(callsOf('createBatch')).toEqual([])

    await typeInto('批次名称', '3栋交付')
    await typeInto('楼栋', '3栋')
    await typeInto('单元（选填）', '1单元、2单元')
    await typeInto('开始日期', '2026-12-05')
    await typeInto('结束日期', '2026-12-06')
    await typeInto('时段1容量', '0')
    fireEvent.click(screen.getByText('新建批次'))
    await settle()
    expect(alerts()).toEqual(['每个时段至少可约 1 户'])
    await typeInto('时段1容量', '6')
    await typeInto('准备事项1负责人', '王敏')
    fireEvent.click(screen.getByRole('checkbox', { name: '资料整理已完成' }))
    await typeInto('收费告知', '物业费 2.8 元/㎡·月')
    fireEvent.click(screen.getByText('新建批次'))
    await waitFor(() => expect(callsOf('createBatch')).toHaveLength(1))
    expect(callsOf('createBatch')[0]).toMatchObject({
      title: '3栋交付',
      range: { building: '3栋', unitNos: ['1单元', '2单元'] },
      startDate: '2026-12-05',
      endDate: '2026-12-06',
      slots: [
        { start: '09:00', end: '11:00', capacity: 6 },
        { start: '14:00', end: '17:00', capacity: 10 },
      ],
      requiredDocuments: ['id_card', 'purchase_contract'],
      feesNotice: '物业费 2.8 元/㎡·月',
      preparation: [{ task: '资料整理', who: '王敏', done: true }, { task: '现场布置', who: '', done: false }, expect.anything()],
      cutoffHours: 24,
      clientRequestId: expect.stringMatching(/^mvb/),
    })
  })

  it('shows the backend’s refusal under the field its issue names', async () => {
    asStaff(['desk'], {
      createBatch: () => {
        throw new CloudError('INVALID_INPUT', '楼栋不能超过 20 字', { issues: [{ path: 'range.building', message: '楼栋不能超过 20 字' }] })
      },
    })
    render(<BatchPage />)
    await typeInto('批次名称', '3栋交付')
    await typeInto('楼栋', '3栋')
    await typeInto('开始日期', '2026-12-05')
    await typeInto('结束日期', '2026-12-06')
    fireEvent.click(screen.getByText('新建批次'))
    await waitFor(() => expect(alerts()).toEqual(['楼栋不能超过 20 字']))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '楼栋不能超过 20 字' }))
  })

  it('an open batch: range, dates and slots are read-only; saving sends the batch id', async () => {
    router.params = { id: 'mvb-1' }
    asStaff(['desk'], {
      getBatch: () => ({
        batchId: 'mvb-1',
        title: '3栋交付',
        building: '3栋',
        unitNos: [],
        rooms: [],
        startDate: '2026-12-05',
        endDate: '2026-12-06',
        status: 'open',
        cutoffHours: 24,
        feesNotice: '',
        requiredDocuments: [{ kind: 'id_card', label: '身份证' }],
        preparation: [{ task: '资料整理', who: '', done: false }],
        slotSpecs: [{ start: '09:00', end: '11:00', capacity: 5 }],
      }),
      updateBatch: () => ({ batchId: 'mvb-1', status: 'open' }),
    })
    render(<BatchPage />)
    expect(await screen.findByText('批次已开放预约：交付范围、日期、时段和所需资料不能再修改。')).toBeTruthy()
    expect(screen.queryByText('添加时段')).toBeNull()
    await typeInto('批次名称', '3栋交付（第一批）')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('updateBatch')).toHaveLength(1))
    expect(callsOf('updateBatch')[0]).toMatchObject({ batchId: 'mvb-1', title: '3栋交付（第一批）', slots: [{ start: '09:00', end: '11:00', capacity: 5 }] })
  })
})

describe('设备 form', () => {
  it('requires name, system and location; registers once per request id', async () => {
    asStaff(['engineer'], {
      systems: () => ({
        items: [
          { code: 'elevator', label: '电梯', builtin: true },
          { code: 'water', label: '给排水', builtin: true },
        ],
      }),
      saveAsset: () => ({ assetId: 'fa-9', code: 'QWERTYUPASDF' }),
    })
    render(<AssetEditPage />)
    fireEvent.click(await screen.findByText('登记设备'))
    await settle()
    expect(alerts()).toEqual(['请填写设备名称', '请选择设备系统', '请填写位置'])
    await typeInto('设备名称', '2号生活水泵')
    fireEvent.click(screen.getByText('给排水'))
    await typeInto('具体位置', '水泵房')
    await typeInto('安装日期（选填）', '2020/1/1')
    fireEvent.click(screen.getByText('登记设备'))
    await settle()
    expect(alerts()).toEqual(['日期格式应为 YYYY-MM-DD'])
    await typeInto('安装日期（选填）', '2020-01-01')
    fireEvent.click(screen.getByText('登记设备'))
    await waitFor(() => expect(callsOf('saveAsset')).toHaveLength(1))
    expect(callsOf('saveAsset')[0]).toMatchObject({
      name: '2号生活水泵',
      system: 'water',
      area: '水泵房',
      installDate: '2020-01-01',
      regulated: null,
      clientRequestId: expect.stringMatching(/^fa/),
    })
  })
})

describe('巡检计划 form (checklist template editor)', () => {
  it('edits number/choice/yes-no/photo items; refuses a choice with one option; says a change makes a new version', async () => {
    router.params = { id: 'fp-1' }
    asStaff(['engineer'], {
      assets: () => ({ items: ASSETS }),
      plans: () => ({
        items: [
          {
            id: 'fp-1',
            name: '机房巡检',
            schedule: { kind: 'daily', at: '09:00', windowHours: 4 },
            scheduleText: '每天 09:00，4 小时内完成',
            version: 3,
            stops: [{ assetId: 'fa-1', area: '电梯机房' }],
            items: [{ id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 }],
            role: 'engineer',
            active: true,
          },
        ],
      }),
      savePlan: () => ({ planId: 'fp-1', version: 4 }),
    })
    render(<PlanEditPage />)
    expect(await screen.findByText('修改后保存为第 4 版，只用于以后生成的巡检；已生成和已完成的巡检保留原版本。')).toBeTruthy()
    fireEvent.click(screen.getByText('添加检查项'))
    fireEvent.click(within(screen.getByRole('listbox', { name: '第2项类型' })).getByText('选项'))
    await typeInto('第2项检查项名称，如：机房温度', '运行噪音')
    await typeInto('第2项选项，用顿号分隔：正常、异响、停运', '正常')
    fireEvent.click(screen.getByText('保存（生成新版本）'))
    await settle()
    expect(alerts()).toEqual(['「运行噪音」至少需要 2 个选项'])
    await typeInto('第2项选项，用顿号分隔：正常、异响、停运', '正常、异响')
    await typeInto('第2项表示故障的选项：异响、停运', '异响')
    fireEvent.click(screen.getByText('添加检查项'))
    fireEvent.click(within(screen.getByRole('listbox', { name: '第3项类型' })).getByText('拍照'))
    await typeInto('第3项检查项名称，如：机房温度', '机房全景')
    fireEvent.click(screen.getByText('保存（生成新版本）'))
    await waitFor(() => expect(callsOf('savePlan')).toHaveLength(1))
    expect(callsOf('savePlan')[0]).toMatchObject({
      planId: 'fp-1',
      schedule: { kind: 'daily', at: '09:00', windowHours: 4 },
      stops: [{ assetId: 'fa-1', area: '电梯机房' }],
      items: [
        { id: 'temp', kind: 'number', unit: '℃', min: 5, max: 35 },
        { kind: 'choice', label: '运行噪音', options: ['正常', '异响'], bad: ['异响'] },
        { kind: 'photo', label: '机房全景' },
      ],
    })
    expect(new Set(callsOf('savePlan')[0].items.map((i: any) => i.id)).size).toBe(3)
  })
})

describe('维护计划 form', () => {
  it('regulated equipment cannot float; fixed plans are sent with their interval', async () => {
    router.params = { assetId: 'fa-1' }
    asStaff(['engineer'], { assets: () => ({ items: ASSETS }), saveMaintenancePlan: () => ({ planId: 'fm-1' }) })
    render(<MaintenancePlanPage />)
    expect(await screen.findByText(/法定周期每 15 天，须使用固定周期且不能更长/)).toBeTruthy()
    await typeInto('计划名称', '电梯半月保养')
    fireEvent.click(screen.getByText('完成后 N 天'))
    fireEvent.click(screen.getByText('保存维护计划'))
    await settle()
    expect(alerts()).toEqual(['电梯维保有法定周期，必须使用固定周期'])
    fireEvent.click(screen.getByText('固定周期'))
    await typeInto('每隔', '15')
    fireEvent.click(screen.getByText('天'))
    await typeInto('首次日期', '2026-12-05')
    fireEvent.click(screen.getByText('保存维护计划'))
    await waitFor(() => expect(callsOf('saveMaintenancePlan')).toHaveLength(1))
    expect(callsOf('saveMaintenancePlan')[0]).toMatchObject({
      assetId: 'fa-1',
      name: '电梯半月保养',
      schedule: { mode: 'fixed', every: { days: 15 }, anchor: '2026-12-05' },
      tasks: ['clean'],
    })
  })
})
