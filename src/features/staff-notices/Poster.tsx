import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Canvas } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AnnouncementView, PosterCodeView } from '@/domain/announcements-api'
import { StateView } from '@/components/StateView'
import { factRow } from '@/components/FactRow'
import { errorMessage, isRetryable } from '@/services/cloud'
import { useMe } from '@/features/account'
import { formatDate, formatDay, typeHeading, TYPE_TONE } from '@/features/notices'
import { staffNoticesApi } from './api'
import { downloadPng, drawPoster, POSTER_H, POSTER_W, saveToAlbum } from './posterImage'
import './Poster.scss'

/** One call's answer: the value, or the error and whether trying again can help. */
function useLoaded<T>(id: string | undefined, fetch: (id: string) => Promise<T>) {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<{ message: string; retryable: boolean } | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!id) return setError({ message: '缺少公告编号', retryable: false })
    let live = true
    setError(null)
    fetch(id).then(
      (v) => live && setValue(v),
      (err) => live && setError({ message: errorMessage(err), retryable: isRetryable(err) }),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, attempt])
  return { value, error, retry: () => setAttempt((n) => n + 1) }
}

const Row = factRow('poster')

/** The body as paragraphs (each indented like a printed notice); blank lines only separate. */
const paragraphs = (body: string) =>
  body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)

interface CodeState {
  code: PosterCodeView | null
  error?: { message: string; retryable: boolean } | null
  onRetry?: () => void
}

/** The mini-program code in the poster's foot (or why it is not there yet). */
function PosterCode({ code, error, onRetry }: CodeState) {
  if (code) return <Image className='poster__qr-img' src={code.url} mode='aspectFit' aria-label={`小程序码：${code.page}?scene=${code.scene}`} />
  return (
    <View className='poster__qr-img poster__qr-img--empty' role='status'>
      <Text>{error ? error.message : '小程序码生成中…'}</Text>
      {error?.retryable && onRetry && (
        <View className='poster__qr-retry' role='button' onClick={onRetry}>
          <Text>重试</Text>
        </View>
      )}
    </View>
  )
}

/** The bulletin-board poster itself: A4 portrait, the notice, and its mini-program code. */
export function PosterSheet({ notice: n, hotline, ...code }: { notice: AnnouncementView; hotline?: string | null } & CodeState) {
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
        <PosterCode {...code} />
        <View className='poster__qr-text'>
          <Text className='poster__qr-title'>微信扫码查看</Text>
          <Text className='poster__qr-desc'>通知详情与最新进展，有疑问可在线提问</Text>
          {hotline && <Text className='poster__qr-desc'>物业服务电话：{hotline}</Text>}
        </View>
      </View>
    </View>
  )
}

/** An image element (a browser's, or a weapp canvas's `createImage()`): loaded, then drawable. */
type Drawable = { onload: unknown; onerror: unknown; src: string }
function loaded(img: Drawable, src: string): Promise<CanvasImageSource> {
  return new Promise((resolve, reject) => {
    img.onload = () => resolve(img as unknown as CanvasImageSource)
    img.onerror = reject
    img.src = src
  })
}

type Canvas2D = { width: number; height: number; getContext: (k: '2d') => CanvasRenderingContext2D; createImage: () => Drawable }

/** weapp: the page's hidden `type="2d"` canvas node. */
const canvasNode = () =>
  new Promise<Canvas2D | null>((resolve) =>
    Taro.createSelectorQuery()
      .select('#poster-canvas')
      .fields({ node: true, size: true })
      .exec((res) => resolve((res?.[0] as { node?: Canvas2D } | undefined)?.node ?? null)),
  )

/** 公告海报: print on A4 in H5; on a phone, save it as an image (album in WeChat, a download in H5). */
export function Poster({ announcementId }: { announcementId?: string }) {
  const { value: notice, error, retry } = useLoaded(announcementId, staffNoticesApi.get)
  const code = useLoaded(announcementId, staffNoticesApi.posterCode)
  const { me } = useMe()
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)
  if (!notice) return <StateView loading={!error} error={error?.message} onRetry={error?.retryable ? retry : undefined} />
  const h5 = process.env.TARO_ENV === 'h5'
  const hotline = me?.community?.hotline

  const exportImage = async () => {
    if (busy.current || !code.value) return
    busy.current = true
    setSaving(true)
    try {
      if (h5) {
        const canvas = document.createElement('canvas')
        canvas.width = POSTER_W
        canvas.height = POSTER_H
        drawPoster(canvas.getContext('2d')!, { notice, hotline, code: await loaded(new window.Image(), code.value.url) })
        downloadPng(canvas, notice)
      } else {
        const canvas = await canvasNode()
        if (!canvas) throw new Error('canvas unavailable')
        canvas.width = POSTER_W
        canvas.height = POSTER_H
        drawPoster(canvas.getContext('2d'), { notice, hotline, code: await loaded(canvas.createImage(), code.value.url) })
        await saveToAlbum(canvas)
      }
    } catch {
      void Taro.showToast({ title: '海报图片生成失败，请稍后重试', icon: 'none' })
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  return (
    <View className='poster-page'>
      <View className='poster-page__tools'>
        <Text className='poster-page__hint'>{h5 ? 'A4 纵向打印，张贴在公告栏和电梯厅' : '保存为图片，发给打印店或转发到群里'}</Text>
        {h5 && (
          <Button size='small' fill='outline' type='primary' className='poster-page__btn' onClick={() => window.print()}>
            打印
          </Button>
        )}
        <Button size='small' type='primary' className='poster-page__btn' disabled={!code.value} loading={saving} onClick={() => void exportImage()}>
          {h5 ? '下载图片' : '保存到相册'}
        </Button>
      </View>
      <PosterSheet notice={notice} hotline={hotline} code={code.value} error={code.error} onRetry={code.retry} />
      {!h5 && <Canvas type='2d' id='poster-canvas' className='poster-page__canvas' />}
    </View>
  )
}
