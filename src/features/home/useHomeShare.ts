import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import { useMe } from '@/features/account'

/** Enables forwarding (with share ticket, for group context) and shares the home page. */
export function useHomeShare() {
  const { me } = useMe()
  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
  })
  useShareAppMessage(() => ({
    title: me?.community ? `${me.community.name} · 邻里物业` : '邻里物业 · 社区服务',
    path: '/pages/home/index',
  }))
}
