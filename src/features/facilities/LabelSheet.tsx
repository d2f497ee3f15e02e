import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi } from './api'
import './Facilities.scss'

/** The QR image of a label: its content is the asset code (the app opens the asset page from it). */
export function qrDataUrl(code: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(`LINLI-ASSET/${code}`)
  qr.make()
  return qr.createDataURL(4, 2)
}

/** A4 label sheet: 3 × 8 labels a page (print from the H5 build or a PC). */
export function LabelSheet() {
  const [items, setItems] = useState<{ id: string; code: string; name: string; system: string; location: string }[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    facilitiesApi
      .labels()
      .then((r) => setItems(r.items))
      .catch((e) => setError(errorMessage(e)))
  }, [])
  if (!items) return <StateView loading={!error} error={error} />
  return (
    <View className='labels'>
      {items.map((a) => (
        <View key={a.id} className='labels__label'>
          <Image className='labels__qr' src={qrDataUrl(a.code)} />
          <View className='labels__text'>
            <Text className='labels__name'>{a.name}</Text>
            <Text className='labels__meta'>{a.system}</Text>
            <Text className='labels__meta'>{a.location}</Text>
            <Text className='labels__code'>{a.code}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
