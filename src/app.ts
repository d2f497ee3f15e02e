import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'
import { installPrivacyHandler } from '@/features/privacy'

// H5 only (build-time constant): the local dev persona supplies the caller's openid.
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('@/features/dev-persona').installDevPersona()
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
  })
  // children are the pages
  return children
}

export default App
