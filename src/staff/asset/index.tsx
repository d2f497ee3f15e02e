import { routedPage } from '@/features/shell'
import { AssetPage } from '@/features/facilities'

export default routedPage((params) => <AssetPage id={params.id ? decodeURIComponent(params.id) : undefined} code={params.code ? decodeURIComponent(params.code) : undefined} />)
