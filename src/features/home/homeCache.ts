import Taro from '@tarojs/taro'

/**
 * What 首页 keeps for when the network is gone: the community and its hotline (so anyone can
 * still call) — the last notices are kept by the notices feature. Taro storage, small and
 * non-personal.
 */
const KEY = 'linli.home.v1'

export interface HomeCache {
  communityName: string | null
  hotline: string | null
}

export function readHomeCache(): HomeCache | null {
  try {
    const v = Taro.getStorageSync(KEY) as HomeCache | ''
    return v && typeof v === 'object' ? v : null
  } catch {
    return null
  }
}

export function writeHomeCache(v: HomeCache) {
  try {
    Taro.setStorageSync(KEY, v)
  } catch {
    // Storage full or unavailable: nothing to keep.
  }
}
