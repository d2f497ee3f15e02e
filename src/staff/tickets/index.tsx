import { routedPage } from '@/features/shell'
import { StaffQueue } from '@/features/staff-tickets'

/** 工单; `?unitId=&unit=` opens one flat's history (from a ticket). */
export default routedPage((params) => <StaffQueue unit={params.unitId ? { unitId: params.unitId, label: decodeURIComponent(params.unit ?? '') || '该房屋' } : undefined} />)
