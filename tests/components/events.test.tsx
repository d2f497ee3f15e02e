import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import EventsPage from '@/pages/events/index'
import { EventScreen } from '@/features/event-detail'
import { toPlan, blankForm, parseBeijing } from '@/features/staff-events'
import { CloudError } from '@/services/cloud'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me } from './fixtures'

const item = (over: Record<string, unknown> = {}) => ({
  eventId: 'ev-1',
  title: '邻里亲子手工课',
  theme: 'craft',
  themeLabel: '手工',
  startAt: '2030-12-05T06:00:00.000Z',
  endAt: '2030-12-05T08:00:00.000Z',
  place: '会所二楼活动室',
  capacity: 5,
  seatsLeft: 0,
  waitlisted: 2,
  phase: 'upcoming',
  phaseLabel: '报名中',
  cover: null,
  recommended: false,
  mine: null,
  ...over,
})
const detail = (over: Record<string, unknown> = {}) => ({
  ...item(),
  agenda: '制作纸灯笼',
  safety: '现场配备急救箱',
  ageGroups: ['child'],
  ageGroupLabels: ['儿童'],
  interests: [],
  organisation: { lead: '王敏', staff: [], volunteers: [], roles: '' },
  perHousehold: 2,
  membersCount: true,
  signUpOpensAt: '2030-12-01T01:00:00.000Z',
  signUpClosesAt: '2030-12-04T12:00:00.000Z',
  cancelCutoffHours: 12,
  cancelDeadline: '2030-12-04T18:00:00.000Z',
  cost: '',
  feedbackQuestions: [],
  cancelled: null,
  changes: [],
  coverUrl: null,
  actions: [{ key: 'signUp', label: '报名' }],
  ...over,
})

describe('活动 tab', () => {
  it('switches between upcoming, mine and past, with an empty state that says what to do', async () => {
    mockCloud({
      me: () => me({ homes: [home({ status: 'approved' })] }),
      list: (d) => (d.tab === 'mine' ? { items: [], profileSet: true } : { items: [item()], profileSet: true }),
    })
    render(<EventsPage />)
    expect(await screen.findByText('邻里亲子手工课')).toBeTruthy()
    expect(screen.getByText('名额已满 · 2 户候补')).toBeTruthy()
    fireEvent.click(screen.getByText('我的报名'))
    expect(await screen.findByText('您还没有报名活动')).toBeTruthy()
    expect(callsOf('list')).toEqual([{ tab: 'upcoming' }, { tab: 'mine' }])
  })

  it('shows the error with 重试 for a network failure', async () => {
    let fail = true
    mockCloud({
      me: () => me({ homes: [home({ status: 'approved' })] }),
      list: () => {
        if (fail) throw new CloudError('NETWORK', '网络异常，请检查网络后重试')
        return { items: [item()], profileSet: true }
      },
    })
    render(<EventsPage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('邻里亲子手工课')).toBeTruthy()
  })
})

describe('活动详情', () => {
  it('a full event offers 加入候补 with the household seats chosen, and says the position', async () => {
    mockCloud({
      get: () => detail(),
      signUp: () => ({ status: 'waitlisted', people: 2, position: 3 }),
    })
    render(<EventScreen eventId='ev-1' />)
    expect(await screen.findByText('现场配备急救箱')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('增加'))
    fireEvent.click(screen.getByLabelText('增加')) // capped at the household allowance (2)
    expect(screen.getByText('2 人')).toBeTruthy()
    fireEvent.click(screen.getByText('加入候补'))
    await waitFor(() => expect(callsOf('signUp')).toHaveLength(1))
    expect(callsOf('signUp')[0]).toMatchObject({ eventId: 'ev-1', people: 2 })
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入候补', content: expect.stringContaining('候补第 3 位') })))
  })

  it('a not-found event says so without 重试', async () => {
    mockCloud({
      get: () => {
        throw new CloudError('NOT_FOUND', '活动不存在')
      },
    })
    render(<EventScreen eventId='ev-x' />)
    expect(await screen.findByText('活动不存在')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })
})

describe('staff plan form', () => {
  it('reads times as 北京时间 and refuses a plan without safety measures', () => {
    expect(parseBeijing('2026-12-05 14:00')).toBe('2026-12-05T06:00:00.000Z')
    expect(parseBeijing('12/05 14:00')).toBeNull()
    const f = { ...blankForm(new Date('2026-12-01T02:00:00Z')), title: '手工课', theme: 'craft', place: '会所', agenda: '做灯笼', ageGroups: ['child'], lead: '王敏' }
    expect(toPlan(f).errors).toEqual({ safety: '请填写安全保障措施' })
    const ok = toPlan({ ...f, safety: '配备急救箱' })
    expect(ok.plan).toMatchObject({ startAt: '2026-12-04T06:00:00.000Z', signUpClosesAt: '2026-12-03T12:00:00.000Z', capacity: 20 })
  })
})
