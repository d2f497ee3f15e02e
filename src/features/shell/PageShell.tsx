import type { ComponentType, ReactNode } from 'react'
import { View } from '@tarojs/components'
import { PrivacyPopup } from '@/features/privacy'
import './PageShell.scss'

// The persona switcher exists only in the H5 build: the condition is a build-time constant, so
// webpack drops this require (and the whole dev-persona feature) from the weapp bundle.
let DevPersona: ComponentType | null = null
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  DevPersona = require('@/features/dev-persona').PersonaSwitcher
}

interface Props {
  className?: string
  children?: ReactNode
}

/** Every page's root: page padding, the privacy popup and (H5) the persona switcher. */
export function PageShell({ className, children }: Props) {
  return (
    <View className={`page ${className ?? ''}`}>
      {children}
      <PrivacyPopup />
      {DevPersona && <DevPersona />}
    </View>
  )
}
