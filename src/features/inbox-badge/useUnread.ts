/**
 * Unread messages, for the badges people look at (the 我的 tab, the staff workbench header).
 * One small store shared by every page of the main package: any page that shows refreshes it,
 * and the inbox updates it after a read. Failures are quiet: a badge is never an error.
 */
import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { badgeText, type UnreadCounts } from '@/domain/inbox'
import { callFunction } from '@/services/cloud'

/** The 我的 tab's position in app.config.ts's tabBar. */
const MINE_TAB = 3
const ZERO: UnreadCounts = { personal: 0, alerts: 0, total: 0 }

let current: UnreadCounts = ZERO
const listeners = new Set<(c: UnreadCounts) => void>()

function paintTab(n: number) {
  const text = badgeText(n)
  try {
    const call = text ? Taro.setTabBarBadge?.({ index: MINE_TAB, text }) : Taro.removeTabBarBadge?.({ index: MINE_TAB })
    // Not on a tab page (or no tab bar yet): nothing to paint, nothing to report.
    void Promise.resolve(call).catch(() => undefined)
  } catch {
    /* ignore */
  }
}

/** Sets the counts everywhere (e.g. the answer of a read). */
export function setUnread(c: UnreadCounts) {
  current = c
  paintTab(c.total)
  listeners.forEach((l) => l(c))
}

let inFlight: Promise<UnreadCounts> | null = null

/** Asks the inbox again (one request at a time); keeps the last counts when that fails (offline, not bound yet…). */
export function refreshUnread(): Promise<UnreadCounts> {
  if (!inFlight) {
    inFlight = Promise.resolve()
      .then(() => callFunction<UnreadCounts>('inbox', 'unread', {}, { idempotent: true }))
      .then(
        (c) => c && setUnread(c),
        () => undefined,
      )
      .then(() => current)
      .finally(() => {
        inFlight = null
      })
  }
  return inFlight
}

/** The current counts, refreshed whenever the page using it shows. */
export function useUnread(enabled = true): UnreadCounts {
  const [counts, setCounts] = useState(current)
  useEffect(() => {
    listeners.add(setCounts)
    // The first show may come before the page's hooks exist: ask on mount too.
    if (enabled) void refreshUnread()
    return () => void listeners.delete(setCounts)
  }, [])
  useDidShow(() => {
    if (enabled) void refreshUnread()
  })
  return counts
}
