import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { formatMinute } from '@/domain/time'
import { PERIOD_KEY_RE } from '@/domain/register'
import { RowsTable, Summary, useAnalysis } from './Analysis'
import './StaffRegister.scss'

/** 月度服务报告: one A4 page per month (print in H5; share in WeChat). */
export function MonthlyReport() {
  const me = useMe()
  const raw = useRouter().params.period
  const key = raw && PERIOD_KEY_RE.test(raw) && raw.startsWith('M') ? raw : undefined
  const allowed = hasRole(me.me, 'supervisor', 'admin')
  const { data, error, reload } = useAnalysis('month', 'building', key)
  const dept = useAnalysis('month', 'department', key)
  useShareAppMessage(() => ({ title: data ? `${data.label}服务报告` : '月度服务报告', path: `/staff/report/index${key ? `?period=${key}` : ''}` }))
  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅主管或管理员可以查看月度报告' />
  return (
    <View className='report-a4'>
      <StateView loading={!data && !error} error={error} onRetry={reload}>
        {data && (
          <>
            <Text className='report-a4__title'>{data.label} 客户服务月度报告</Text>
            <Text className='report-a4__sub'>生成于 {formatMinute(new Date())}（北京时间）· 依据《客户沟通记录表》</Text>
            <Summary d={data} />
            <View className='analysis__card'>
              <Text className='analysis__title'>按楼栋</Text>
              <RowsTable rows={data.rows} scope='building' />
            </View>
            {dept.data && (
              <View className='analysis__card'>
                <Text className='analysis__title'>按部门</Text>
                <RowsTable rows={dept.data.rows} scope='department' />
              </View>
            )}
            <View className='report-a4__actions'>
              {process.env.TARO_ENV === 'h5' ? (
                <Button type='primary' onClick={() => window.print()}>
                  打印
                </Button>
              ) : (
                <Button type='primary' openType='share'>
                  分享
                </Button>
              )}
              <Button fill='outline' onClick={() => void Taro.navigateBack()}>
                返回
              </Button>
            </View>
          </>
        )}
      </StateView>
    </View>
  )
}
