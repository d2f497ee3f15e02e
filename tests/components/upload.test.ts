import Taro from '@tarojs/taro'
import { uploadFile } from '@/services/upload'
import { CloudError, setIdentityProvider } from '@/services/cloud'
import { callsOf, mockCloud } from './cloud-mock'

const SLOT = '0123456789abcdef0123456789abcdef'
/** The function's answer to `prepareUpload`: a path it chose and the storage's upload authorization. */
function slots() {
  mockCloud({
    prepareUpload: (d: { contentType: string }) => {
      const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' }[d.contentType]
      return {
        fileID: `cloud://linli-local.bucket/uploads/${SLOT}.${ext}`,
        cloudPath: `uploads/${SLOT}.${ext}`,
        upload: { url: `http://127.0.0.1:8080/cos/uploads%2F${SLOT}.${ext}`, authorization: 'auth-1', token: 'tok-1', cosFileId: 'cos-1' },
      }
    },
  })
}

let env: typeof process.env.TARO_ENV
const realFetch = globalThis.fetch
beforeEach(() => {
  env = process.env.TARO_ENV
})
afterEach(() => {
  if (env === undefined) delete (process.env as Record<string, string | undefined>).TARO_ENV
  else process.env.TARO_ENV = env
  setIdentityProvider(undefined)
  globalThis.fetch = realFetch
})

function h5(answer: { status?: number; body: unknown }, blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' })) {
  process.env.TARO_ENV = 'h5'
  setIdentityProvider(() => Promise.resolve('o-resident-01'))
  const fetchMock = jest.fn(async (url: string, _init?: RequestInit) =>
    url.startsWith('blob:') ? ({ blob: async () => blob } as Response) : ({ status: answer.status ?? 200, json: async () => answer.body } as Response),
  )
  globalThis.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

describe('uploadFile', () => {
  it('H5: asks the function for a slot, PUTs the raw bytes there with the slot’s authorization (same origin), answers the slot’s fileID', async () => {
    slots()
    const fetchMock = h5({ body: {} })
    await expect(uploadFile('blob:http://localhost/abc')).resolves.toBe(`cloud://linli-local.bucket/uploads/${SLOT}.jpg`)
    expect(callsOf('prepareUpload')).toEqual([{ contentType: 'image/jpeg' }])
    expect(fetchMock).toHaveBeenCalledTimes(2)
    const [url, init] = fetchMock.mock.calls[1]
    expect(url).toBe(`/cos/uploads%2F${SLOT}.jpg`)
    expect(init!.method).toBe('PUT')
    expect(init!.headers).toEqual(expect.objectContaining({ 'content-type': 'image/jpeg', authorization: 'auth-1', 'x-cos-security-token': 'tok-1' }))
    expect(JSON.stringify(init!.headers)).not.toContain('o-resident-01')
    expect((init!.body as Blob).size).toBe(3)
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('a notice’s image asks the announcements function for its slot', async () => {
    slots()
    h5({ body: {} })
    const { callFunctionMock } = await import('./cloud-mock')
    await uploadFile('blob:x', undefined, 'notice')
    expect(callFunctionMock().mock.calls.map((c) => `${c[0]}.${c[1]}`)).toEqual(['announcements.prepareUpload'])
  })

  it('H5: refuses files over 10 MB before sending, and passes the gateway’s Chinese message on', async () => {
    const big = { type: 'image/png', size: 11 * 1024 * 1024 } as Blob
    let fetchMock = h5({ body: {} }, big)
    await expect(uploadFile('blob:x')).rejects.toEqual(new CloudError('INVALID_INPUT', '单个文件不能超过 10 MB'))
    expect(fetchMock).toHaveBeenCalledTimes(1)

    slots()
    fetchMock = h5({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: '上传凭证无效' } } })
    await expect(uploadFile('blob:y')).rejects.toThrow('上传凭证无效')
  })

  it('weapp: wx.cloud.uploadFile to the path the function chose, reporting progress', async () => {
    slots()
    const progress = jest.fn()
    let report!: (p: { progress: number }) => void
    ;(Taro.cloud.uploadFile as jest.Mock).mockImplementationOnce((o: any) => {
      setTimeout(() => {
        report({ progress: 50 })
        o.success({ fileID: 'cloud://env.bucket/uploads/x.png' })
      }, 0)
      return { onProgressUpdate: (cb: typeof report) => (report = cb) }
    })
    await expect(uploadFile('wxfile://tmp/photo.PNG', progress)).resolves.toBe('cloud://env.bucket/uploads/x.png')
    expect((Taro.cloud.uploadFile as jest.Mock).mock.calls[0][0]).toEqual(expect.objectContaining({ filePath: 'wxfile://tmp/photo.PNG', cloudPath: `uploads/${SLOT}.png` }))
    expect(callsOf('prepareUpload')).toEqual([{ contentType: 'image/png' }])
    expect(progress).toHaveBeenCalledWith(50)
  })
})
