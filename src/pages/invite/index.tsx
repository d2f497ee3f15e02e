import { PageShell } from '@/features/shell'
import { RedeemInvite } from '@/features/invite'

export default function InvitePage() {
  return (
    <PageShell>
      <RedeemInvite />
    </PageShell>
  )
}
