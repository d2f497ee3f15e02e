/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** CloudBase environment id, from TARO_APP_CLOUD_ENV at build time (default `linli-dev`). */
declare const LINLI_CLOUD_ENV: string
/** package.json version at build time. */
declare const LINLI_APP_VERSION: string
/** Subscribe-message template ids, from TARO_APP_TPL_* at build time (placeholders match the local backend). */
declare const LINLI_TPL_PROGRESS: string
declare const LINLI_TPL_DONE: string
declare const LINLI_TPL_REPLY: string
declare const LINLI_TPL_NOTICE: string
/** Staff templates: new assignment, emergency, deadline warning, callback due (in this order). */
declare const LINLI_TPL_STAFF: string[]
/** The day-before move-in reminder (入住办理提醒). */
declare const LINLI_TPL_MOVEIN: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
    TARO_APP_CLOUD_ENV?: string
  }
}

/** The WeChat global (weapp only); used directly for APIs Taro does not wrap. */
declare const wx: {
  onNeedPrivacyAuthorization?: (listener: (resolve: (res: { event: 'agree' | 'disagree'; buttonId?: string }) => void) => void) => void
  [api: string]: unknown
}
