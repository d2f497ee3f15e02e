import { routedPage } from '@/features/shell'
import { ReceiptScreen } from '@/features/movein'

/** 钥匙交接单 (`?id=` booking): the owner and the desk open and print the same signed record. */
export default routedPage((params) => <ReceiptScreen bookingId={params.id} />)
