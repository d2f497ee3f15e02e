import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud'
import { enqueue, flush, loadQueue, pendingCount, saveQueue, waitingPhotos } from '@/features/facilities/queue'
import { callsOf, mockCloud } from './cloud-mock'

/**
 * The offline round's photo items: a photo taken without signal waits on the phone and is
 * uploaded on the next sync exactly once — however many syncs start (a tap, the network coming
 * back, the retry timer) and even when the sync fails after the upload. The server side of the
 * same rule (the file checked and bound to the round, a repeated sync storing nothing twice) is in
 * tests/functions/facilities-ops.test.ts.
 */
const store = new Map<string, unknown>()
beforeAll(() => {
  Object.assign(Taro, {
    getStorageSync: (k: string) => (store.has(k) ? JSON.parse(JSON.stringify(store.get(k))) : ''),
    setStorageSync: (k: string, v: unknown) => void store.set(k, JSON.parse(JSON.stringify(v))),
  })
})
beforeEach(() => store.clear())

const ROUND = 'fr-1'
const queued = () => {
  const q = enqueue({ readings: [], stops: [], close: false }, { stop: 0, itemId: 'shot', value: { kind: 'photo', fileIds: [] }, localPaths: ['wxfile://a.jpg', 'wxfile://b.jpg'] })
  saveQueue(ROUND, q)
  return q
}

it('uploads each queued photo once across concurrent syncs, then sends the reading with the file ids', async () => {
  queued()
  expect(waitingPhotos(loadQueue(ROUND))).toBe(2)
  const uploads: string[] = []
  const upload = async (p: string) => {
    uploads.push(p)
    await new Promise((r) => setTimeout(r, 10))
    return `cloud://env/${p.slice(9)}`
  }
  mockCloud({ sync: () => ({ stored: 1, duplicates: 0, anomalies: 0, tickets: [], closed: false, alreadyClosed: false }) })
  const [a, b, c] = await Promise.all([flush(ROUND, upload), flush(ROUND, upload), flush(ROUND, upload)])
  expect(a).toBe(b)
  expect(b).toBe(c)
  expect(uploads).toEqual(['wxfile://a.jpg', 'wxfile://b.jpg'])
  expect(callsOf('sync')).toHaveLength(1)
  expect(callsOf('sync')[0].readings[0]).toEqual(expect.objectContaining({ itemId: 'shot', value: { kind: 'photo', fileIds: ['cloud://env/a.jpg', 'cloud://env/b.jpg'] } }))
  expect(callsOf('sync')[0].readings[0]).not.toHaveProperty('localPaths')
  expect(pendingCount(loadQueue(ROUND))).toBe(0)
})

it('offline part-way: what was uploaded is kept as a file id and not uploaded again; the rest waits', async () => {
  queued()
  let online = true
  const uploads: string[] = []
  const upload = async (p: string) => {
    if (!online) throw new CloudError('NETWORK', '上传失败，请重试')
    uploads.push(p)
    online = false // the signal drops after the first photo
    return `cloud://env/${p.slice(9)}`
  }
  mockCloud({ sync: () => ({ stored: 1, duplicates: 0, anomalies: 0, tickets: [], closed: false, alreadyClosed: false }) })
  expect(await flush(ROUND, upload)).toEqual({ result: null, offline: true })
  const q = loadQueue(ROUND)
  expect(q.readings[0].value).toEqual({ kind: 'photo', fileIds: ['cloud://env/a.jpg'] })
  expect(q.readings[0].localPaths).toEqual(['wxfile://b.jpg'])
  expect(callsOf('sync')).toHaveLength(0)
  online = true
  const r = await flush(ROUND, async (p) => {
    uploads.push(p)
    return `cloud://env/${p.slice(9)}`
  })
  expect(r.result?.stored).toBe(1)
  expect(uploads).toEqual(['wxfile://a.jpg', 'wxfile://b.jpg'])
  expect(callsOf('sync')[0].readings[0].value.fileIds).toEqual(['cloud://env/a.jpg', 'cloud://env/b.jpg'])
})

it('a sync that fails after the upload keeps the uploaded file ids: the retry sends them without uploading again', async () => {
  queued()
  const uploads: string[] = []
  const upload = async (p: string) => {
    uploads.push(p)
    return `cloud://env/${p.slice(9)}`
  }
  let tries = 0
  mockCloud({
    sync: () => {
      if (tries++ === 0) throw new CloudError('NETWORK', '网络不可用')
      return { stored: 1, duplicates: 0, anomalies: 0, tickets: [], closed: false, alreadyClosed: false }
    },
  })
  expect((await flush(ROUND, upload)).offline).toBe(true)
  expect((await flush(ROUND, upload)).result?.stored).toBe(1)
  expect(uploads).toHaveLength(2)
  expect(callsOf('sync')).toHaveLength(2)
  expect(callsOf('sync')[1].readings[0].value.fileIds).toHaveLength(2)
})
