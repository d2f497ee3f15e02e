import { tabPage } from '@/features/shell'
import { MineScreen } from '@/features/mine'

export default tabPage(() => <MineScreen />)
