/**
 * Asking WeChat for one-time subscribe-message consents. WeChat shows its popup only when
 * `requestSubscribeMessage` runs inside a user's tap, with at most 3 templates per request:
 * call `requestConsents` synchronously in the tap handler, before any `await`.
 */
import Taro from '@tarojs/taro'
import type { MessageKind } from './api'

export interface MessageType {
  kind: MessageKind
  title: string
  desc: string
  templateId: string
}

/**
 * The three messages a resident can subscribe to here (WeChat allows 3 per request). Template ids
 * are build-time constants (config/index.ts, from TARO_APP_TPL_* with placeholder defaults).
 */
export function messageTypes(): MessageType[] {
  return [
    { kind: 'progress', title: '工单进度', desc: '报修、投诉被受理、师傅到场时提醒', templateId: LINLI_TPL_PROGRESS },
    { kind: 'done', title: '维修完成', desc: '处理完成、请您确认时提醒', templateId: LINLI_TPL_DONE },
    { kind: 'notice', title: '社区公告', desc: '停水停电等重要公告发布时提醒', templateId: LINLI_TPL_NOTICE },
  ]
}

export interface ConsentAnswer {
  /** Templates the user accepted (each allows one message). */
  accepted: string[]
  /** The request itself failed (e.g. subscribe messages switched off in the settings). */
  failed: boolean
}

export function requestConsents(tmplIds: string[]): Promise<ConsentAnswer> {
  if (process.env.TARO_ENV === 'h5') {
    // The local H5 demo runs outside WeChat: there is no consent popup to show, so treat every
    // template as accepted. The local backend then records the consents like WeChat's would.
    return Promise.resolve({ accepted: tmplIds, failed: false })
  }
  let asked: Promise<Record<string, string>>
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0]) as unknown as Promise<Record<string, string>>
  } catch {
    return Promise.resolve({ accepted: [], failed: true })
  }
  return Promise.resolve(asked).then(
    // 'reject', 'ban' and 'filter' are not consents: only 'accept' counts.
    (res) => ({ accepted: tmplIds.filter((id) => res && res[id] === 'accept'), failed: false }),
    () => ({ accepted: [], failed: true }),
  )
}
