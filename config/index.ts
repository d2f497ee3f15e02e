import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** NutUI is designed at 375; our own styles at 750 (Taro's default). */
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file
  return typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750
}

// Values baked into the bundle at build time.
const cloudEnv = process.env.TARO_APP_CLOUD_ENV || 'linli-dev'
// Subscribe-message template ids (from the mini-program console); placeholders match the local backend.
const templates = {
  progress: process.env.TARO_APP_TPL_PROGRESS || 'TPL_TICKET_PROGRESS',
  done: process.env.TARO_APP_TPL_DONE || 'TPL_TICKET_DONE',
  reply: process.env.TARO_APP_TPL_REPLY || 'TPL_TICKET_REPLY',
  notice: process.env.TARO_APP_TPL_NOTICE || 'TPL_NOTICE',
  assigned: process.env.TARO_APP_TPL_ASSIGNED || 'TPL_STAFF_ASSIGNED',
  emergency: process.env.TARO_APP_TPL_EMERGENCY || 'TPL_STAFF_EMERGENCY',
  deadline: process.env.TARO_APP_TPL_DEADLINE || 'TPL_STAFF_DEADLINE',
  callback: process.env.TARO_APP_TPL_CALLBACK || 'TPL_STAFF_CALLBACK',
  movein: process.env.TARO_APP_TPL_MOVEIN || 'TPL_MOVEIN_REMIND',
}
/**
 * A feature's `index.ts` only re-exports (features talk to each other through it), so webpack may
 * skip the parts of it a page does not use: without this, 首页 importing one component of
 * `@/features/notices` would pull the notice detail, ask sheet… into the main package. The
 * dev-persona barrel registers the H5 persona switcher when imported: it keeps its side effect.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pureFeatureBarrels(chain: any) {
  chain.module
    .rule('linli-pure-feature-barrels')
    .test(/[\\/]src[\\/]features[\\/](?!dev-persona[\\/])[^\\/]+[\\/]index\.ts$/)
    .sideEffects(false)
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const appVersion: string = require('../package.json').version

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2024-11-28',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // LINLI_OUTPUT_ROOT lets a second build (e.g. for browser tests) go elsewhere.
    outputRoot: process.env.LINLI_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    // Keeps base.wxml small; our component trees are shallow.
    baseLevel: 8,
    plugins: [],
    defineConstants: {
      LINLI_CLOUD_ENV: JSON.stringify(cloudEnv),
      LINLI_APP_VERSION: JSON.stringify(appVersion),
      LINLI_TPL_PROGRESS: JSON.stringify(templates.progress),
      LINLI_TPL_DONE: JSON.stringify(templates.done),
      LINLI_TPL_REPLY: JSON.stringify(templates.reply),
      LINLI_TPL_NOTICE: JSON.stringify(templates.notice),
      LINLI_TPL_STAFF: JSON.stringify([templates.assigned, templates.emergency, templates.deadline, templates.callback]),
      LINLI_TPL_MOVEIN: JSON.stringify(templates.movein),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Component styles are independent of each other; their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Modules used by one subpackage only (staff, and each resident page outside the tab bar) go
      // into that subpackage.
      optimizeMainPackage: { enable: true },
      webpackChain: pureFeatureBarrels,
    },
    h5: {
      webpackChain: pureFeatureBarrels,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
