/** Staff calls to the `register` function (客户沟通记录表 and 服务分析). Types only from the contract: zod stays out of the bundle. */
import Taro from '@tarojs/taro'
import { callFunction } from '@/services/cloud'
import type { RegisterInputs } from '@/domain/register/api'
import type { AnalysisRow, Channel, ContactType, Outcome } from '@/domain/register'

const FN = 'register'
const read = { idempotent: true } as const

export type Filters = NonNullable<RegisterInputs['list']['filters']>
export interface RegisterItem {
  _id: string
  sk: string
  at: string
  source: 'ticket' | 'callback' | 'desk'
  type: ContactType
  category: string
  building: string
  channel: Channel
  who: string
  phone: string
  text: string
  outcome: Outcome
  staffName: string
  ownerName: string
  ticketId: string | null
  ticketNo: string
  open: boolean
}
export interface Analysis {
  period: string
  label: string
  previous: string
  summary: AnalysisRow
  previousSummary: AnalysisRow
  types: { key: string; n: number }[]
  channels: { key: string; n: number }[]
  topCategories: { key: string; n: number; previous: number }[]
  reach: Record<string, number>
  rows: AnalysisRow[]
}
export interface Exported {
  exportId: string
  url: string
  fileName: string
  rows: number
}
/** A large register export continues in the background; its requester is told in 消息 when it is ready. */
export interface ExportPending {
  exportId: string
  pending: true
  rows: number
}

export const registerApi = {
  list: (params: RegisterInputs['list']) => callFunction<{ items: RegisterItem[]; nextCursor?: string }>(FN, 'list', params, read),
  log: (input: RegisterInputs['log']) => callFunction<{ id: string; created: boolean }>(FN, 'log', input),
  analysis: (input: RegisterInputs['analysis']) => callFunction<Analysis>(FN, 'analysis', input, read),
  export: (input: RegisterInputs['export']) => callFunction<Exported | ExportPending>(FN, 'export', input),
  download: (exportId: string) => callFunction<Exported | ExportPending>(FN, 'download', { exportId }, read),
}

/**
 * Opens an export: WeChat downloads it and opens it with openDocument; H5 downloads the file. A large
 * one still being built says it will be announced in 消息 (answers false: nothing opened).
 */
export async function openExport(e: Exported | ExportPending): Promise<boolean> {
  if ('pending' in e) {
    await Taro.showModal({ title: '正在后台导出', content: `共 ${e.rows} 条，数据较多，生成后会在「消息」中通知您，点开即可下载。`, showCancel: false })
    return false
  }
  if (process.env.TARO_ENV === 'h5') {
    const blob = await (await fetch(e.url)).blob()
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = e.fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return true
  }
  const res = await Taro.downloadFile({ url: e.url })
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
  return true
}
