/**
 * The transport itself (src/services/cloud.ts), unmocked: weapp via Taro.cloud, H5 via fetch to
 * the local gateway with the persona's openid, error mapping and the retry policy.
 */
import Taro from '@tarojs/taro'
import { ERROR_MESSAGES } from '@/domain/errors'

type CloudModule = typeof import('@/services/cloud')
const real = (): CloudModule => jest.requireActual('@/services/cloud')
const cloudCall = Taro.cloud.callFunction as unknown as jest.Mock

const ENV = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = ENV
  real().setIdentityProvider(undefined)
})

describe('callFunction on weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('initialises cloud once and sends { action, data } to the named function', async () => {
    const { callFunction } = real()
    cloudCall.mockResolvedValue({ result: { ok: true, data: { openid: 'o1' } } })
    await expect(callFunction('account', 'me', {})).resolves.toEqual({ openid: 'o1' })
    await callFunction('account', 'listCommunities')
    expect(cloudCall).toHaveBeenCalledWith({ name: 'account', data: { action: 'me', data: {} } })
    expect(Taro.cloud.init).toHaveBeenCalledTimes(1)
    expect(Taro.cloud.init).toHaveBeenCalledWith({ env: 'linli-test', traceUser: true })
  })

  it('sends the staff community chosen on the device in the envelope; a refused choice is forgotten and the call asked again once', async () => {
    const { callFunction, chooseStaffCommunity, staffCommunity } = real()
    try {
      chooseStaffCommunity('cm-b')
      cloudCall.mockResolvedValueOnce({ result: { ok: true, data: 1 } })
      await callFunction('tickets', 'queueCounts', {})
      expect(cloudCall).toHaveBeenLastCalledWith({ name: 'tickets', data: { action: 'queueCounts', data: {}, communityId: 'cm-b' } })
      cloudCall.mockClear()
      cloudCall
        .mockResolvedValueOnce({ result: { ok: false, error: { code: 'FORBIDDEN', message: '您不是该小区的员工，请切换小区', details: { reason: 'community-not-staff' } } } })
        .mockResolvedValueOnce({ result: { ok: true, data: 2 } })
      await expect(callFunction('tickets', 'queueCounts', {})).resolves.toBe(2)
      expect(cloudCall.mock.calls.map((c) => c[0].data)).toEqual([
        { action: 'queueCounts', data: {}, communityId: 'cm-b' },
        { action: 'queueCounts', data: {} },
      ])
      expect(staffCommunity()).toBeNull()
      // Any other refusal is the caller's to show: nothing forgotten, nothing repeated.
      chooseStaffCommunity('cm-b')
      cloudCall.mockClear()
      cloudCall.mockResolvedValueOnce({ result: { ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } } })
      await expect(callFunction('tickets', 'queueCounts', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect(cloudCall).toHaveBeenCalledTimes(1)
      expect(staffCommunity()).toBe('cm-b')
    } finally {
      chooseStaffCommunity(null)
    }
  })

  it('turns { ok:false } into a CloudError with the code and the Chinese message', async () => {
    const { callFunction, CloudError } = real()
    cloudCall.mockResolvedValue({ result: { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } } })
    const err: any = await callFunction('account', 'listStaff').catch((e) => e)
    expect(err).toBeInstanceOf(CloudError)
    expect(err.code).toBe('FORBIDDEN')
    expect(err.message).toBe('您没有权限进行此操作')
  })

  it('maps a transport failure to NETWORK and does not retry a write', async () => {
    const { callFunction } = real()
    cloudCall.mockRejectedValue({ errMsg: 'cloud.callFunction:fail timeout' })
    const err: any = await callFunction('account', 'setOnDuty', { onDuty: true }).catch((e) => e)
    expect(err.code).toBe('NETWORK')
    expect(err.message).toBe(ERROR_MESSAGES.NETWORK)
    expect(cloudCall).toHaveBeenCalledTimes(1)
  })

  it('retries once for idempotent reads and for creates carrying a clientRequestId', async () => {
    const { callFunction } = real()
    cloudCall.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ result: { ok: true, data: [] } })
    await expect(callFunction('account', 'listStaff', {}, { idempotent: true })).resolves.toEqual([])
    expect(cloudCall).toHaveBeenCalledTimes(2)

    cloudCall.mockClear()
    cloudCall.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ result: { ok: true, data: { status: 'pending' } } })
    const data = { unitId: 'u1', name: '王芳', phone: '13800138000', relation: 'owner', clientRequestId: 'bind-abc-12345678' }
    await expect(callFunction('account', 'requestBinding', data)).resolves.toEqual({ status: 'pending' })
    expect(cloudCall.mock.calls.map((c) => c[0].data.data.clientRequestId)).toEqual(['bind-abc-12345678', 'bind-abc-12345678'])

    cloudCall.mockClear()
    cloudCall.mockRejectedValue(new Error('offline'))
    await expect(callFunction('account', 'me', {}, { idempotent: true })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(cloudCall).toHaveBeenCalledTimes(2)
  })

  it('does not retry an application error', async () => {
    const { callFunction } = real()
    cloudCall.mockResolvedValue({ result: { ok: false, error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND } } })
    await expect(callFunction('account', 'me', {}, { idempotent: true })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(cloudCall).toHaveBeenCalledTimes(1)
  })
})

describe('callFunction on H5', () => {
  const fetchMock = jest.fn()
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
    fetchMock.mockReset()
    ;(globalThis as any).fetch = fetchMock
  })

  const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body })

  it('POSTs { action, data } to /api/functions/:name with the persona openid', async () => {
    const { callFunction, setIdentityProvider } = real()
    setIdentityProvider(async () => 'o-staff-1')
    fetchMock.mockResolvedValue(json(200, { ok: true, data: { removed: true } }))
    await expect(callFunction('account', 'removeMember', { membershipId: 'm1' })).resolves.toEqual({ removed: true })
    expect(fetchMock).toHaveBeenCalledWith('/api/functions/account', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-staff-1' },
      body: JSON.stringify({ action: 'removeMember', data: { membershipId: 'm1' } }),
    })
    expect(Taro.cloud.callFunction).not.toHaveBeenCalled()
  })

  it('reads the error body of a non-2xx answer', async () => {
    const { callFunction } = real()
    fetchMock.mockResolvedValue(json(400, { ok: false, error: { code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT } }))
    await expect(callFunction('account', 'redeemInvite', {})).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '提交的信息有误，请检查后重试' })
  })

  it('treats a refused connection or a gateway page as NETWORK', async () => {
    const { callFunction } = real()
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(callFunction('account', 'setOnDuty', { onDuty: false })).rejects.toMatchObject({ code: 'NETWORK' })
    fetchMock.mockResolvedValueOnce({ status: 502, ok: false, json: async () => JSON.parse('<html>') })
    await expect(callFunction('account', 'setOnDuty', { onDuty: false })).rejects.toMatchObject({ code: 'NETWORK' })
  })
})
