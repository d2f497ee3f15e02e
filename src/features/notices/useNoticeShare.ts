/**
 * Sharing a notice to chats, and knowing which group chats it reached.
 *
 * - The forward menu asks for a share ticket (`withShareTicket`) so a card opened in a group
 *   carries the group's identity.
 * - Opened from a group card (scene 1044 with a shareTicket, or 1008), `getGroupEnterInfo` gives a cloudID;
 *   `enteredFromGroup` sends it as is and the function resolves the group on the server
 *   (getOpenData), so a group id the client names is never counted. weapp only: H5 has no groups.
 * - WeChat no longer reports where (or whether) a forward went, so tapping 转发 records `shared`
 *   without a group; the group shows up when someone opens the card there.
 */
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import { noticesApi, type Notice } from './api'
import { noticePath } from './format'

/** Scenes of a mini-program card opened inside a group chat. */
const GROUP_SCENES = [1044, 1008]

/** Group opens already recorded in this app session: `${id}:${shareTicket}`. */
const recorded = new Set<string>()

type EnterOptions = { scene?: number; shareTicket?: string; path?: string; query?: Record<string, string> }

function enterOptions(): EnterOptions | null {
  try {
    const t = Taro as unknown as { getEnterOptionsSync?: () => EnterOptions; getLaunchOptionsSync?: () => EnterOptions }
    return (t.getEnterOptionsSync ?? t.getLaunchOptionsSync)?.() ?? null
  } catch {
    return null
  }
}

/** weapp: when this notice was opened from a group chat's card, record the group (once). */
export function recordGroupEnter(announcementId: string): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const opts = enterOptions()
  // A card opened in a group chat (1044: with a share ticket; 1008: group card). The enter options
  // describe how the app was entered, so also check that it was this very notice.
  if (!opts || !GROUP_SCENES.includes(Number(opts.scene))) return
  if (!String(opts.path ?? '').includes('pages/notice/index') || opts.query?.id !== announcementId) return
  const key = `${announcementId}:${opts.shareTicket ?? opts.scene}`
  if (recorded.has(key)) return
  recorded.add(key)
  const api = Taro as unknown as {
    getGroupEnterInfo?: (o: { success: (r: { cloudID?: string }) => void; fail: () => void }) => void
  }
  if (!api.getGroupEnterInfo) return
  api.getGroupEnterInfo({
    success: (res) => {
      if (!res.cloudID) return
      void noticesApi.enteredFromGroup(announcementId, res.cloudID).catch(() => recorded.delete(key))
    },
    fail: () => recorded.delete(key),
  })
}

/** The forward menu (with share ticket) and the card: 【停水】title → this notice. */
export function useNoticeShare(announcementId: string | undefined, notice: Notice | null) {
  useLoad(() => {
    if (process.env.TARO_ENV === 'h5') return
    // Taro 4's weapp runtime overwrites `menus` with the mapping of `showShareItems`
    // ('wechatFriends' → 'shareAppMessage'), so the menu is named that way.
    void Promise.resolve(Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] } as Parameters<typeof Taro.showShareMenu>[0])).catch(() => undefined)
  })
  useShareAppMessage(() => {
    if (!announcementId) return { title: '社区通知 · 邻里物业', path: '/pages/home/index' }
    // Residents only (staff forwarding is not a resident's share): failures never block the card.
    if (notice && notice.read !== undefined) void noticesApi.shared(announcementId).catch(() => undefined)
    return {
      title: notice ? `【${notice.typeLabel}】${notice.title}` : '社区通知',
      path: noticePath(announcementId),
    }
  })
}
