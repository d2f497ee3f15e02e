import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

interface Point {
  x: number
  y: number
}

/**
 * A small signature pad. weapp: a 2d <Canvas> drawn with touch events and exported with
 * canvasToTempFilePath; H5: a plain <canvas> with pointer events exported as a PNG data URL
 * (which the H5 upload reads like any local file). Answers the local path of the PNG.
 */
export function SignaturePad({ onDone, busy, label = '请在框内签名' }: { onDone: (path: string) => void; busy?: boolean; label?: string }) {
  const h5 = process.env.TARO_ENV === 'h5'
  const canvasRef = useRef<any>(null)
  const ctxRef = useRef<any>(null)
  const last = useRef<Point | null>(null)
  const [strokes, setStrokes] = useState(0)
  const id = useRef(`sig-${Math.random().toString(36).slice(2, 8)}`).current

  useEffect(() => {
    if (h5) {
      const c = canvasRef.current as HTMLCanvasElement | null
      if (!c) return
      const ratio = window.devicePixelRatio || 1
      c.width = c.clientWidth * ratio
      c.height = c.clientHeight * ratio
      const ctx = c.getContext('2d')!
      ctx.scale(ratio, ratio)
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, c.clientWidth, c.clientHeight)
      ctxRef.current = ctx
      return
    }
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const r = res?.[0]
        if (!r?.node) return
        const ratio = Taro.getSystemInfoSync().pixelRatio || 1
        r.node.width = r.width * ratio
        r.node.height = r.height * ratio
        const ctx = r.node.getContext('2d')
        ctx.scale(ratio, ratio)
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, r.width, r.height)
        canvasRef.current = r.node
        ctxRef.current = ctx
      })
  }, [h5, id])

  const line = (p: Point) => {
    const ctx = ctxRef.current
    if (!ctx || !last.current) return
    ctx.strokeStyle = '#111'
    ctx.lineWidth = 2.5
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.beginPath()
    ctx.moveTo(last.current.x, last.current.y)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    last.current = p
  }
  const clear = () => {
    const c = canvasRef.current
    const ctx = ctxRef.current
    if (!c || !ctx) return
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, c.width, c.height)
    setStrokes(0)
  }
  const done = async () => {
    const c = canvasRef.current
    if (!c || strokes === 0) return
    if (h5) return onDone((c as HTMLCanvasElement).toDataURL('image/png'))
    const res = await Taro.canvasToTempFilePath({ canvas: c, fileType: 'png' } as any)
    onDone(res.tempFilePath)
  }

  const pos = (e: any): Point => {
    if (h5) {
      const r = (canvasRef.current as HTMLCanvasElement).getBoundingClientRect()
      return { x: e.clientX - r.left, y: e.clientY - r.top }
    }
    const t = e.touches?.[0] ?? e.changedTouches?.[0]
    return { x: t.x, y: t.y }
  }
  const start = (e: any) => {
    last.current = pos(e)
    setStrokes((n) => n + 1)
  }
  const move = (e: any) => {
    if (last.current) line(pos(e))
  }
  const end = () => {
    last.current = null
  }

  return (
    <View className='sig'>
      <Text className='sig__label'>{label}</Text>
      {h5 ? (
        <canvas
          ref={canvasRef}
          className='sig__canvas'
          aria-label='签名板'
          onPointerDown={(e) => {
            ;(e.target as HTMLCanvasElement).setPointerCapture?.(e.pointerId)
            start(e)
          }}
          onPointerMove={move}
          onPointerUp={end}
          onPointerLeave={end}
        />
      ) : (
        <Canvas type='2d' id={id} className='sig__canvas' disableScroll onTouchStart={start} onTouchMove={move} onTouchEnd={end} />
      )}
      <View className='sig__actions'>
        <Button size='small' fill='outline' onClick={clear}>
          重写
        </Button>
        <Button size='small' type='primary' disabled={strokes === 0 || busy} loading={busy} onClick={() => void done()}>
          确认签名
        </Button>
      </View>
    </View>
  )
}
