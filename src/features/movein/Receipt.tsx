import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorState, LoadingState } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { moveinApi, type ReceiptView } from './api'
import './Movein.scss'

/** 钥匙交接单: the signed record as an A4 sheet, for the owner and the desk to open and print. */
export function ReceiptSheet({ r }: { r: ReceiptView }) {
  return (
    <View className='receipt' role='document' aria-label='钥匙交接单'>
      <Text className='receipt__org'>{r.communityName}物业服务中心</Text>
      <Text className='receipt__title'>钥匙交接单</Text>
      <View className='receipt__facts'>
        <Text>房屋：{r.unitLabel}</Text>
        <Text>业主：{r.ownerName}</Text>
        <Text>批次：{r.batchTitle}</Text>
      </View>
      <Text className='receipt__h'>一、钥匙及门禁卡</Text>
      <View className='receipt__table'>
        {r.keys.map((k) => (
          <View key={k.label} className='receipt__tr'>
            <Text className='receipt__td'>{k.label}</Text>
            <Text className='receipt__td receipt__td--n'>{k.count} 把/张</Text>
          </View>
        ))}
      </View>
      <Text className='receipt__h'>二、表计读数</Text>
      <View className='receipt__table'>
        {r.meters.map((m) => (
          <View key={m.label} className='receipt__tr'>
            <Text className='receipt__td'>{m.label}</Text>
            <Text className='receipt__td receipt__td--n'>{m.reading ?? '—'}</Text>
          </View>
        ))}
      </View>
      <Text className='receipt__h'>三、交接记录</Text>
      {r.steps.map((s) => (
        <Text key={s.step} className='receipt__step'>
          {s.label}：{s.at} · {s.byName}
        </Text>
      ))}
      <Text className='receipt__para'>以上钥匙、门禁卡数量及表计读数经双方当面核对无误。《住宅使用说明书》《住宅质量保证书》及收费告知已一并移交。</Text>
      <View className='receipt__sign'>
        <View className='receipt__sign-col'>
          <Text>移交人（物业）：{r.staffName}</Text>
        </View>
        <View className='receipt__sign-col'>
          <Text>业主签收：</Text>
          {r.signatureUrl ? <Image className='receipt__sig' src={r.signatureUrl} mode='aspectFit' /> : null}
          <Text>签收时间：{r.signedAt}（北京时间）</Text>
        </View>
      </View>
    </View>
  )
}

export function ReceiptScreen({ bookingId }: { bookingId?: string }) {
  const [r, setR] = useState<ReceiptView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!bookingId) return setError('缺少预约编号')
    moveinApi.receipt(bookingId).then(setR, (e) => setError(errorMessage(e)))
  }, [bookingId])
  if (error) return <ErrorState message={error} />
  if (!r) return <LoadingState />
  return (
    <View className='receipt-page'>
      {process.env.TARO_ENV === 'h5' && (
        <View className='receipt-page__tools'>
          <Button size='small' type='primary' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
      <ReceiptSheet r={r} />
      {process.env.TARO_ENV !== 'h5' && <Text className='mv-muted'>如需打印，请在电脑端打开本页。</Text>}
    </View>
  )
}
void Taro
