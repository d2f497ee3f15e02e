import type { UserConfigExport } from '@tarojs/cli'

// Production builds: minified JS (terser) and CSS for both targets.
export default {
  terser: { enable: true, config: { compress: { drop_debugger: true, passes: 2 } } },
  csso: { enable: true, config: {} },
  mini: {
    // minifyXML.collapseWhitespace strips the `/` of <input />, which wcc rejects: keep it off.
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>
