/** H5-only feature. Never import this statically: see src/features/shell/PageShell.tsx and src/app.ts. */
import { setIdentityProvider } from '@/services/cloud'
import { currentOpenid } from './persona'

export { PersonaSwitcher } from './PersonaSwitcher'

export function installDevPersona(): void {
  setIdentityProvider(currentOpenid)
}
