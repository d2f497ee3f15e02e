/** Calls to the `facilities` function (设施设备). Types only: zod stays out of the bundle. */
import { callFunction } from '@/services/cloud'
import type { ChecklistItem, MaintenanceSchedule, MaintenanceTask, ReadingValue, RegulatedKind, RoundSchedule } from '@/domain/facilities'
import type { FacilitiesInput, SaveAssetInput, SyncInput } from '@/domain/facilities-api'

const FN = 'facilities'
const read = { idempotent: true } as const

export interface AssetView {
  id: string
  code: string
  name: string
  system: string
  systemLabel: string
  location: string
  building: string
  floor: string
  area: string
  regulated: RegulatedKind | null
  model: string
  manufacturer: string
  installDate: string | null
  contractor: string
  contractorPhone: string
  regulatedLabel: string | null
}
export interface RecordRow {
  id: string
  assetName: string
  what: string
  when: string
  who: string
  witness: string | null
  parts: string
  cost: number
  result: string
  nextDue: string | null
}
export interface AssetPageData {
  asset: AssetView
  due: { id: string; dueDate: string; planName: string; tasks: string[]; sets: string[] }[]
  readings: { id: string; label: string; text: string; anomaly: boolean; at: string; by: string }[]
  rounds: number
  maintenance: RecordRow[]
  tickets: { ticketId: string | null; no: string | null; label: string; at: string }[]
}
export interface RoundListItem {
  id: string
  planName: string
  window: string
  status: 'open' | 'done'
  overdue: boolean
  statusLabel: string
  readings: number
  anomalies: number
}
export interface RoundData {
  round: RoundListItem & { version: number }
  items: ChecklistItem[]
  stops: { index: number; assetId: string | null; area: string; assetName: string | null; assetCode: string | null; arrivedAt: string | null }[]
  readings: { clientId: string; stop: number; itemId: string; text: string; anomaly: boolean; at: string }[]
}
export interface SyncResult {
  stored: number
  duplicates: number
  anomalies: number
  tickets: { ticketId: string | null; no: string | null }[]
  closed: boolean
  alreadyClosed: boolean
}
export interface Analysis {
  rounds: { due: number; done: number; onTime: number; completionRate: number | null; punctuality: number | null }
  anomaliesBySystem: { label: string; count: number }[]
  anomaliesByAsset: { assetId: string; name: string; count: number; mtbfDays: number | null }[]
  repeatFaults: { assetId: string; name: string; count: number }[]
  compliance: { assetId: string; name: string; kind: string; lastDone: string | null; daysOverdue: number }[]
  cost: { total: number; bySystem: { label: string; amount: number }[] }
}
export interface PublicStatus {
  elevators: { name: string; location: string; lastDone: string | null; by: string | null; nextDue: string | null }[]
  waterTanks: {
    name: string
    location: string
    lastDone: string | null
    by: string | null
    nextDue: string | null
    waterQuality: { date: string; result: string; qualified: boolean } | null
  }[]
}
export interface PlanView {
  id: string
  name: string
  schedule: RoundSchedule
  scheduleText: string
  version: number
  stops: { assetId: string | null; area: string }[]
  items: ChecklistItem[]
  role: 'engineer' | 'security'
  active: boolean
}
export interface MaintenancePlanView {
  id: string
  assetId: string
  name: string
  schedule: MaintenanceSchedule
  tasks: MaintenanceTask[]
  start: string
  lastDone: string | null
  nextDue: string | null
}
export type { ReadingValue, SyncInput }

export const facilitiesApi = {
  assets: () => callFunction<{ items: AssetView[] }>(FN, 'assets', {}, read),
  assetByCode: (code: string) => callFunction<AssetPageData>(FN, 'asset', { code }, read),
  asset: (assetId: string) => callFunction<AssetPageData>(FN, 'asset', { assetId }, read),
  labels: () => callFunction<{ items: { id: string; code: string; name: string; system: string; location: string }[] }>(FN, 'labels', {}, read),
  report: (assetId: string, description: string, clientRequestId: string) =>
    callFunction<{ ticketId: string; no: string }>(FN, 'report', { assetId, description, clientRequestId }),
  plans: () => callFunction<{ items: PlanView[] }>(FN, 'plans', {}, read),
  systems: () => callFunction<{ items: { code: string; label: string; builtin: boolean }[] }>(FN, 'systems', {}, read),
  saveAsset: (input: SaveAssetInput) => callFunction<{ assetId: string; code?: string }>(FN, 'saveAsset', input),
  savePlan: (input: FacilitiesInput<'savePlan'>) => callFunction<{ planId: string; version: number }>(FN, 'savePlan', input),
  maintenancePlans: (assetId?: string) => callFunction<{ items: MaintenancePlanView[] }>(FN, 'maintenancePlans', assetId ? { assetId } : {}, read),
  saveMaintenancePlan: (input: FacilitiesInput<'saveMaintenancePlan'>) => callFunction<{ planId: string }>(FN, 'saveMaintenancePlan', input),
  rounds: (status: 'open' | 'done' | 'all') => callFunction<{ items: RoundListItem[] }>(FN, 'rounds', { status }, read),
  round: (roundId: string) => callFunction<RoundData>(FN, 'round', { roundId }, read),
  sync: (input: SyncInput) => callFunction<SyncResult>(FN, 'sync', input, read),
  record: (assetId?: string) => callFunction<{ title: string; items: RecordRow[] }>(FN, 'record', assetId ? { assetId } : {}, read),
  exportRecord: () => callFunction<{ fileName: string; base64: string }>(FN, 'exportRecord', {}),
  analysis: (days = 90) => callFunction<Analysis>(FN, 'analysis', { days }, read),
  publicStatus: () => callFunction<PublicStatus>(FN, 'publicStatus', {}, read),
}
