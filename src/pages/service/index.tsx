import { PageShell } from '@/features/shell'
import { ComingSoon } from '@/components/ComingSoon'
import { Section } from '@/components/Section'

/** 服务: the resident's repair / complaint / inquiry requests (not built yet). */
export default function ServicePage() {
  return (
    <PageShell>
      <Section title='我的报修/投诉/咨询'>
        <ComingSoon title='服务记录即将上线' description='上线后，可在这里查看报修、投诉、咨询的处理进度。急事请在首页拨打物业电话。' />
      </Section>
    </PageShell>
  )
}
