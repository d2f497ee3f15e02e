/**
 * The offline round (equipment rooms and basements have no signal): the round and its checklist
 * are kept on the phone, and every reading is queued with the time it was taken and a client id.
 * A sync sends the whole queue; the server stores each (round, stop, item) once, so a sync that
 * is repeated (a lost answer, two taps) stores nothing twice, and the queue is cleared only for
 * what the server confirmed.
 */
import Taro from '@tarojs/taro'
import type { ReadingValue } from '@/domain/facilities'
import { CloudError } from '@/services/cloud'
import { uploadFile } from '@/services/upload'
import { facilitiesApi, type RoundData, type SyncResult } from './api'

export interface QueuedReading {
  clientId: string
  stop: number
  itemId: string
  value: ReadingValue
  at: string
  /**
   * A photo item's pictures still on the phone (taken offline): uploaded on the next sync, each
   * file id written back here as soon as it is uploaded, so no photo goes up twice.
   */
  localPaths?: string[]
}
export interface QueuedStop {
  stop: number
  arrivedAt: string
  how: 'scan' | 'confirm'
  code?: string
}
export interface RoundQueue {
  readings: QueuedReading[]
  stops: QueuedStop[]
  close: boolean
}

const key = (roundId: string) => `linli:round:${roundId}`
const dataKey = (roundId: string) => `linli:round-data:${roundId}`
const empty = (): RoundQueue => ({ readings: [], stops: [], close: false })

export function loadQueue(roundId: string): RoundQueue {
  try {
    return { ...empty(), ...(Taro.getStorageSync(key(roundId)) || {}) }
  } catch {
    return empty()
  }
}
export function saveQueue(roundId: string, q: RoundQueue) {
  Taro.setStorageSync(key(roundId), q)
}
export const pendingCount = (q: RoundQueue) => q.readings.length + q.stops.length + (q.close ? 1 : 0)

export function cacheRound(roundId: string, data: RoundData) {
  Taro.setStorageSync(dataKey(roundId), data)
}
export function cachedRound(roundId: string): RoundData | null {
  try {
    return (Taro.getStorageSync(dataKey(roundId)) as RoundData) || null
  } catch {
    return null
  }
}

const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
export const newClientId = () => `rd-${Date.now().toString(36)}-${rand()}`

/** A reading replaces an earlier unsynced one of the same (stop, item): the last answer counts. */
export function enqueue(q: RoundQueue, r: Omit<QueuedReading, 'clientId' | 'at'>, now = new Date()): RoundQueue {
  const readings = q.readings.filter((x) => !(x.stop === r.stop && x.itemId === r.itemId))
  return { ...q, readings: [...readings, { ...r, clientId: newClientId(), at: now.toISOString() }] }
}
export function arrive(q: RoundQueue, s: Omit<QueuedStop, 'arrivedAt'>, now = new Date()): RoundQueue {
  if (q.stops.some((x) => x.stop === s.stop)) return q
  return { ...q, stops: [...q.stops, { ...s, arrivedAt: now.toISOString() }] }
}

/** Photos waiting on the phone, across the queue. */
export const waitingPhotos = (q: RoundQueue) => q.readings.reduce((n, r) => n + (r.localPaths?.length ?? 0), 0)

type Uploader = (localPath: string) => Promise<string>
const uploadPhoto: Uploader = (path) => uploadFile(path, undefined, 'facility')

/**
 * Uploads the queued photos one by one; after each, the queue is saved with the file id in
 * place of the local path (a failure part-way leaves the uploaded ones done, the rest waiting).
 */
export async function uploadQueuedPhotos(roundId: string, upload: Uploader = uploadPhoto): Promise<void> {
  for (;;) {
    const q = loadQueue(roundId)
    const r = q.readings.find((x) => x.localPaths?.length)
    if (!r) return
    const path = r.localPaths![0]
    const fileId = await upload(path)
    const now = loadQueue(roundId)
    saveQueue(roundId, {
      ...now,
      readings: now.readings.map((x) => {
        if (x.clientId !== r.clientId || x.value.kind !== 'photo') return x
        const rest = (x.localPaths ?? []).filter((p) => p !== path)
        return { ...x, value: { ...x.value, fileIds: [...x.value.fileIds, fileId] }, localPaths: rest.length ? rest : undefined }
      }),
    })
  }
}

const inflight = new Map<string, Promise<{ result: SyncResult | null; offline: boolean }>>()

/**
 * Sends the queue (one sync per round at a time: a tap, the network coming back and the retry
 * timer all join the sync already running rather than upload the same photos again).
 */
export function flush(roundId: string, upload: Uploader = uploadPhoto): Promise<{ result: SyncResult | null; offline: boolean }> {
  const running = inflight.get(roundId)
  if (running) return running
  const p = flushNow(roundId, upload).finally(() => inflight.delete(roundId))
  inflight.set(roundId, p)
  return p
}

/**
 * Sends the queue. On success the queue is emptied (what was sent is stored, or was already);
 * on a network failure it stays for the next try; a refusal (a bad reading, a round closed by
 * someone else) is thrown for the page to show.
 */
async function flushNow(roundId: string, upload: Uploader): Promise<{ result: SyncResult | null; offline: boolean }> {
  if (!pendingCount(loadQueue(roundId))) return { result: null, offline: false }
  try {
    await uploadQueuedPhotos(roundId, upload)
    const q = loadQueue(roundId)
    const result = await facilitiesApi.sync({ roundId, readings: q.readings.map(({ localPaths: _, ...r }) => r), stops: q.stops, close: q.close })
    // Keep anything queued while the sync was in flight.
    const now = loadQueue(roundId)
    const sent = new Set(q.readings.map((r) => r.clientId))
    saveQueue(roundId, {
      readings: now.readings.filter((r) => !sent.has(r.clientId)),
      stops: now.stops.filter((s) => !q.stops.some((x) => x.stop === s.stop)),
      close: now.close && !q.close,
    })
    return { result, offline: false }
  } catch (err) {
    if (err instanceof CloudError && err.code === 'NETWORK') return { result: null, offline: true }
    throw err
  }
}
