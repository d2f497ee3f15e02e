import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@/domain/onboarding'
import { useSubmit } from '@/components/useSubmit'
import { uploadImportFile } from '@/services/upload'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { onboardingApi, type ImportPreview, type ImportStatus } from './api'
import './onboarding.scss'

/** Excel import: template → upload → preview with row errors → confirm → what was done. */
export function ImportWizard() {
  const communityId = Taro.getCurrentInstance().router?.params?.communityId ?? ''
  const [kind, setKind] = useState<ImportKind>('units')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [status, setStatus] = useState<ImportStatus | null>(null)
  const { busy, error, submit } = useSubmit()

  const run = (fn: () => Promise<void>) => () => submit(fn)
  const pick = run(async () => {
    const fileID = await uploadImportFile(communityId)
    if (!fileID) return
    setStatus(null)
    setPreview(await onboardingApi.previewImport(communityId, kind, fileID))
  })
  const confirm = run(async () => {
    let s = await onboardingApi.confirmImport(preview!.importId)
    // Large files continue over several calls (and a timer, if the page is left).
    while (s.status !== 'done') {
      setStatus(s)
      await new Promise((r) => setTimeout(r, 500))
      s = await onboardingApi.confirmImport(preview!.importId)
    }
    setStatus(s)
    setPreview(null)
  })
  const template = run(async () => {
    const t = await onboardingApi.template(kind)
    if (process.env.TARO_ENV === 'h5') {
      window.open(t.url, '_blank')
      return
    }
    const d = await Taro.downloadFile({ url: t.url })
    await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'xlsx', showMenu: true })
  })

  return (
    <View>
      <Section title='Excel 导入'>
        <ChipGroup
          groupLabel='导入内容'
          options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
          value={kind}
          onChange={(k) => (setKind(k), setPreview(null), setStatus(null))}
        />
        <Text className='onb-hint'>表头：{IMPORT_COLUMNS[kind].join('、')}</Text>
        <View className='onb-row'>
          <Button size='small' fill='outline' onClick={() => void template()}>
            下载模板
          </Button>
          <Button size='small' type='primary' loading={busy} onClick={() => void pick()}>
            选择文件并预览
          </Button>
        </View>
        {error && <Text className='onb-error'>{error}</Text>}
      </Section>
      {preview && (
        <Section title='预览'>
          <View className='onb-preview-summary' role='status'>
            共 {preview.total} 行：可导入 {preview.valid} 行（新增 {preview.plan.create}，不变 {preview.plan.unchanged}），错误 {preview.errorCount} 行
          </View>
          {preview.errors.map((e) => (
            <Text key={`${e.row}-${e.column}`} className='onb-row-error'>
              第 {e.row} 行「{e.column}」：{e.message}
            </Text>
          ))}
          {preview.errorCount > preview.errors.length && <Text className='onb-hint'>仅显示前 {preview.errors.length} 条错误</Text>}
          <Text className='onb-hint'>{preview.errorCount > 0 ? '有错误的行不会导入；修改后可重新上传。' : '没有错误。'}</Text>
          <Button block type='primary' disabled={preview.valid === 0 || preview.status === 'done'} loading={busy} onClick={() => void confirm()}>
            确认导入 {preview.valid} 行
          </Button>
        </Section>
      )}
      {status && (
        <Section title={status.status === 'done' ? '导入完成' : '正在导入'}>
          <View className='onb-result' role='status'>
            {status.status === 'done'
              ? `新增 ${status.result.created} 条，更新 ${status.result.updated} 条，未变 ${status.result.unchanged} 条`
              : `已处理 ${status.done}/${status.valid} 行`}
          </View>
          {status.invites.map((i) => (
            <Text key={i.phone} className='onb-hint' selectable>
              {i.name} {i.phone}：邀请码 {i.code}
            </Text>
          ))}
        </Section>
      )}
    </View>
  )
}
