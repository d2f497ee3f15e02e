import Taro from '@tarojs/taro'
import { uploadFile } from '@/services/upload'
import { CloudError, setIdentityProvider } from '@/services/cloud'

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
  it('H5: posts the raw bytes with their type and the persona’s openid, and answers the fileID', async () => {
    const fetchMock = h5({ body: { ok: true, data: { fileID: 'cloud://linli-local.bucket/uploads/o-resident-01/a.jpg', size: 3 } } })
    await expect(uploadFile('blob:http://localhost/abc')).resolves.toBe('cloud://linli-local.bucket/uploads/o-resident-01/a.jpg')
    expect(fetchMock).toHaveBeenCalledTimes(2)
    const [url, init] = fetchMock.mock.calls[1]
    expect(url).toBe('/api/upload')
    expect(init!.method).toBe('POST')
    expect(init!.headers).toEqual({ 'content-type': 'image/jpeg', 'x-wx-openid': 'o-resident-01' })
    expect((init!.body as Blob).size).toBe(3)
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('H5: refuses files over 10 MB before sending, and passes the gateway’s Chinese message on', async () => {
    const big = { type: 'image/png', size: 11 * 1024 * 1024 } as Blob
    let fetchMock = h5({ body: {} }, big)
    await expect(uploadFile('blob:x')).rejects.toEqual(new CloudError('INVALID_INPUT', '单个文件不能超过 10 MB'))
    expect(fetchMock).toHaveBeenCalledTimes(1)

    fetchMock = h5({ status: 415, body: { ok: false, error: { code: 'INVALID_INPUT', message: '只支持 JPG、PNG、WEBP、GIF 图片和 MP4 视频' } } })
    await expect(uploadFile('blob:y')).rejects.toThrow('只支持 JPG、PNG、WEBP、GIF 图片和 MP4 视频')
  })

  it('weapp: wx.cloud.uploadFile into uploads/ with the file’s extension, reporting progress', async () => {
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
    expect((Taro.cloud.uploadFile as jest.Mock).mock.calls[0][0]).toEqual(
      expect.objectContaining({ filePath: 'wxfile://tmp/photo.PNG', cloudPath: expect.stringMatching(/^uploads\/[\w-]+\.png$/) }),
    )
    expect(progress).toHaveBeenCalledWith(50)
  })
})
