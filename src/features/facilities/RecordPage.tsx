import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { facilitiesApi, type RecordRow } from './api'
import './Facilities.scss'

/** Rows of the 《设施设备维护记录表》: what, when, who, parts, result, next due. */
export function RecordTable({ rows }: { rows: RecordRow[] }) {
  if (!rows.length) return <Text className='fac__muted fac__pad'>暂无维护记录</Text>
  return (
    <View>
      {rows.map((r) => (
        <View key={r.id} className='fac__card fac__record'>
          <View className='fac__row'>
            <Text className='fac__title'>{r.assetName}</Text>
            <Text className='fac__muted'>{r.when}</Text>
          </View>
          <Text>维护内容：{r.what}</Text>
          <Text>
            维护人员：{r.who}
            {r.witness ? `（见证：${r.witness}）` : ''}
          </Text>
          {r.parts && (
            <Text>
              更换配件：{r.parts}（¥{r.cost}）
            </Text>
          )}
          <Text>维护结果：{r.result}</Text>
          <Text className='fac__muted'>下次维护：{r.nextDue ?? '—'}</Text>
        </View>
      ))}
    </View>
  )
}

/** 《设施设备维护记录表》 for the community, exported to Excel. */
export function RecordPage() {
  const [rows, setRows] = useState<RecordRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    facilitiesApi
      .record()
      .then((r) => setRows(r.items))
      .catch((e) => setError(errorMessage(e)))
  }, [])

  async function exportXlsx() {
    try {
      const x = await facilitiesApi.exportRecord()
      if (process.env.TARO_ENV === 'h5') {
        const a = document.createElement('a')
        a.href = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${x.base64}`
        a.download = x.fileName
        a.click()
        return
      }
      const fs = Taro.getFileSystemManager()
      const path = `${Taro.env.USER_DATA_PATH}/${x.fileName}`
      fs.writeFileSync(path, x.base64, 'base64')
      await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    }
  }

  if (!rows) return <StateView loading={!error} error={error} />
  return (
    <View className='fac'>
      <Text className='fac__section'>设施设备维护记录表</Text>
      <RecordTable rows={rows} />
      <View className='fac__bar'>
        <Button type='primary' onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </View>
    </View>
  )
}
