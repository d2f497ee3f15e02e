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
import { facilitiesApi, type RoundData, type SyncResult } from './api'

export interface QueuedReading {
  clientId: string
  stop: number
  itemId: string
  value: ReadingValue
  at: string
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

/**
 * Sends the queue. On success the queue is emptied (what was sent is stored, or was already);
 * on a network failure it stays for the next try; a refusal (a bad reading, a round closed by
 * someone else) is thrown for the page to show.
 */
export async function flush(roundId: string): Promise<{ result: SyncResult | null; offline: boolean }> {
  const q = loadQueue(roundId)
  if (!pendingCount(q)) return { result: null, offline: false }
  try {
    const result = await facilitiesApi.sync({ roundId, readings: q.readings, stops: q.stops, close: q.close })
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
