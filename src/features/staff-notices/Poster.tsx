import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AnnouncementView } from '@/domain/announcements-api'
import { StateView } from '@/components/StateView'
import { factRow } from '@/components/FactRow'
import { errorMessage } from '@/services/cloud'
import { useMe } from '@/features/account'
import { formatDate, formatDay, noticePath, typeHeading, TYPE_TONE } from '@/features/notices'
import { staffNoticesApi } from './api'
import { qrDataUrl } from './qr'
import './Poster.scss'

function usePosterNotice(id: string | undefined) {
  const [notice, setNotice] = useState<AnnouncementView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!id) return setError('缺少公告编号')
    let live = true
    setError(null)
    staffNoticesApi.get(id).then(
      (n) => live && setNotice(n),
      (err) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [id, attempt])
  return { notice, error, retry: () => setAttempt((n) => n + 1) }
}

const Row = factRow('poster')

/** The body as paragraphs (each indented like a printed notice); blank lines only separate. */
const paragraphs = (body: string) =>
  body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)

/** The bulletin-board poster itself: A4 portrait, the notice, and a QR code to its page. */
export function PosterSheet({ notice: n, hotline }: { notice: AnnouncementView; hotline?: string | null }) {
  const path = noticePath(n.announcementId)
  const qr = useMemo(() => qrDataUrl(path), [path])
  const issued = n.publishedAt ?? n.publishAt ?? n.updatedAt
  const community = n.communityName || '本小区'
  return (
    <View className={`poster poster--${TYPE_TONE[n.type]}`} role='document' aria-label={`${community}${typeHeading(n.typeLabel)}海报`}>
      <View className='poster__band'>
        <Text className='poster__org'>{community}物业服务中心</Text>
        <Text className='poster__kind'>{typeHeading(n.typeLabel)}</Text>
      </View>

      <View className='poster__main'>
        <Text className='poster__title'>{n.title}</Text>
        <Text className='poster__salute'>尊敬的各位业主、住户：</Text>
        {paragraphs(n.body).map((p, i) => (
          <Text key={i} className='poster__para'>
            {p}
          </Text>
        ))}

        {n.interruption ? (
          <View className='poster__facts'>
            <Row label='原　　因'>{n.interruption.reason}</Row>
            <Row label='影响范围'>{n.scopeLabel}</Row>
            <Row label='开始时间'>{formatDay(n.interruption.startAt)}</Row>
            <Row label='预计恢复'>{formatDay(n.interruption.endAt)}</Row>
          </View>
        ) : (
          <View className='poster__facts poster__facts--plain'>
            <Row label='通知范围'>{n.scopeLabel}</Row>
          </View>
        )}
        {n.interruption && <Text className='poster__para'>请提前做好准备，给您带来不便，敬请谅解！</Text>}

        <View className='poster__sign'>
          <Text className='poster__sign-org'>{community}物业服务中心</Text>
          <Text className='poster__sign-date'>{formatDate(issued)}</Text>
        </View>
      </View>

      <View className='poster__foot'>
        <Image className='poster__qr-img' src={qr} mode='aspectFit' aria-label={`二维码：${path}`} />
        <View className='poster__qr-text'>
          <Text className='poster__qr-title'>微信扫码查看</Text>
          <Text className='poster__qr-desc'>通知详情与最新进展，有疑问可在线提问</Text>
          {hotline && <Text className='poster__qr-desc'>物业服务电话：{hotline}</Text>}
        </View>
      </View>
    </View>
  )
}

/** 公告海报: print on A4 for the bulletin boards by the lifts and the gate. */
export function Poster({ announcementId }: { announcementId?: string }) {
  const { notice, error, retry } = usePosterNotice(announcementId)
  const { me } = useMe()
  if (!notice) return <StateView loading={!error} error={error} onRetry={retry} />
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <View className='poster-page'>
      <View className='poster-page__tools'>
        <Text className='poster-page__hint'>{h5 ? 'A4 纵向打印，张贴在公告栏和电梯厅' : '请在电脑上打开此页打印，或截图发给打印店'}</Text>
        {h5 && (
          <Button size='small' type='primary' onClick={() => window.print()}>
            打印
          </Button>
        )}
        {!h5 && (
          <Button size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: noticePath(notice.announcementId) })}>
            复制页面路径
          </Button>
        )}
      </View>
      <PosterSheet notice={notice} hotline={me?.community?.hotline} />
    </View>
  )
}
