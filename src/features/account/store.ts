/**
 * The caller's identity (`account.me`), shared by every page: loaded once, refreshed when a page
 * shows again, patched locally after a mutation so screens agree without another round trip.
 */
import { useEffect, useSyncExternalStore } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { MeView } from '@/domain/identity'
import { errorMessage } from '@/services/cloud'
import { accountApi } from './api'

export interface MeState {
  me: MeView | null
  loading: boolean
  error: string | null
}

const initial: MeState = { me: null, loading: false, error: null }
let state: MeState = initial
let inflight: Promise<void> | null = null
const listeners = new Set<() => void>()

function set(patch: Partial<MeState>) {
  state = { ...state, ...patch }
  listeners.forEach((l) => l())
}

export function loadMe(): Promise<void> {
  if (inflight) return inflight
  set({ loading: true, error: null })
  inflight = accountApi
    .me()
    .then(
      (me) => set({ me, loading: false, error: null }),
      (err) => set({ loading: false, error: errorMessage(err) }),
    )
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Applies a local change (e.g. after setOnDuty or requestBinding). */
export function patchMe(update: (me: MeView) => MeView) {
  if (state.me) set({ me: update(state.me) })
}

/** Test helper: forget everything. */
export function resetMe() {
  state = initial
  inflight = null
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** `me` plus loading/error; loads on first use and refreshes whenever the page shows again. */
export function useMe(): MeState & { reload: () => Promise<void> } {
  const snapshot = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  )
  useEffect(() => {
    if (!state.me && !inflight) void loadMe()
  }, [])
  useDidShow(() => {
    if (state.me && !inflight) void loadMe()
  })
  return { ...snapshot, reload: loadMe }
}
